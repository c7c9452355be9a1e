import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { readPath } from '../../expressions/template.ts';
import { DATA_PATH_PATTERN } from '../../expressions/data-keys.ts';
import type { LocalizedText } from '../../workflow/workflow.types.ts';
import {
  dataPathSchema,
  durationSchema,
  eventTypeSchema,
  localizedTitleSchema,
  outcomeIdSchema,
  variableNameSchema,
} from '../shared/config-schemas.ts';
import { checkDuration, checkUniqueIds } from '../shared/config-checks.ts';
import { afterDelay, cancelTimer, scheduleTimer } from '../shared/timers.ts';
import { durationMs } from '../../time/duration.ts';

export interface WaitForEventConfig {
  /** The event to wait for, e.g. `order.shipped`. */
  event: string;
  /** Event data path -> journey data path that must be equal, e.g. `{ "orderId": "orderId" }`. */
  match?: Record<string, string>;
  /** Give up after this long, e.g. `48h`; adds the `timeout` outcome. */
  timeout?: string;
  /** Store the event's data under this variable. */
  saveAs?: string;
  /**
   * Other events that end the wait, each by its own outcome (same `match`): e.g. the order
   * is cancelled while waiting for its shipment.
   */
  alternatives?: WaitAlternative[];
}

/** Another event a wait accepts, leaving by the outcome `id`. */
export interface WaitAlternative {
  id: string;
  event: string;
  label?: LocalizedText;
  /** Store this event's data under this variable. */
  saveAs?: string;
}

/** The outcome ids the node reserves for itself. */
const OWN_OUTCOMES = ['received', 'timeout'];

/** Where the data of an accepted event is saved: the main event's or its alternative's. */
function saveAsFor(config: WaitForEventConfig, eventType: string): string | undefined {
  if (eventType === config.event) return config.saveAs;
  return config.alternatives?.find((a) => a.event === eventType)?.saveAs;
}

/** Waits for an event from the order system (shipped, delivered, review decided...). */
export const waitForEventNode = defineNodeType<WaitForEventConfig>({
  type: 'waitForEvent',
  title: { zh: '等待事件', en: 'Wait for event' },
  description: {
    zh: '等待订单系统发来的事件（如已发货），可设置超时',
    en: 'Waits for an event from the order system (e.g. shipped), with an optional timeout',
  },
  category: 'flow',
  configSchema: {
    type: 'object',
    required: ['event'],
    additionalProperties: false,
    properties: {
      event: eventTypeSchema,
      match: {
        type: 'object',
        title: 'Match / 匹配',
        propertyNames: { pattern: DATA_PATH_PATTERN },
        additionalProperties: dataPathSchema('Journey data path / 旅程数据路径'),
      },
      timeout: durationSchema('Timeout / 超时'),
      saveAs: variableNameSchema('Save event data as / 保存事件数据到'),
      alternatives: {
        type: 'array',
        title: 'Other events / 其他事件',
        maxItems: 10,
        items: {
          type: 'object',
          required: ['id', 'event'],
          additionalProperties: false,
          properties: {
            id: { ...outcomeIdSchema, not: { enum: OWN_OUTCOMES } },
            event: eventTypeSchema,
            label: localizedTitleSchema,
            saveAs: variableNameSchema('Save event data as / 保存事件数据到'),
          },
        },
      },
    },
  },
  defaultConfig: { event: 'order.shipped', match: { orderId: 'orderId' }, timeout: '48h' },
  outcomes: (config) => [
    { id: 'received', title: { zh: '已收到', en: 'Received' } },
    ...(config.alternatives ?? []).map((a) => ({
      id: a.id,
      title: a.label ?? { zh: a.event, en: a.event },
    })),
    ...(config.timeout ? [{ id: 'timeout', title: { zh: '超时', en: 'Timed out' } }] : []),
  ],
  waits: true,
  awaits: (config) => [
    config.event,
    ...(config.alternatives ?? []).map((a) => a.event),
    ...(config.timeout ? [ENGINE_EVENTS.timerFired] : []),
  ],
  reads: (config) =>
    Object.entries(config.match ?? {}).map(([key, path]) => ({ path, pointer: `/match/${key}` })),
  writes: (config) =>
    [config.saveAs, ...(config.alternatives ?? []).map((a) => a.saveAs)].filter(
      (name): name is string => name !== undefined,
    ),
  check: (config) => [
    ...checkDuration(config.timeout, '/timeout'),
    ...checkUniqueIds(
      (config.alternatives ?? []).map((a) => a.id),
      (i) => `/alternatives/${i}/id`,
    ),
    ...checkUniqueIds([config.event, ...(config.alternatives ?? []).map((a) => a.event)], (i) =>
      i === 0 ? '/event' : `/alternatives/${i - 1}/event`,
    ),
  ],
  compile: (node, c) => {
    const { config } = node;
    const leaving = config.timeout ? [c.effect('cancelTimeout')] : [];
    const accept = (event: string, outcome: string) => ({
      [event]: [
        {
          ...(config.match ? { guard: c.check('matches') } : {}),
          ...c.go(outcome, [...(saveAsFor(config, event) ? [c.update('save')] : []), ...leaving]),
        },
      ],
    });
    return {
      entry: [c.enter(), ...(config.timeout ? [c.effect('scheduleTimeout')] : [])],
      on: {
        ...accept(config.event, 'received'),
        ...Object.assign({}, ...(config.alternatives ?? []).map((a) => accept(a.event, a.id))),
        ...(config.timeout
          ? { [ENGINE_EVENTS.timerFired]: [{ guard: c.timerIs('timeout'), ...c.go('timeout') }] }
          : {}),
      },
    };
  },
  guards: {
    matches: ({ node, context, event }) =>
      Object.entries(node.config.match ?? {}).every(([eventPath, dataPath]) => {
        const expected = readPath(context.data, dataPath);
        return expected !== undefined && readPath(event.data ?? {}, eventPath) === expected;
      }),
  },
  updates: {
    save: ({ node, context, event }) => {
      const saveAs = saveAsFor(node.config, event.type);
      return saveAs ? { data: { ...context.data, [saveAs]: event.data ?? {} } } : {};
    },
  },
  effects: {
    scheduleTimeout: ({ node, context, at }) =>
      scheduleTimer(
        context,
        'timeout',
        afterDelay(at, durationMs(node.config.timeout ?? '0s')),
        'timeout',
      ),
    cancelTimeout: ({ context }) => cancelTimer(context, 'timeout'),
  },
});
