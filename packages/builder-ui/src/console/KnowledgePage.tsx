import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { LocalizedText } from '@xiaoer/engine';
import { useTranslation } from 'react-i18next';
import { ApiFailure, errorText } from '../api/api-client.ts';
import { knowledgeApi, type KnowledgeArticle, type UnansweredGroup } from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { SearchBox } from '../app/SearchBox.tsx';
import { FileImportButton } from '../app/FileImportButton.tsx';
import { TryMessageBox } from './TryMessageBox.tsx';
import { IntentsPanel } from './IntentsPanel.tsx';
import { pageArrows } from '../app/antd-icons.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

type Editing = Partial<KnowledgeArticle> & { questionsText: string };
/** A refused import's problem: the article (`row`), its CSV file line, the reason in zh and en. */
type ImportProblem = {
  row?: number;
  line?: number;
  pointer?: string;
  message?: string;
  text?: LocalizedText;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The knowledge base for operators: try a customer message (intent, entities, answers), search, edit (an edit answers the next question on every
 * server process), import and export (JSON, CSV), and the frequent unanswered questions, each
 * group made an article in one step.
 */
export function KnowledgePage({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ articles: KnowledgeArticle[]; total: number }>();
  const [editing, setEditing] = useState<Editing>();
  const [groups, setGroups] = useState<UnansweredGroup[]>();
  const [promoting, setPromoting] = useState<{ group: UnansweredGroup; answer: string }>();
  const fail = useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [message, language],
  );
  const load = useCallback(
    () => void knowledgeApi.list(q, page).then(setResult, fail),
    [q, page, fail],
  );
  useEffect(load, [load]);
  const loadGroups = useCallback(
    () => void knowledgeApi.unanswered().then((r) => setGroups(r.groups), fail),
    [fail],
  );

  const save = async () => {
    if (!editing) return;
    const article = {
      questions: lines(editing.questionsText),
      synonyms: editing.synonyms ?? [],
      answer: editing.answer ?? {},
      tags: editing.tags ?? [],
      status: editing.status ?? 'published',
    };
    try {
      if (editing.id && editing.revision)
        await knowledgeApi.update({ ...(editing as KnowledgeArticle), ...article });
      else await knowledgeApi.create(article);
      void message.success(t('knowledge.saved'));
      setEditing(undefined);
      load();
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409)
        Modal.warning({ title: t('knowledge.conflict'), content: errorText(error, language) });
      else fail(error);
    }
  };
  const importFile = async (file: File) => {
    try {
      const done = await knowledgeApi.importFile(file);
      void message.success(t('knowledge.imported', done));
      load();
    } catch (error) {
      const problems = error instanceof ApiFailure ? error.details['problems'] : undefined;
      Modal.error({
        title: t('knowledge.importRefused'),
        content: (
          <ul data-testid="knowledge-import-problems">
            {Array.isArray(problems)
              ? (problems as ImportProblem[]).slice(0, 20).map((p, i) => (
                  <li key={i}>
                    {p.line !== undefined
                      ? `${t('knowledge.importLine', { line: p.line, row: p.row })} `
                      : p.row !== undefined
                        ? `${t('knowledge.importRow', { row: p.row })} `
                        : ''}
                    <code>{p.pointer}</code> {p.text?.[language] ?? p.message}
                  </li>
                ))
              : errorText(error, language)}
          </ul>
        ),
      });
    }
  };

  const edit = (article: KnowledgeArticle) =>
    setEditing({ ...article, questionsText: article.questions.join('\n') });

  const articles = (
    <>
      <TryMessageBox />
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          data-testid="knowledge-search"
          placeholder={t('knowledge.search')}
          allowClear
          onSearch={(value) => {
            setPage(1);
            setQ(value);
          }}
        />
        {canEdit && (
          <Button
            type="primary"
            data-testid="knowledge-new"
            onClick={() => setEditing({ questionsText: '', answer: {}, status: 'published' })}
          >
            {t('knowledge.new')}
          </Button>
        )}
        <Button href="/api/knowledge/export?format=json">{t('knowledge.exportJson')}</Button>
        <Button href="/api/knowledge/export?format=csv">{t('knowledge.exportCsv')}</Button>
        {canEdit && (
          <FileImportButton
            label={t('knowledge.import')}
            accept=".json,.csv"
            testId="knowledge-import"
            onFile={(file) => void importFile(file)}
          />
        )}
      </Space>
      <Table<KnowledgeArticle>
        rowKey="id"
        size="small"
        loading={!result}
        dataSource={result?.articles ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: result?.total ?? 0,
          onChange: setPage,
          itemRender: pageArrows,
        }}
        onRow={(article) =>
          ({
            onClick: () => canEdit && edit(article),
            'data-testid': `article-${article.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'ID',
            dataIndex: 'id',
            width: 160,
            // The row opens on a click; its id is the button the keyboard reaches (Tab, Enter).
            render: (id: string, article) =>
              canEdit ? (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('knowledge.editArticle', { id })}
                  onClick={(event) => {
                    event.stopPropagation();
                    edit(article);
                  }}
                >
                  {id}
                </Button>
              ) : (
                id
              ),
          },
          {
            title: t('knowledge.questions'),
            dataIndex: 'questions',
            render: (questions: string[]) => questions[0],
          },
          {
            title: t('knowledge.answer'),
            dataIndex: 'answer',
            render: (answer: KnowledgeArticle['answer']) =>
              (answer[language] ?? answer.zh ?? answer.en ?? '').slice(0, 60),
          },
          {
            title: t('knowledge.status'),
            dataIndex: 'status',
            render: (status: string) => (
              <Tag color={status === 'published' ? 'green' : 'orange'}>
                {t(`knowledge.statuses.${status}`)}
              </Tag>
            ),
          },
          {
            title: t('knowledge.tags'),
            dataIndex: 'tags',
            render: (tags: string[]) => tags.join(', '),
          },
        ]}
      />
    </>
  );

  const unanswered = (
    <Table<UnansweredGroup>
      rowKey="key"
      size="small"
      loading={!groups}
      dataSource={groups ?? []}
      pagination={{ itemRender: pageArrows }}
      data-testid="unanswered"
      columns={[
        { title: t('knowledge.count'), dataIndex: 'count', width: 80 },
        {
          title: t('knowledge.examples'),
          dataIndex: 'examples',
          render: (examples: UnansweredGroup['examples']) =>
            examples
              .slice(0, 3)
              .map((e) => e.text)
              .join(' · '),
        },
        {
          title: '',
          width: 140,
          render: (_: unknown, group: UnansweredGroup) =>
            canEdit && (
              <Button size="small" onClick={() => setPromoting({ group, answer: '' })}>
                {t('knowledge.makeArticle')}
              </Button>
            ),
        },
      ]}
    />
  );

  return (
    <div className="page" data-testid="knowledge">
      <Typography.Title level={3}>{t('knowledge.title')}</Typography.Title>
      <Tabs
        onChange={(key) => key === 'unanswered' && loadGroups()}
        items={[
          { key: 'articles', label: t('knowledge.articles'), children: articles },
          { key: 'unanswered', label: t('knowledge.unanswered'), children: unanswered },
          { key: 'intents', label: t('intents.tab'), children: <IntentsPanel canEdit={canEdit} /> },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.id ?? t('knowledge.new')}
        okText={t('knowledge.save')}
        okButtonProps={{ 'data-testid': 'article-save' } as ButtonProps}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        width={640}
      >
        {editing && (
          <Form layout="vertical">
            <Form.Item label={t('knowledge.questionsHint')}>
              <Input.TextArea
                data-testid="article-questions"
                autoSize={{ minRows: 2 }}
                value={editing.questionsText}
                onChange={(e) => setEditing({ ...editing, questionsText: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('knowledge.synonymsHint')}>
              <Select
                mode="tags"
                data-testid="article-synonyms"
                value={editing.synonyms ?? []}
                onChange={(synonyms: string[]) => setEditing({ ...editing, synonyms })}
                tokenSeparators={[',', '，', '|']}
                open={false}
              />
            </Form.Item>
            {(['zh', 'en'] as const).map((lang) => (
              <Form.Item key={lang} label={`${t('knowledge.answer')} (${lang})`}>
                <Input.TextArea
                  data-testid={`article-answer-${lang}`}
                  autoSize={{ minRows: 2 }}
                  value={editing.answer?.[lang] ?? ''}
                  onChange={(e) =>
                    setEditing({
                      ...editing,
                      answer: { ...editing.answer, [lang]: e.target.value || undefined },
                    })
                  }
                />
              </Form.Item>
            ))}
            <Space>
              <Select
                value={editing.status}
                style={{ width: 140 }}
                onChange={(status: 'draft' | 'published') => setEditing({ ...editing, status })}
                options={(['published', 'draft'] as const).map((s) => ({
                  value: s,
                  label: t(`knowledge.statuses.${s}`),
                }))}
              />
              {editing.id && (
                <Button
                  danger
                  onClick={() =>
                    void knowledgeApi
                      .remove(editing.id!)
                      .then(() => {
                        setEditing(undefined);
                        load();
                      })
                      .catch(fail)
                  }
                >
                  {t('knowledge.delete')}
                </Button>
              )}
            </Space>
          </Form>
        )}
      </Modal>
      <Modal
        open={!!promoting}
        title={t('knowledge.makeArticle')}
        onCancel={() => setPromoting(undefined)}
        onOk={() =>
          promoting &&
          void knowledgeApi
            .promote(promoting.group.key, { [language]: promoting.answer })
            .then(() => {
              setPromoting(undefined);
              loadGroups();
              load();
            })
            .catch(fail)
        }
      >
        <Typography.Paragraph>
          {promoting?.group.examples.map((e) => e.text).join(' · ')}
        </Typography.Paragraph>
        <Input.TextArea
          autoSize={{ minRows: 3 }}
          placeholder={t('knowledge.answer')}
          value={promoting?.answer ?? ''}
          onChange={(e) => promoting && setPromoting({ ...promoting, answer: e.target.value })}
        />
      </Modal>
    </div>
  );
}
