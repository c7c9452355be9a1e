import { InvalidEventError, type LocalizedText } from '@xiaoer/engine';

/** Where an event breaks a contract: `message` in English, `text` in zh and en when known. */
export interface EventProblem {
  pointer: string;
  message: string;
  text?: LocalizedText;
}

/**
 * The JSON pointers an engine `InvalidEventError` names (trigger data against the journey's
 * contract, with its reasons in zh and en, or one bad field of the event); none for other errors.
 */
export function eventProblemsOf(error: unknown): EventProblem[] {
  if (!(error instanceof InvalidEventError)) return [];
  const listed = error.details['problems'];
  if (Array.isArray(listed))
    return listed.flatMap((item: unknown) => {
      const { pointer, reason, text } = (item ?? {}) as {
        pointer?: unknown;
        reason?: unknown;
        text?: Partial<LocalizedText>;
      };
      if (typeof pointer !== 'string' || typeof reason !== 'string') return [];
      return typeof text?.zh === 'string' && typeof text.en === 'string'
        ? [{ pointer, message: reason, text: { zh: text.zh, en: text.en } }]
        : [{ pointer, message: reason }];
    });
  const pointer = error.details['pointer'];
  return typeof pointer === 'string' ? [{ pointer, message: error.message }] : [];
}
