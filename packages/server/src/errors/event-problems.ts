import { InvalidEventError } from '@xiaoer/engine';

/**
 * The JSON pointers an engine `InvalidEventError` names (trigger data against the journey's
 * contract, or one bad field of the event), as `{ pointer, message }`; none for other errors.
 */
export function eventProblemsOf(error: unknown): { pointer: string; message: string }[] {
  if (!(error instanceof InvalidEventError)) return [];
  const listed = error.details['problems'];
  if (Array.isArray(listed))
    return listed.flatMap((item: unknown) => {
      const { pointer, reason } = (item ?? {}) as { pointer?: unknown; reason?: unknown };
      return typeof pointer === 'string' && typeof reason === 'string'
        ? [{ pointer, message: reason }]
        : [];
    });
  const pointer = error.details['pointer'];
  return typeof pointer === 'string' ? [{ pointer, message: error.message }] : [];
}
