import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from './json-shape.ts';

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
