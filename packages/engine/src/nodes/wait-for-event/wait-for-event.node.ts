import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { durationSchema, eventTypeSchema, variableNameSchema } from '../shared/config-schemas.ts';
import { checkDuration, checkUniqueIds } from '../shared/config-checks.ts';
import {
  acceptAlternatives,
  acceptEvent,
  alternativeEvents,
  alternativeSaves,
  checkAlternativeIds,
  alternativeOutcomes,
  alternativesSchema,
  eventMatches,
  matchReads,
  matchSchema,
  savedEvent,
  type AwaitedEvents,
} from '../shared/awaited-events.ts';
import { afterDelay, cancelTimer, scheduleTimer } from '../shared/timers.ts';
import { durationMs } from '../../time/duration.ts';

export type { WaitAlternative } from '../shared/awaited-events.ts';

/**
 * A wait for one event; its `alternatives` are other events that end it, e.g. the order is
 * cancelled while waiting for its shipment.
 */
export interface WaitForEventConfig extends AwaitedEvents {
  /** The event to wait for, e.g. `order.shipped`. */
  event: string;
  /** Give up after this long, e.g. `48h`; adds the `timeout` outcome. */
  timeout?: string;
  /** Store the event's data under this variable. */
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
      match: matchSchema,
      timeout: durationSchema('Timeout / 超时'),
      saveAs: variableNameSchema('Save event data as / 保存事件数据到'),
      alternatives: alternativesSchema('Other events / 其他事件', OWN_OUTCOMES),
    },
  },
  defaultConfig: { event: 'order.shipped', match: { orderId: 'orderId' }, timeout: '48h' },
  outcomes: (config) => [
    { id: 'received', title: { zh: '已收到', en: 'Received' } },
    ...alternativeOutcomes(config),
    ...(config.timeout ? [{ id: 'timeout', title: { zh: '超时', en: 'Timed out' } }] : []),
  ],
  waits: true,
  awaits: (config) => [
    config.event,
    ...alternativeEvents(config),
    ...(config.timeout ? [ENGINE_EVENTS.timerFired] : []),
  ],
  reads: matchReads,
  writes: (config) => [...(config.saveAs ? [config.saveAs] : []), ...alternativeSaves(config)],
  check: (config) => [
    ...checkDuration(config.timeout, '/timeout'),
    ...checkAlternativeIds(config),
    ...checkUniqueIds([config.event, ...alternativeEvents(config)], (i) =>
      i === 0 ? '/event' : `/alternatives/${i - 1}/event`,
    ),
  ],
  compile: (node, c) => {
    const { config } = node;
    const leaving = config.timeout ? [c.effect('cancelTimeout')] : [];
    const saves = Boolean(config.saveAs);
    return {
      entry: [c.enter(), ...(config.timeout ? [c.effect('scheduleTimeout')] : [])],
      on: {
        ...acceptEvent(c, config, config.event, { id: 'received', saves }, leaving),
        ...acceptAlternatives(c, config, leaving),
        ...(config.timeout
          ? { [ENGINE_EVENTS.timerFired]: [{ guard: c.timerIs('timeout'), ...c.go('timeout') }] }
          : {}),
      },
    };
  },
  guards: {
    matches: ({ node, context, event }) => eventMatches(node.config, context.data, event),
  },
  updates: {
    save: ({ node, context, event }) =>
      savedEvent(saveAsFor(node.config, event.type), context, event),
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
