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

describe('TestClock that moves Date', () => {
  it('should move Date itself once settled, run what fell due, and put the real Date back', async () => {
    const RealDate = Date;
    const events: string[] = [];
    const clock = new TestClock({
      movesDate: {
        settled: async () => void events.push(`settled, real Date ${Date === RealDate}`),
      },
    });
    const real = () => RealDate.now();
    // Real time is read before the moved Date, so a millisecond passing between the two
    // reads cannot make the move look shorter than it is.
    const movedBy = (read: () => number) => {
      const before = real();
      return read() - before;
    };
    clock.after(60_000, () => events.push(`due, ${movedBy(() => Date.now()) >= 60_000}`));
    const made = new Date(2026, 11, 5);
    await clock.advance(60_000);
    expect(events).toEqual(['settled, real Date true', 'due, true']);
    // Date reads real time plus the move, and keeps running; other dates are untouched.
    const ahead = movedBy(() => Date.now());
    expect(ahead).toBeGreaterThanOrEqual(60_000);
    expect(ahead).toBeLessThan(60_000 + 1_000);
    expect(movedBy(() => new Date().getTime())).toBeGreaterThanOrEqual(60_000);
    expect(new Date(0).getTime()).toBe(0);
    expect(Date.parse('1970-01-01T00:00:01Z')).toBe(1_000);
    expect(made instanceof Date && new Date() instanceof RealDate).toBe(true);
    expect(typeof (Date as unknown as () => string)()).toBe('string');
    // The clock reads the moved Date, with no offset of its own on top.
    expect(clock.now() - real()).toBeLessThan(60_000 + 1_000);
    clock.restore();
    expect(Date).toBe(RealDate);
    expect(Math.abs(Date.now() - real())).toBeLessThan(1_000);
  });
});
