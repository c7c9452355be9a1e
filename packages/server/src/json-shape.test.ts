import { describe, expect, it } from 'vitest';
import { jsonShapeProblem, jsonTextDepthProblem } from './json-shape.ts';

/** `[[[...]]]` nested `depth` arrays deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('jsonShapeProblem', () => {
  it('should accept 64 levels and refuse 65, naming where', () => {
    expect(jsonShapeProblem(nested(64))).toBeNull();
    expect(jsonShapeProblem(nested(65))).toMatchObject({ reason: 'too-deep' });
    expect(jsonShapeProblem(nested(65))?.pointer).toBe(`/a`.repeat(64));
  });

  it('should refuse 100,000 levels without overflowing the stack', () => {
    expect(jsonShapeProblem(nested(100_000))).toMatchObject({ reason: 'too-deep' });
  });

  it('should count keys across objects and arrays', () => {
    const wide = Array.from({ length: 101 }, () =>
      Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])),
    );
    expect(jsonShapeProblem(wide)).toMatchObject({ reason: 'too-many-keys' });
    expect(jsonShapeProblem(wide.slice(0, 100))).toBeNull();
  });
});

describe('jsonTextDepthProblem', () => {
  /** A value deeper than 3 in several places; keys with brackets, quotes and slashes in strings. */
  const shapes: unknown[] = [
    nested(3),
    nested(4),
    [1, [2, [3, [4]]]],
    { 'a/b': [{ '~k': { 'x"}]': '[[[{{{', deeper: { too: [0] } } }] },
    { list: [0, 1, { in: [[['deep']]] }], other: { s: '\\"]' } },
  ];

  it("should find in the text what the parsed value's check finds, and where", () => {
    for (const shape of shapes)
      expect(jsonTextDepthProblem(JSON.stringify(shape), 3), JSON.stringify(shape)).toEqual(
        jsonShapeProblem(shape, { maxDepth: 3, maxKeys: 1e9 }),
      );
    // Too deep in two places: the first in the text is named.
    expect(jsonTextDepthProblem('[{}, [], {"a": [{"b": {}}]}, [[[]]]]', 3)?.pointer).toBe('/2/a/0');
  });

  it('should refuse text nested 100,000 deep without parsing it', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonTextDepthProblem(text, 64)).toMatchObject({
      reason: 'too-deep',
      pointer: '/0'.repeat(64),
    });
  });
});
