import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/browser.ts';
import { chromiumCpuMs } from '../../bench/browser/chromium-cpu.ts';

describe("the editor bench's CPU count of every Chromium process", () => {
  it('should count nothing for a process that started no Chromium', () => {
    expect(chromiumCpuMs(2 ** 22 + 1)).toBe(0);
  });

  it("should count at least the CPU the page's main thread spent", async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const threadTime = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')
          ?.value ?? 0;
      const [before, mainBefore] = [chromiumCpuMs(), await threadTime()];
      // Script work in the renderer, a fixed amount whatever the machine's load.
      await page.evaluate(
        '(() => { let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; return x; })()',
      );
      const main = ((await threadTime()) - mainBefore) * 1000;
      expect(main).toBeGreaterThan(50);
      // /proc counts in 10 ms ticks.
      expect(chromiumCpuMs() - before).toBeGreaterThanOrEqual(main - 20);
    } finally {
      await browser.close();
    }
  });
});
