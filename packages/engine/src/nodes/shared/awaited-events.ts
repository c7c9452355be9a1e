import type { LocalizedText } from '../../workflow/workflow.types.ts';
import type {
  ActionRef,
  CompileContext,
  ConfigProblem,
  JsonSchema,
  Outcome,
  TransitionConfig,
} from '../node-type.ts';
import type { JourneyContext, JourneyEvent } from '../../runtime/journey-context.ts';
import { readPath } from '../../expressions/template.ts';
import { DATA_PATH_PATTERN } from '../../expressions/data-keys.ts';
import {
  dataPathSchema,
  eventTypeSchema,
  localizedTitleSchema,
  outcomeIdSchema,
  variableNameSchema,
} from './config-schemas.ts';
import { checkUniqueIds } from './config-checks.ts';

/**
 * Events that end a wait, each by its own outcome: the alternatives of `waitForEvent` (the
 * order is cancelled while waiting for its shipment), the events that end a `wait` early
 * (the order is refunded during the day before the survey) and those that end an
 * `askCustomer`'s wait for the reply (the order is refunded while the survey is open).
 */
export interface AwaitedEvents {
  /** Event data path -> journey data path that must be equal, e.g. `{ "orderId": "orderId" }`. */
  match?: Record<string, string>;
  /** Events that end the wait, each by its own outcome (under the same `match`). */
  alternatives?: WaitAlternative[];
}

/** An event a wait accepts, leaving by the outcome `id`. */
export interface WaitAlternative {
  id: string;
  event: string;
  label?: LocalizedText;
  /** Store this event's data under this variable. */
  saveAs?: string;
}

export const matchSchema: JsonSchema = {
  type: 'object',
  title: 'Match / 匹配',
  propertyNames: { pattern: DATA_PATH_PATTERN },
  additionalProperties: dataPathSchema('Journey data path / 旅程数据路径'),
};

/** The `alternatives` list; `reserved` are the outcome ids the node keeps for itself. */
export const alternativesSchema = (title: string, reserved: string[]): JsonSchema => ({
  type: 'array',
  title,
  maxItems: 10,
  items: {
    type: 'object',
    required: ['id', 'event'],
    additionalProperties: false,
    properties: {
      id: { ...outcomeIdSchema, not: { enum: reserved } },
      event: eventTypeSchema,
      label: localizedTitleSchema,
      saveAs: variableNameSchema('Save event data as / 保存事件数据到'),
    },
  },
});

/** One outcome per alternative, titled by its label or else its event. */
export function alternativeOutcomes(config: AwaitedEvents): Outcome[] {
  return (config.alternatives ?? []).map((a) => ({
    id: a.id,
    title: a.label ?? { zh: a.event, en: a.event },
  }));
}

export function alternativeEvents(config: AwaitedEvents): string[] {
  return (config.alternatives ?? []).map((a) => a.event);
}

export function matchReads(config: AwaitedEvents): { path: string; pointer: string }[] {
  return Object.entries(config.match ?? {}).map(([key, path]) => ({
    path,
    pointer: `/match/${key}`,
  }));
}

/** True when every `match` pair is equal in the journey data and the event data. */
export function eventMatches(config: AwaitedEvents, data: object, event: JourneyEvent): boolean {
  return Object.entries(config.match ?? {}).every(([eventPath, dataPath]) => {
    const expected = readPath(data, dataPath);
    return expected !== undefined && readPath(event.data ?? {}, eventPath) === expected;
  });
}

/** The journey data with the event's data saved under `saveAs`, if there is one. */
export function savedEvent(
  saveAs: string | undefined,
  context: JourneyContext,
  event: JourneyEvent,
): Partial<JourneyContext> {
  return saveAs ? { data: { ...context.data, [saveAs]: event.data ?? {} } } : {};
}

/**
 * The transition that takes `event` (when it matches, through the node's `matches` guard) and
 * leaves by `outcome`, saving its data (the node's update `saveUpdate`, `save` unless the node
 * saves something else under that name) and running `leaving` after.
 */
export function acceptEvent(
  c: CompileContext,
  config: AwaitedEvents,
  event: string,
  outcome: { id: string; saves: boolean },
  leaving: ActionRef[],
  saveUpdate = 'save',
): Record<string, TransitionConfig[]> {
  return {
    [event]: [
      {
        ...(config.match ? { guard: c.check('matches') } : {}),
        ...c.go(outcome.id, [...(outcome.saves ? [c.update(saveUpdate)] : []), ...leaving]),
      },
    ],
  };
}

/** The transitions of every alternative, each leaving by its own outcome. */
export function acceptAlternatives(
  c: CompileContext,
  config: AwaitedEvents,
  leaving: ActionRef[],
  saveUpdate = 'save',
): Record<string, TransitionConfig[]> {
  return Object.assign(
    {},
    ...(config.alternatives ?? []).map((a) =>
      acceptEvent(c, config, a.event, { id: a.id, saves: Boolean(a.saveAs) }, leaving, saveUpdate),
    ),
  ) as Record<string, TransitionConfig[]>;
}

/** The journey data with the data of `event`, an alternative's, saved under its `saveAs`. */
export function savedAlternative(
  config: AwaitedEvents,
  context: JourneyContext,
  event: JourneyEvent,
): Partial<JourneyContext> {
  return savedEvent(
    config.alternatives?.find((a) => a.event === event.type)?.saveAs,
    context,
    event,
  );
}

/** The variables the alternatives save their events' data under. */
export function alternativeSaves(config: AwaitedEvents): string[] {
  return (config.alternatives ?? [])
    .map((a) => a.saveAs)
    .filter((name): name is string => name !== undefined);
}

/** Two alternatives may not share an outcome id. */
export function checkAlternativeIds(config: AwaitedEvents): ConfigProblem[] {
  return checkUniqueIds(
    (config.alternatives ?? []).map((a) => a.id),
    (i) => `/alternatives/${i}/id`,
  );
}
