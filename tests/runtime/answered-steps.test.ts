import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CloudEvent } from '@xiaoer/server';
import { cloudEvent, startHarness, SOURCE, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';
import { scrape } from '../metrics/exposition.ts';

/**
 * The commit window of acknowledged events' steps (runtime/answered-steps.ts), on the real
 * store through the real server: one client's webhooks, each sent once the one before was
 * acknowledged, share their steps' outbox notes; a step whose sender waits for it (the chat's
 * `submit`) goes at once, past a window that is open. The window here is 2 s (fill 8), so that
 * events a request apart count as steady on any machine.
 */
const METRICS_TOKEN = 'metrics-token-answered-steps-0123';
const WINDOW = { ms: 2000, fill: 8 };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    config: {
      intake: { commitWindow: WINDOW },
      metrics: { token: METRICS_TOKEN, cacheMs: 0 },
    },
    monitorCommands: true,
  });
  await h.publish(counterWorkflow);
});
afterAll(async () => h?.close());

const outboxInserts = async () =>
  (await scrape(h, METRICS_TOKEN)).value('xiaoer_store_commands_total', {
    command: 'insert',
    collection: 'outbox',
  });

const opened = (counterId: string): CloudEvent =>
  cloudEvent('counter.opened', { counterId, count: 0 }) as CloudEvent;

const instanceStatus = async (counterId: string) =>
  (await h.request('GET', `/api/instances/${encodeURIComponent(`counter:${counterId}:1`)}`)).status;

describe('the commit window of acknowledged events', () => {
  it('should let one client’s acknowledged events share their steps’ outbox notes', async () => {
    const before = await outboxInserts();
    for (let n = 0; n < 25; n++) expect((await h.sendEvents(opened(`AS-${n}`))).status).toBe(202);
    // The first goes at once (nothing came before it); then each window fills with eight.
    await vi.waitFor(
      async () => {
        for (let n = 0; n < 25; n++) expect(await instanceStatus(`AS-${n}`)).toBe(200);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect((await outboxInserts()) - before).toBeLessThanOrEqual(5);
  });

  it('should commit the step of an event whose sender waits for it at once, while a window is open', async () => {
    // Still steady: these wait in a window for five more.
    for (let n = 0; n < 3; n++)
      expect((await h.sendEvents(opened(`AS-open-${n}`))).status).toBe(202);
    const outcome = await h.xiaoer.intake.submit(SOURCE.id, opened('AS-waited'));
    expect(outcome?.started).toEqual(['counter:AS-waited:1']);
    expect(await instanceStatus('AS-waited')).toBe(200);
    for (let n = 0; n < 3; n++) expect(await instanceStatus(`AS-open-${n}`)).toBe(404);
    // The window ends: they are stepped.
    await vi.waitFor(
      async () => {
        for (let n = 0; n < 3; n++) expect(await instanceStatus(`AS-open-${n}`)).toBe(200);
      },
      { timeout: 15_000, interval: 100 },
    );
  });
});
