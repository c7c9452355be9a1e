/**
 * What kind of failure an error is, independent of how it is reported. The HTTP layer maps
 * each kind to a status in one place (`http/error-handler.ts`); the CLI prints the message.
 *
 * - `invalid`: the input is malformed or breaks a rule the caller can fix.
 * - `unauthenticated`: no valid credentials. `forbidden`: credentials without the right.
 * - `not-found`: the named record does not exist.
 * - `conflict`: the record is in a state that forbids the change (stale revision, ended journey).
 * - `unprocessable`: well-formed but semantically wrong (a workflow that cannot be published).
 * - `too-large`, `unsupported`: the request body's size or encoding.
 * - `rate-limited`: too many attempts; try later. `unavailable`: a dependency is down.
 * - `internal`: our own fault.
 */
export const ERROR_KINDS = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'unprocessable',
  'too-large',
  'unsupported',
  'rate-limited',
  'unavailable',
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
