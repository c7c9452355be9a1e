import { RECOVERY_DEFAULTS, type XiaoerConfig } from '@xiaoer/server';
import type { Harness } from '@xiaoer/server/testing';

/** The server's own recovery settings (the test harness sweeps far more eagerly). */
export const PRODUCTION_RECOVERY: Partial<XiaoerConfig> = {
  recovery: { ...RECOVERY_DEFAULTS },
};

/** The `p`th percentile of ascending `sorted` values (nearest rank), rounded to 0.1. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] as number) * 10) / 10;
}

export function storeLabel(h: Harness): string {
  return h.store.kind === 'ferretdb-postgresql'
    ? 'FerretDB + PostgreSQL'
    : h.store.kind === 'ferretdb-sqlite'
      ? 'FerretDB + SQLite'
      : 'external MongoDB';
}

/**
 * Polls `done` every 100 ms until it holds (true) or `timeoutMs` passes (false); `progress`
 * is called every 10 s with the time waited, so long waits show they are alive.
 */
export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  progress?: (waitedMs: number) => void,
): Promise<boolean> {
  const started = performance.now();
  let reported = started;
  while (!(await done())) {
    const now = performance.now();
    if (now - started > timeoutMs) return false;
    if (progress && now - reported >= 10_000) {
      reported = now;
      progress(now - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Heap in use after a full garbage collection (run node with --expose-gc), in MB. */
export function heapAfterGcMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
}
