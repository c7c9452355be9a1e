import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { readPath } from '../../expressions/template.ts';
import { DATA_PATH_PATTERN } from '../../expressions/data-keys.ts';
import {
  dataPathSchema,
  durationSchema,
  eventTypeSchema,
  variableNameSchema,
} from '../shared/config-schemas.ts';
import { checkDuration } from '../shared/config-checks.ts';
import { addDuration, cancelTimer, scheduleTimer } from '../shared/timers.ts';

export interface WaitForEventConfig {
  /** The event to wait for, e.g. `order.shipped`. */
  event: string;
  /** Event data path -> journey data path that must be equal, e.g. `{ "orderId": "orderId" }`. */
  match?: Record<string, string>;
  /** Give up after this long, e.g. `48h`; adds the `timeout` outcome. */
  timeout?: string;
  /** Store the event's data under this variable. */
  saveAs?: string;
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
    },
  },
  defaultConfig: { event: 'order.shipped', match: { orderId: 'orderId' }, timeout: '48h' },
  outcomes: (config) => [
    { id: 'received', title: { zh: '已收到', en: 'Received' } },
    ...(config.timeout ? [{ id: 'timeout', title: { zh: '超时', en: 'Timed out' } }] : []),
  ],
  waits: true,
  awaits: (config) => [config.event, ...(config.timeout ? [ENGINE_EVENTS.timerFired] : [])],
  reads: (config) =>
    Object.entries(config.match ?? {}).map(([key, path]) => ({ path, pointer: `/match/${key}` })),
  writes: (config) => (config.saveAs ? [config.saveAs] : []),
  check: (config) => checkDuration(config.timeout, '/timeout'),
  compile: (node, c) => {
    const leaving = node.config.timeout ? [c.effect('cancelTimeout')] : [];
    const save = node.config.saveAs ? [c.update('save')] : [];
    return {
      entry: [c.enter(), ...(node.config.timeout ? [c.effect('scheduleTimeout')] : [])],
      on: {
        [node.config.event]: [
          {
            ...(node.config.match ? { guard: c.check('matches') } : {}),
            ...c.go('received', [...save, ...leaving]),
          },
        ],
        ...(node.config.timeout
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
    save: ({ node, context, event }) =>
      node.config.saveAs
        ? { data: { ...context.data, [node.config.saveAs]: event.data ?? {} } }
        : {},
  },
  effects: {
    scheduleTimeout: ({ node, context, at }) =>
      scheduleTimer(context, 'timeout', addDuration(at, node.config.timeout ?? '0s'), 'timeout'),
    cancelTimeout: ({ context }) => cancelTimer(context, 'timeout'),
  },
});
