import type { LocalizedText } from '@xiaoer/engine';

/** How deep and how wide a JSON body may be. */
export const JSON_SHAPE_LIMITS = { maxDepth: 64, maxKeys: 10_000 } as const;

/** Why a JSON value is refused, and where. */
export interface JsonShapeProblem {
  reason: 'too-deep' | 'too-many-keys';
  /** JSON pointer of the object or array where the limit was crossed. */
  pointer: string;
  /** `text` in English. */
  message: string;
  text: LocalizedText;
}

const tooDeep = (pointer: string, maxDepth: number): JsonShapeProblem => ({
  reason: 'too-deep',
  pointer,
  message: `nested deeper than ${maxDepth} levels`,
  text: { zh: `嵌套超过 ${maxDepth} 层`, en: `nested deeper than ${maxDepth} levels` },
});

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first way `value` exceeds the limits: nesting deeper than `maxDepth` objects and arrays,
 * or more than `maxKeys` object keys in all. Walked with an explicit stack, not recursion: a
 * 10,000-deep body once overflowed the call stack of a recursive check (a 500, not a 400).
 */
export function jsonShapeProblem(
  value: unknown,
  limits: { maxDepth: number; maxKeys: number } = JSON_SHAPE_LIMITS,
): JsonShapeProblem | null {
  const stack: { node: unknown; depth: number; pointer: string }[] = [
    { node: value, depth: 1, pointer: '' },
  ];
  let keys = 0;
  while (stack.length > 0) {
    const { node, depth, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limits.maxDepth) return tooDeep(pointer, limits.maxDepth);
    const entries = Array.isArray(node)
      ? node.map((item, index) => [String(index), item] as const)
      : Object.entries(node);
    if (!Array.isArray(node)) keys += entries.length;
    if (keys > limits.maxKeys)
      return {
        reason: 'too-many-keys',
        pointer,
        message: `more than ${limits.maxKeys} keys in all`,
        text: {
          zh: `键的总数超过 ${limits.maxKeys} 个`,
          en: `more than ${limits.maxKeys} keys in all`,
        },
      };
    for (const [key, child] of entries)
      if (child !== null && typeof child === 'object')
        stack.push({ node: child, depth: depth + 1, pointer: `${pointer}/${escapeToken(key)}` });
  }
  return null;
}

/**
 * The same depth limit read off JSON text before it is parsed, for parsers that recurse (the
 * platforms' lossless parser, which keeps 64-bit ids exact, overflowed the call stack on a body
 * nested ten thousand deep). Counts the brackets outside strings; the pointer is where the
 * limit was crossed, by array index and object key, as far as the text says.
 */
export function jsonTextDepthProblem(text: string, maxDepth: number): JsonShapeProblem | null {
  const path: string[] = [];
  /** Per open bracket: an array's next index, or -1 for an object (its key is in `path`). */
  const open: number[] = [];
  let key = '';
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        key = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      stringStart = i + 1;
    } else if (c === ':' && open.at(-1) === -1) path[open.length - 1] = escapeToken(key);
    else if (c === ',' && open.length > 0 && open.at(-1)! >= 0) {
      open[open.length - 1]! += 1;
      path[open.length - 1] = String(open.at(-1));
    } else if (c === '{' || c === '[') {
      if (open.length >= maxDepth)
        return tooDeep(
          path
            .slice(0, open.length)
            .map((token) => `/${token}`)
            .join(''),
          maxDepth,
        );
      open.push(c === '[' ? 0 : -1);
      path[open.length - 1] = '0';
    } else if (c === '}' || c === ']') open.pop();
  }
  return null;
}
