import type { CommitWindow } from '../model/group-commit.ts';

/**
 * The commit window of a step whose event's sender has its answer already: a webhook's event
 * was acknowledged once its inbox entry was stored, so nobody waits on the step but the
 * delivery of its effects (an order's confirmation message). While such steps arrive steadily —
 * one client's stream of order events is one every few milliseconds — a step's outbox note and
 * record wait up to 40 ms for 16 others' and share their writes: at one client the two commands a
 * step cost alone become about a tenth of that. Steps arriving seldom go at once, as do those of a
 * chat message or an operator's action, whose sender waits for what the journey did.
 */
export const ANSWERED_STEP_WINDOW: CommitWindow = { ms: 40, fill: 16 };
