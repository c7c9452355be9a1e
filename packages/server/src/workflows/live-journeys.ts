import type { WorkflowDocument, WorkflowNode } from '@xiaoer/engine';
import type { EventSource, SourceKind } from '../intake/event-source.ts';
import type { XiaoerConfig } from '../server/xiaoer-config.ts';
import type { WorkflowService } from './workflow-service.ts';

/** A published journey and the events it listens to (its trigger first). */
export interface LiveJourney {
  id: string;
  version: number;
  listensTo: string[];
}

/** A source that no live journey hears: its events would be received and do nothing. */
export interface UnheardSource {
  id: string;
  kind: SourceKind;
  message: { zh: string; en: string };
}

/** The event types a shop platform's webhooks become. */
const PLATFORM_EVENTS = [
  'order.created',
  'order.paid',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
  'order.refunded',
];

/**
 * The events a journey listens to: its trigger's, then every wait's (and their alternatives,
 * which a `wait` and an `askCustomer` also have: the events that end it early).
 */
export function eventsOf(document: WorkflowDocument): string[] {
  const events = new Set<string>();
  for (const node of document.nodes) {
    const config = node.config as { event?: unknown; alternatives?: { event?: unknown }[] };
    if (!['trigger', 'waitForEvent', 'wait', 'askCustomer'].includes(node.type)) continue;
    if (typeof config.event === 'string') events.add(config.event);
    for (const alternative of config.alternatives ?? [])
      if (typeof alternative.event === 'string') events.add(alternative.event);
  }
  return [...events];
}

/** Channels a node may send on: its own and its fallbacks'. */
function channelsOf(node: WorkflowNode): string[] {
  const config = node.config as { channel?: unknown; fallback?: { channel?: unknown }[] };
  return [config.channel, ...(config.fallback ?? []).map((f) => f.channel)].filter(
    (c): c is string => typeof c === 'string',
  );
}

/**
 * Why a journey cannot work with this configuration, or undefined when it can: each message
 * must have a configured channel (chat is built in; `default` serves every channel) and
 * order-system calls need an order system.
 */
export function unfitReason(document: WorkflowDocument, config: XiaoerConfig): string | undefined {
  const configured = new Set(['chat', ...Object.keys(config.channels ?? {})]);
  for (const node of document.nodes) {
    if (node.type === 'callOrderSystem' && !config.orderSystem)
      return `node ${node.id} calls the order system and none is configured`;
    const channels = channelsOf(node);
    if (channels.length === 0 || configured.has('default')) continue;
    if (!channels.some((c) => configured.has(c)))
      return `node ${node.id} sends on ${channels.join(' or ')} and none is configured`;
  }
  return undefined;
}

/** The published, not archived journeys with the events their live version listens to. */
export async function liveJourneys(workflows: WorkflowService): Promise<LiveJourney[]> {
  const drafts = (await workflows.list()).filter((d) => d.publishedVersion > 0 && !d.archived);
  return Promise.all(
    drafts.map(async (draft) => {
      const { document } = await workflows.version(draft.id, draft.publishedVersion);
      return { id: draft.id, version: draft.publishedVersion, listensTo: eventsOf(document) };
    }),
  );
}

/** The configured sources whose events no live journey listens to. */
export function unheardSources(sources: EventSource[], live: LiveJourney[]): UnheardSource[] {
  const heard = new Set(live.flatMap((j) => j.listensTo));
  return sources
    .filter((source) => {
      if (source.kind === 'xiaoer') return heard.size === 0;
      const sent = source.mapping ? Object.values(source.mapping.type.values) : PLATFORM_EVENTS;
      return !sent.some((e) => heard.has(e));
    })
    .map((source) => ({
      id: source.id,
      kind: source.kind,
      message: {
        zh: `来源 ${source.id}（${source.kind}）的事件没有任何已发布的旅程在听：收到后不会有任何动作。请发布一个旅程（如 order-lifecycle）。`,
        en: `No published journey listens to the events of source ${source.id} (${source.kind}): they would be received and do nothing. Publish a journey (e.g. order-lifecycle).`,
      },
    }));
}
