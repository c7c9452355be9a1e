import type { Problem } from '@xiaoer/engine';

/** One problem as two lines: pointer, code and English message, then the Chinese message. */
export function formatProblem(problem: Problem): string {
  const where = problem.pointer || '/';
  return `  ${where}  [${problem.code}]\n    ${problem.message.en}\n    ${problem.message.zh}`;
}
