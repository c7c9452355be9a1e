import type { LingerFill } from '../model/group-commit.ts';

/**
 * How long the runtime's bookkeeping writes wait to share a transaction with others' (ms).
 *
 * The store has one writer at a time and each command is a transaction (with its fsync), so
 * the cost is per command, not per document. Writes on the way to an acknowledgement or a
 * delivery go at once: the inbox entry (which carries the event), the step claim and step record,
 * an attempt's claim. What follows a delivery or a routing and that no caller waits on to answer
 * (an event's record with its outcome, the events page's entry, an effect's record, an instance's
 * document written behind its steps, the removal of inbox entries and outbox notes) waits this
 * long, so that at one client several events share each of those writes; under load they are
 * gathered anyway.
 * A crash in the window loses nothing: the inbox entries and outbox notes go last, and recovery
 * replays what they still name.
 */
export const BOOKKEEPING_LINGER_MS = 40;

/**
 * How much longer a bookkeeping batch may wait, once its linger ended, for the writes on the
 * way to an acknowledgement or a delivery to have none in flight (ms). The store writes one
 * transaction at a time: written while such a write waits, a batch of bookkeeping holds it up.
 */
export const BOOKKEEPING_YIELD_MS = 40;

/**
 * How a small batch of bookkeeping lingers on: past its 40 ms, while it holds fewer than 24
 * writes, up to 120 ms from its start. At one client events come one after another, a few
 * milliseconds apart on a fast machine and more on a slow one: 40 ms gathered 16 events' writes
 * at 270 events a second and fewer below, each lane then costing a command per handful of
 * events. Under load 40 ms gathers more than 24 and nothing changes.
 */
export const BOOKKEEPING_FILL: LingerFill = { items: 24, upToMs: 120 };

/** The {@link GroupCommit} lanes that linger, by `collection:kind`. */
export const bookkeepingLinger: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'events:insert',
    'eventOutcomes:insert',
    'receivedEvents:insert',
    'effects:insert',
    'effects:update',
    'instances:insert',
    'instances:update',
    'inbox:delete',
    'outbox:delete',
  ].map((lane) => [lane, BOOKKEEPING_LINGER_MS]),
);
