import { useEffect, useId, useMemo, useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inboxApi, knowledgeApi } from '../api/service-api.ts';
import { QuickReplyPicker } from './QuickReplyPicker.tsx';
import { placeholdersLeft } from './quick-reply-text.ts';
import { useDesk, type DeskStore, type OpenChat } from './desk-store.ts';
import { useDeskFailure } from './desk-names.ts';

/**
 * Where the agent writes: answers from the knowledge base for the customer's last line, the
 * shop's quick replies filled from the conversation, the reply box (Enter sends). A reply that
 * still has a placeholder (`{{order.id}}`, one the conversation had no value for) is not sent:
 * the composer names what to fill in, as the quick replies page calls it.
 */
export function DeskComposer({ desk, chat }: { desk: DeskStore; chat: OpenChat }) {
  const { t } = useTranslation();
  const selected = useDesk(desk, (s) => s.selected);
  const myName = useDesk(desk, (s) => s.myName);
  const draft = useDesk(desk, (s) => s.draft);
  const { setDraft, sent, opened } = desk.getState();
  const unfilled = useMemo(() => placeholdersLeft(draft), [draft]);
  const fail = useDeskFailure();
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const missingId = useId();

  const lastCustomerLine = chat.messages.filter((m) => m.from === 'customer').at(-1)?.text;
  useEffect(() => {
    if (!lastCustomerLine) return setSuggestions([]);
    const language = chat.conversation.customer.language;
    knowledgeApi
      .search(lastCustomerLine, language)
      .then((found) =>
        setSuggestions(
          found.matches
            .map((m) => m.article.answer[language] ?? '')
            .filter(Boolean)
            .slice(0, 3),
        ),
      )
      .catch(() => setSuggestions([]));
    // Only a new customer line asks again.
  }, [lastCustomerLine]);

  const send = async () => {
    if (!selected || !draft.trim() || unfilled.length > 0) return;
    try {
      await inboxApi.reply(selected, draft.trim());
      sent();
      opened(await inboxApi.conversation(selected));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      {suggestions.length > 0 && (
        <Space wrap data-testid="quick-replies">
          <Typography.Text type="secondary">{t('inbox.quickReplies')}</Typography.Text>
          {suggestions.map((text) => (
            <Button key={text} size="small" onClick={() => setDraft(text)}>
              {text.length > 30 ? `${text.slice(0, 30)}…` : text}
            </Button>
          ))}
        </Space>
      )}
      <Space style={{ marginTop: 8 }} wrap>
        <QuickReplyPicker
          language={chat.conversation.customer.language}
          values={{
            'customer.name': chat.conversation.customer.name,
            'customer.id': chat.conversation.customer.id,
            'order.id': chat.conversation.orderId,
            'agent.name': myName,
          }}
          onPick={(text) => setDraft((d) => (d.trim() ? `${d.trimEnd()} ${text}` : text))}
        />
        {unfilled.length > 0 && (
          <Typography.Text type="warning" id={missingId} data-testid="quick-reply-missing">
            {t('quickReplies.missing', {
              names: unfilled
                .map((name) =>
                  t(`quickReplies.placeholder.${name.replace('.', '_')}`, { defaultValue: name }),
                )
                .join(t('quickReplies.namesSeparator')),
            })}
          </Typography.Text>
        )}
      </Space>
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea
          data-testid="inbox-reply"
          aria-label={t('inbox.reply')}
          // What is still to fill in is said with the box, which is invalid until then.
          aria-invalid={unfilled.length > 0 || undefined}
          aria-describedby={unfilled.length > 0 ? missingId : undefined}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={draft}
          maxLength={2000}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={(e) => {
            if (!e.shiftKey) {
              e.preventDefault();
              void send();
            }
          }}
        />
        <Button
          type="primary"
          data-testid="inbox-send"
          disabled={unfilled.length > 0}
          onClick={() => void send()}
        >
          {t('inbox.send')}
        </Button>
      </Space.Compact>
    </>
  );
}
