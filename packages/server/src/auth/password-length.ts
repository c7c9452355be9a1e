import type { LocalizedText } from '@xiaoer/engine';

/** The shortest password a user may be given (the console's and the command line's rule). */
export const MIN_PASSWORD_LENGTH = 8;
/** The longest. */
export const MAX_PASSWORD_LENGTH = 200;

/** Why `password` cannot be a user's password, named `what` in the message; undefined if it can. */
export function passwordLengthProblem(
  password: string,
  what: LocalizedText,
): LocalizedText | undefined {
  const { length } = password;
  if (length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH) return undefined;
  return {
    zh: `${what.zh}须为 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 个字符（现在是 ${length} 个）。`,
    en: `${what.en} must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters (it has ${length}).`,
  };
}
