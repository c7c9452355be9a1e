import type { Problem } from './validation/problem.ts';

/**
 * Base of every error the engine throws on purpose. `code` is stable and machine-readable;
 * the server maps these to HTTP 4xx responses in one place.
 */
export class XiaoerError extends Error {
  readonly code: string;
  /** True when the caller's input is at fault (maps to 4xx), false for our own bugs. */
  readonly userError: boolean;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    userError = true,
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.userError = userError;
    this.details = details;
  }
}

/** The workflow document breaks the schema or a semantic rule. Carries every problem. */
export class WorkflowValidationError extends XiaoerError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const first = problems[0];
    const summary = first ? `${first.pointer || '/'}: ${first.message.en}` : 'invalid workflow';
    super('workflow.invalid', `Workflow has ${problems.length} problem(s); first: ${summary}`, {
      problems,
    });
    this.problems = problems;
  }
}

/** An event is malformed: missing `type` or `at`, bad data keys, wrong trigger data. */
export class InvalidEventError extends XiaoerError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('event.invalid', message, details);
  }
}

/** The journey's current node does not accept this event (wrong type, stale effect, ...). */
export class EventNotAcceptedError extends XiaoerError {
  constructor(eventType: string, nodeId: string, accepted: string[]) {
    super(
      'event.notAccepted',
      `Event "${eventType}" is not accepted at node "${nodeId}"; it waits for: ${accepted.join(', ') || 'nothing'}`,
      { eventType, nodeId, accepted },
    );
  }
}

/** The trigger event does not start this journey (other type, or the filter rejects it). */
export class TriggerMismatchError extends XiaoerError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('trigger.mismatch', message, details);
  }
}

/** The journey already ended; no event can move it. */
export class JourneyEndedError extends XiaoerError {
  constructor() {
    super('journey.ended', 'The journey has already ended and accepts no more events');
  }
}

/** A persisted snapshot does not belong to this machine or is damaged. */
export class InvalidSnapshotError extends XiaoerError {
  constructor(message: string) {
    super('snapshot.invalid', message);
  }
}
