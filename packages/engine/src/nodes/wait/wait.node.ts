import { DateTime } from 'luxon';
import { defineNodeType } from '../node-type.ts';
import { ENGINE_EVENTS } from '../../runtime/journey-context.ts';
import { readPath, renderTemplate } from '../../expressions/template.ts';
import {
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  nextAllowedTime,
  type AllowedHours,
} from '../../time/allowed-hours.ts';
import { durationMs } from '../../time/duration.ts';
import {
  DATA_PATH_DESCRIPTION,
  durationSchema,
  templateSchema,
  variableNameSchema,
} from '../shared/config-schemas.ts';
import { checkDuration, checkTimeZone } from '../shared/config-checks.ts';
import { checkTemplate, templateReads } from '../shared/variable-reads.ts';
import { cancelTimer, scheduleTimer, type TimerTiming } from '../shared/timers.ts';
import {
  acceptAlternatives,
  alternativeEvents,
  alternativeOutcomes,
  alternativeSaves,
  alternativesSchema,
  checkAlternativeIds,
  eventMatches,
  matchReads,
  matchSchema,
  savedAlternative,
  type AwaitedEvents,
} from '../shared/awaited-events.ts';

/**
 * A pause; its `alternatives` are events that end it early, each by its own outcome, e.g. the
 * order is refunded during the day before the survey (a refund the journey would otherwise only
 * park until a node takes it).
 */
export interface WaitConfig extends AwaitedEvents {
  /** Wait this long, e.g. `1d`. */
  duration?: string;
  /** Or wait until this time, a template giving an ISO instant, e.g. `{{order.promisedAt}}`. */
  until?: string;
  /** Only continue inside these daily hours, e.g. 09:00-21:00 in the customer's time zone. */
  allowedHours?: { from: string; to: string; timeZone?: string; timeZoneVariable?: string };
}

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const HHMM_DESCRIPTION = 'A time as HH:mm, e.g. 09:00 / 时间，格式 HH:mm，如 09:00';

/** Pauses the journey for a duration or until a time, optionally only inside allowed hours. */
export const waitNode = defineNodeType<WaitConfig>({
  type: 'wait',
  title: { zh: '等待', en: 'Wait' },
  description: {
    zh: '等待一段时间或到某个时间点，可限定只在允许的时段内继续（如 09:00-21:00）',
    en: 'Waits for a duration or until a time, optionally continuing only inside allowed hours',
  },
  category: 'flow',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    oneOf: [{ required: ['duration'] }, { required: ['until'] }],
    properties: {
      duration: durationSchema('Duration / 时长'),
      until: templateSchema('Until / 直到', 200),
      allowedHours: {
        type: 'object',
        title: 'Allowed hours / 允许时段',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: {
          from: { type: 'string', pattern: HHMM, description: HHMM_DESCRIPTION, default: '09:00' },
          to: { type: 'string', pattern: HHMM, description: HHMM_DESCRIPTION, default: '21:00' },
          timeZone: { type: 'string', default: DEFAULT_TIME_ZONE },
          timeZoneVariable: {
            ...variableNameSchema('Time zone from data / 时区变量'),
            pattern: '^[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*$',
            description: DATA_PATH_DESCRIPTION,
          },
        },
      },
      match: matchSchema,
      alternatives: alternativesSchema('Events that end the wait early / 提前结束等待的事件', [
        'next',
      ]),
    },
  },
  defaultConfig: { duration: '1d' },
  outcomes: (config) => [
    { id: 'next', title: { zh: '继续', en: 'Continue' } },
    ...alternativeOutcomes(config),
  ],
  waits: true,
  awaits: (config) => [ENGINE_EVENTS.timerFired, ...alternativeEvents(config)],
  reads: (config) => [
    ...matchReads(config),
    ...templateReads(config.until, '/until'),
    ...(config.allowedHours?.timeZoneVariable
      ? [{ path: config.allowedHours.timeZoneVariable, pointer: '/allowedHours/timeZoneVariable' }]
      : []),
  ],
  writes: alternativeSaves,
  check: (config) => [
    ...checkAlternativeIds(config),
    ...checkDuration(config.duration, '/duration'),
    ...checkTemplate(config.until, '/until'),
    ...checkTimeZone(config.allowedHours?.timeZone, '/allowedHours/timeZone'),
  ],
  compile: (node, c) => ({
    entry: [c.enter(), c.effect('schedule')],
    on: {
      [ENGINE_EVENTS.timerFired]: [{ guard: c.timerIs('wait'), ...c.go('next') }],
      ...acceptAlternatives(c, node.config, [c.effect('cancel')]),
    },
  }),
  guards: {
    matches: ({ node, context, event }) => eventMatches(node.config, context.data, event),
  },
  updates: {
    save: ({ node, context, event }) => savedAlternative(node.config, context, event),
  },
  effects: {
    schedule: ({ node, context, at }) =>
      scheduleTimer(context, 'wait', waitTiming(node.config, context.data, at), 'wait'),
    cancel: ({ context }) => cancelTimer(context, 'wait'),
  },
});

/**
 * When the wait ends, and what it asked for before allowed hours moved it. An `until` that
 * does not render to a valid time ends the wait at once (the journey should not hang on bad
 * data); a past time does too.
 */
export function waitTiming(config: WaitConfig, data: object, at: string): TimerTiming {
  const now = DateTime.fromISO(at, { setZone: true });
  let requested: DateTime = now;
  let requestedDelayMs: number | undefined;
  if (config.duration !== undefined) {
    requestedDelayMs = durationMs(config.duration);
    requested = now.plus({ milliseconds: requestedDelayMs });
  } else if (config.until !== undefined) {
    const until = DateTime.fromISO(renderTemplate(config.until, data).trim(), { setZone: true });
    if (until.isValid && until > now) requested = until;
  }
  const requestedAt = requested.toISO() ?? at;
  const asked = { requestedAt, ...(requestedDelayMs !== undefined ? { requestedDelayMs } : {}) };
  if (!config.allowedHours) return { dueAt: requestedAt, ...asked };
  const fromData = config.allowedHours.timeZoneVariable
    ? readPath(data, config.allowedHours.timeZoneVariable)
    : undefined;
  const allowedHours: AllowedHours = {
    from: config.allowedHours.from,
    to: config.allowedHours.to,
    timeZone:
      typeof fromData === 'string' && isValidTimeZone(fromData)
        ? fromData
        : (config.allowedHours.timeZone ?? DEFAULT_TIME_ZONE),
  };
  const dueAt = nextAllowedTime(requested, allowedHours).toISO() ?? requestedAt;
  return { dueAt, ...asked, allowedHours };
}
