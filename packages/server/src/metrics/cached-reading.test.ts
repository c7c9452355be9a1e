import { describe, expect, it } from 'vitest';
import { cachedReading } from './cached-reading.ts';

describe('cachedReading', () => {
  it('should read once per max age and share a read that is running', async () => {
    let now = 0;
    let reads = 0;
    const read = cachedReading(
      async () => ++reads,
      15_000,
      () => now,
    );
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    now = 14_999;
    expect(await read()).toBe(1);
    now = 15_000;
    expect(await read()).toBe(2);
  });

  it('should not keep a failed read', async () => {
    let fail = true;
    const read = cachedReading(async () => {
      if (fail) throw new Error('store away');
      return 'ok';
    }, 15_000);
    await expect(read()).rejects.toThrow('store away');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
