import { INSTANCE_OUTCOMES } from '../instances/instance-outcome.ts';
import { INSTANCE_ALARMS } from '../instances/instance-alarms.ts';
import {
  anyObject,
  arrayOf,
  dateTime,
  integer,
  nullable,
  object,
  oneOf,
  recordOf,
  text,
} from './response-schema.ts';

const status = oneOf('active', 'done', 'cancelled');
/** How an instance ended; absent while it is active. */
const outcome = oneOf(...INSTANCE_OUTCOMES);

const summaryFields = {
  id: text,
  workflowId: text,
  version: integer,
  correlation: text,
  status,
  node: text,
  revision: integer,
  startedAt: dateTime,
  updatedAt: dateTime,
};
/** A list row: also why its run needs a look, when it does. */
const listed = object(summaryFields, { outcome, alarms: arrayOf(oneOf(...INSTANCE_ALARMS)) });

const timelineEntry = object(
  {
    revision: integer,
    at: dateTime,
    event: object({ type: text }, { key: text, at: text, data: anyObject, actor: text }),
    from: nullable(text),
    to: text,
    path: arrayOf(object({ nodeId: text, outcome: text, target: text })),
    effects: arrayOf(object({ kind: text })),
    status,
  },
  { dataChanges: arrayOf(object({ key: text }, { before: {}, after: {} })) },
);

const deadLetter = object({
  _id: text,
  instanceId: text,
  kind: text,
  nodeId: text,
  error: object({ code: text, message: text }),
  attempts: integer,
  at: dateTime,
});

/** The success answers of `/api/instances`, the flow overlay and dead letters. */
export const instanceResponseSchemas = {
  list: object({ instances: arrayOf(listed), total: integer, page: integer, pageSize: integer }),
  detail: object(
    {
      ...summaryFields,
      data: anyObject,
      parked: arrayOf(anyObject),
      timeline: arrayOf(timelineEntry),
      effects: arrayOf(
        object(
          {
            _id: text,
            effect: object({ kind: text }),
            status: text,
            attempts: integer,
            retries: integer,
          },
          { lastError: object({ code: text, message: text }) },
        ),
      ),
      timers: arrayOf(
        object({ timerId: text, dueAt: dateTime, status: text }, { firedAt: dateTime }),
      ),
      deadLetters: arrayOf(deadLetter),
    },
    { outcome },
  ),
  /** Server-sent events named `instance`, each `data` the detail above as JSON. */
  detailStream: { type: 'string', description: 'text/event-stream' },
  /** Server-sent events named `list`, each `data` a list answer as JSON. */
  listStream: { type: 'string', description: 'text/event-stream' },
  /** Server-sent events named `flow`, each `data` the flow counts as JSON. */
  flowStream: { type: 'string', description: 'text/event-stream' },
  cancelled: object({ id: text, status }),
  eventResult: object(
    { result: oneOf('applied', 'ignored', 'parked', 'duplicate'), node: text, status },
    { reason: text },
  ),
  flow: object({
    workflow: text,
    since: dateTime,
    nodes: recordOf(integer),
    outcomes: recordOf(integer),
  }),
  deadLetters: object({ deadLetters: arrayOf(deadLetter) }),
  retried: object({ key: text, status: text, retries: integer }),
} as const;
