import { useEffect, useState } from 'react';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { intentsApi, type IntentClassification, type IntentSummary } from '../api/intents-api.ts';
import { knowledgeApi, type KnowledgeArticle } from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { SearchBox } from '../app/SearchBox.tsx';
import { formatNumber } from '../i18n/format.ts';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The entities found, one readable line per kind that has any. */
function entityLines(entities: IntentClassification['entities']): [string, string][] {
  const lines: [string, string[]][] = [
    ['orderNumbers', entities.orderNumbers],
    ['phoneNumbers', entities.phoneNumbers],
    ['trackingNumbers', entities.trackingNumbers.map((t) => `${t.number} (${t.carrier})`)],
    ['amounts', entities.amounts.map((a) => `${a.value} ${a.currency}`)],
    ['dates', entities.dates.map((d) => `${d.text} → ${d.date}`)],
    ['addresses', entities.addresses.map((a) => a.text)],
  ];
  return lines.filter(([, values]) => values.length > 0).map(([key, v]) => [key, v.join(', ')]);
}

/**
 * "Try a message": what the chat would make of a customer's words — the intent with its
 * confidence, the runners-up, the order numbers, amounts, dates and addresses found, and the
 * knowledge articles that would answer.
 */
export function TryMessageBox() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [busy, setBusy] = useState(false);
  // The intents' titles and descriptions, to name an intent the way an operator reads it.
  const [intents, setIntents] = useState<Map<string, IntentSummary>>(new Map());
  const loadIntents = () =>
    intentsApi.list().then(
      ({ intents: list }) => setIntents(new Map(list.map((i) => [i.intent, i]))),
      () => setIntents(new Map()),
    );
  useEffect(() => void loadIntents(), []);
  const named = (intent: string) => {
    const title = intents.get(intent)?.title[language];
    return title ? `${title} (${intent})` : intent;
  };
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{
    classification: IntentClassification;
    matches: { article: KnowledgeArticle; score: number }[];
    band?: 'answer' | 'suggest' | 'none';
  }>();

  const tryText = async (text: string) => {
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const classification = await intentsApi.classify(text);
      // An intent added since the list was read (on the intents tab): read it again.
      if (classification.intent !== 'unknown' && !intents.has(classification.intent))
        void loadIntents();
      const { matches, band } = await knowledgeApi.search(text, classification.language);
      setResult({ classification, matches: matches.slice(0, 3), ...(band ? { band } : {}) });
    } catch (failure) {
      setResult(undefined);
      setError(errorText(failure, language));
    } finally {
      setBusy(false);
    }
  };

  const classification = result?.classification;
  return (
    <Card size="small" title={t('knowledge.try.title')} style={{ marginBottom: 12 }}>
      <SearchBox
        data-testid="try-message"
        placeholder={t('knowledge.try.placeholder')}
        enterButton={t('knowledge.try.button')}
        loading={busy}
        onSearch={(text) => void tryText(text)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {classification && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="try-result">
          <Descriptions.Item label={t('knowledge.try.intent')}>
            {/* The intent and its confidence on one line, what it means on the next. */}
            <Flex vertical gap={4} data-testid="try-intent">
              <Space size={4}>
                <Tag color={classification.intent === 'unknown' ? 'default' : 'blue'}>
                  {classification.intent === 'unknown'
                    ? t('knowledge.try.unknown')
                    : named(classification.intent)}
                </Tag>
                <span data-testid="try-confidence">{percent(classification.confidence)}</span>
              </Space>
              {intents.get(classification.intent)?.description && (
                <Typography.Text type="secondary" data-testid="try-intent-description">
                  {intents.get(classification.intent)?.description?.[language]}
                </Typography.Text>
              )}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('knowledge.try.top')}>
            <Space wrap>
              {classification.top.map((score) => (
                <Tag key={score.intent}>
                  {named(score.intent)} {percent(score.confidence)}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {entityLines(classification.entities).map(([key, value]) => (
            <Descriptions.Item key={key} label={t(`knowledge.try.entities.${key}`)}>
              {value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('knowledge.try.articles')}>
            {result.band && <Tag>{t(`knowledge.try.bands.${result.band}`)}</Tag>}
            {result.matches.length === 0
              ? t('knowledge.try.noArticle')
              : result.matches
                  .map(
                    (m) =>
                      `${m.article.questions[0] ?? m.article.id} (${formatNumber(m.score, language, { min: 2, max: 2 })})`,
                  )
                  .join(' · ')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
