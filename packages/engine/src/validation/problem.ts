import type { LocalizedText } from '../workflow/workflow.types.ts';
import { problemMessages, type ProblemCode, type ProblemParams } from './problem-messages.ts';

/**
 * One thing wrong with a workflow document. `pointer` is a JSON Pointer (RFC 6901) into the
 * document, so the editor can put the problem on the node or field it concerns.
 */
export interface Problem {
  code: ProblemCode;
  pointer: string;
  message: LocalizedText;
  nodeId?: string;
  edgeId?: string;
}

/** Escapes one JSON Pointer reference token. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from tokens: `pointer('nodes', 3, 'config')` -> `/nodes/3/config`. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + pointerToken(t)).join('');
}

export function problem<C extends ProblemCode>(
  code: C,
  at: string,
  params: ProblemParams<C>,
  ids: { nodeId?: string; edgeId?: string } = {},
): Problem {
  const render = problemMessages[code] as (p: ProblemParams<C>) => LocalizedText;
  return { code, pointer: at, message: render(params), ...ids };
}
