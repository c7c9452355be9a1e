import { describe, expect, it } from 'vitest';
import { TestClock } from './test-clock.ts';

describe('TestClock', () => {
  it('should read real time until it is moved, then that much later', async () => {
    const clock = new TestClock();
    const before = Date.now();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    await clock.advance(3_600_000);
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(3_600_000 - 5);
  });

  it('should run a task due within the move, and not one due after it', async () => {
    const clock = new TestClock();
    const ran: string[] = [];
    clock.after(60_000, () => ran.push('a minute'));
    clock.after(120_000, () => ran.push('two minutes'));
    await clock.advance(90_000);
    expect(ran).toEqual(['a minute']);
    await clock.advance(30_000);
    expect(ran).toEqual(['a minute', 'two minutes']);
  });

  it('should run a repeating task once per move, then again one period later', async () => {
    const clock = new TestClock();
    let runs = 0;
    // A period long against the real time that passes between the moves (the clock follows it).
    const stop = clock.every(60_000, () => runs++);
    await clock.advance(30 * 60_000);
    expect(runs).toBe(1);
    await clock.advance(59_000);
    expect(runs).toBe(1);
    await clock.advance(1_000);
    expect(runs).toBe(2);
    stop();
    await clock.advance(10_000);
    expect(runs).toBe(2);
  });

  it('should wait for what a task returns before the move ends', async () => {
    const clock = new TestClock();
    let done = false;
    clock.after(10, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      done = true;
    });
    await clock.advance(10);
    expect(done).toBe(true);
  });

  it('should not run a cancelled task, and still run an untouched one in real time', async () => {
    const clock = new TestClock();
    const ran: string[] = [];
    clock.after(5, () => ran.push('cancelled'))();
    await new Promise<void>((resolve) => clock.after(5, () => resolve(void ran.push('real'))));
    expect(ran).toEqual(['real']);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });
});
