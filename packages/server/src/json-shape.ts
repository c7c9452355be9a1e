/** How deep and how wide a JSON body may be. */
export const JSON_SHAPE_LIMITS = { maxDepth: 64, maxKeys: 10_000 } as const;

/** Why a JSON value is refused, and where. */
export interface JsonShapeProblem {
  reason: 'too-deep' | 'too-many-keys';
  /** JSON pointer of the object or array where the limit was crossed. */
  pointer: string;
  message: string;
}

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
    if (depth > limits.maxDepth)
      return {
        reason: 'too-deep',
        pointer,
        message: `nested deeper than ${limits.maxDepth} levels`,
      };
    const entries = Array.isArray(node)
      ? node.map((item, index) => [String(index), item] as const)
      : Object.entries(node);
    if (!Array.isArray(node)) keys += entries.length;
    if (keys > limits.maxKeys)
      return {
        reason: 'too-many-keys',
        pointer,
        message: `more than ${limits.maxKeys} keys in all`,
      };
    for (const [key, child] of entries)
      if (child !== null && typeof child === 'object')
        stack.push({ node: child, depth: depth + 1, pointer: `${pointer}/${escapeToken(key)}` });
  }
  return null;
}
