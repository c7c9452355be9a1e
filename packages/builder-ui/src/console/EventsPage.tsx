import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  errorText,
  eventsApi,
  type ReceivedEvent,
  type ReceivedEventsPage,
} from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { SearchBox } from '../app/SearchBox.tsx';
import { formatDateTimeSeconds } from '../i18n/format.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

type Outcome = ReceivedEvent['outcome'];

const OUTCOME_COLORS: Record<Outcome, string> = {
  started: 'success',
  routed: 'processing',
  parked: 'warning',
  early: 'warning',
  unmatched: 'default',
  invalid: 'error',
  ignored: 'default',
  duplicate: 'default',
  'topic-ignored': 'default',
  failed: 'error',
};
const OUTCOMES = Object.keys(OUTCOME_COLORS) as Outcome[];
const PAGE_SIZE = 50;

/** Outcomes where a journey took the event: other journeys' reasons are then an aside. */
const TAKEN = new Set<Outcome>(['started', 'routed', 'parked', 'early']);

/** Why an event had its outcome: the node a parked one waits behind, pointers, reasons. */
function Why({ event }: { event: ReceivedEvent }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  // In the page's language where the runtime words them in both (entries before it: English).
  const reasons = event.reasonTexts?.map((r) => r[language]) ?? event.reasons;
  return (
    <Space direction="vertical" size={0}>
      {event.waiting.map((w) => (
        <Typography.Text key={w.instanceId} data-testid="event-waiting">
          {t('events.waitingAt', { instance: w.instanceId, node: w.node })}
        </Typography.Text>
      ))}
      {event.late && <Typography.Text>{t('events.appliedLate')}</Typography.Text>}
      {event.recovered && (
        <Typography.Text data-testid="event-recovered">{t('events.recovered')}</Typography.Text>
      )}
      {event.early.length > 0 && (
        <Typography.Text>
          {t('events.earlyFor', { journeys: event.early.join(', ') })}
        </Typography.Text>
      )}
      {event.problems.map((p) => (
        <Typography.Text key={p.pointer + p.message} type="danger" data-testid="event-problem">
          <code>{p.pointer || '/'}</code> {p.text?.[language] ?? p.message}
        </Typography.Text>
      ))}
      {event.problems.length === 0 && reasons.length > 0 && TAKEN.has(event.outcome) && (
        <Typography.Text type="secondary">{t('events.otherJourneys')}</Typography.Text>
      )}
      {event.problems.length === 0 &&
        reasons.map((r) => (
          <Typography.Text key={r} type="secondary" data-testid="event-reason">
            {r}
          </Typography.Text>
        ))}
    </Space>
  );
}

/**
 * Every event received, newest first, and what became of it (started, routed, parked and at
 * which node, invalid and where, duplicate, ignored topic...), with filters, links to the
 * instances it reached and a warning for sources no journey listens to.
 */
export function EventsPage({ onOpenInstance }: { onOpenInstance: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({});
  const [page, setPage] = useState<ReceivedEventsPage>();
  const [loading, setLoading] = useState(false);

  const load = (cursor?: string) => {
    setLoading(true);
    eventsApi
      .list({ ...filter, limit: PAGE_SIZE, cursor })
      .then((next) =>
        setPage((current) =>
          cursor && current ? { ...next, events: [...current.events, ...next.events] } : next,
        ),
      )
      .catch((error: unknown) => void message.error(errorText(error, language)))
      .finally(() => setLoading(false));
  };
  // A new filter starts again from the newest event.
  useEffect(() => load(), [filter]);
  const set = (key: string) => (value: string | undefined) =>
    setFilter((f) => ({ ...f, [key]: value || undefined }));

  return (
    <div className="page">
      <Typography.Title level={3}>{t('events.title')}</Typography.Title>
      {(page?.unheard.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unheard-sources"
          message={t('events.unheard')}
          description={page?.unheard.map((s) => (
            <div key={s.id}>{s.message[language]}</div>
          ))}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          placeholder={t('events.source')}
          allowClear
          onSearch={set('source')}
          data-testid="filter-source"
        />
        <SearchBox
          placeholder={t('events.type')}
          allowClear
          onSearch={set('type')}
          data-testid="filter-type"
        />
        <Select
          placeholder={t('events.outcome')}
          aria-label={t('events.outcome')}
          allowClear
          style={{ width: 200 }}
          onChange={set('outcome')}
          data-testid="filter-outcome"
          options={OUTCOMES.map((o) => ({ value: o, label: t(`events.outcomes.${o}`) }))}
        />
        <SearchBox
          placeholder={t('events.order')}
          allowClear
          style={{ width: 240 }}
          onSearch={set('order')}
          data-testid="filter-order"
        />
        <DatePicker.RangePicker
          showTime
          onChange={(range) =>
            setFilter((f) => ({
              ...f,
              from: range?.[0]?.toISOString(),
              to: range?.[1]?.toISOString(),
            }))
          }
        />
      </Space>
      <Table<ReceivedEvent>
        rowKey="id"
        size="small"
        loading={loading && !page}
        dataSource={page?.events ?? []}
        pagination={false}
        locale={{ emptyText: t('events.none') }}
        onRow={(row) => ({ className: 'received-event', 'data-testid': `event-${row.outcome}` })}
        columns={[
          {
            title: t('events.time'),
            dataIndex: 'at',
            render: (v: string) => formatDateTimeSeconds(v, language),
          },
          { title: t('events.source'), dataIndex: 'source' },
          { title: t('events.type'), dataIndex: 'type' },
          {
            title: t('events.outcome'),
            render: (_, r) => (
              <Tag color={OUTCOME_COLORS[r.outcome]}>{t(`events.outcomes.${r.outcome}`)}</Tag>
            ),
          },
          { title: t('events.detail'), render: (_, r) => <Why event={r} /> },
          {
            title: t('events.instances'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.instances.map((id) => (
                  <Typography.Link
                    key={id}
                    data-testid={`event-instance-${id}`}
                    onClick={() => onOpenInstance(id)}
                  >
                    {id}
                  </Typography.Link>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {page?.next && (
        <Button
          style={{ marginTop: 12 }}
          loading={loading}
          onClick={() => load(page.next ?? undefined)}
        >
          {t('events.more')}
        </Button>
      )}
    </div>
  );
}
