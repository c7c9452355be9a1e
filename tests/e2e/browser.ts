import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { BROWSER_TEMP } from '../shared-store.ts';

/**
 * Debian's Chromium headless shell (`apt-get install chromium-headless-shell`) when installed,
 * else Debian's Chromium (`apt-get install chromium`); `CHROMIUM_PATH` points elsewhere.
 *
 * The headless shell is the same Blink and V8 as Chromium without the browser's user interface
 * (Playwright's own default for headless runs): the browser files took about a third less of
 * Chromium's CPU with it (144 s against 99 s for `tests/e2e/`, one worker), and on two cores
 * the suite is short of CPU, Chromium's most of all (docs/performance.md, seventh pass).
 */
export const CHROMIUM_PATH =
  process.env['CHROMIUM_PATH'] ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';

/** Screenshots of the main screens, kept as test artifacts (not committed). */
export const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url);

/** A journey shipped in `workflows/`, by file name. */
export const shipped = async (name: string): Promise<WorkflowDocument> =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${name}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

let shared: Promise<Browser> | undefined;

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium-headless-shell) or set CHROMIUM_PATH.`,
    );
  await mkdir(SCREENSHOTS, { recursive: true });
  // Chromium's profile and temporary files go in the run's folder (made and removed by
  // tests/shared-store.ts): the worker ends without closing Chromium, which then quits as its
  // pipe closes, and nobody else would remove them.
  const folder = process.env[BROWSER_TEMP];
  const temp = process.env['TMPDIR'];
  if (folder) process.env['TMPDIR'] = folder;
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox'],
      // The worker's own signals end it at once; Chromium follows.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } finally {
    if (temp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = temp;
  }
}

/**
 * Headless Chromium; a missing browser fails with what to install. A Vitest worker runs its
 * files one after another in one process (`isolate: false`), so the first browser file of a
 * worker launches Chromium (one to two seconds of CPU) and the next ones reuse it: a file
 * works in browser contexts of its own and closes them at its end ({@link releaseBrowser}),
 * never the browser.
 */
export async function launchBrowser(): Promise<Browser> {
  const running = await shared?.catch(() => undefined);
  if (running?.isConnected()) return running;
  shared = launchChromium();
  return shared;
}

/** Ends a file's use of the shared browser: every context it opened (and their pages) closes. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/** The text an element's `aria-describedby` points to (a node's keyboard help, a mark's why). */
export const describedBy = (element: Locator): Promise<string | null | undefined> =>
  element.evaluate(
    (shown) =>
      shown.ownerDocument.getElementById(shown.getAttribute('aria-describedby') ?? '')?.textContent,
  );

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/**
 * A new browser context as a reduced-motion, Chinese desktop, logged in to the console.
 *
 * It logs in through the login route (`POST /api/auth/login` from the context, which keeps
 * the session cookie the route sets, as the login form's request does) and then opens the
 * console: the page loads once, on the journeys. The form itself is tested where it is the
 * point (tests/e2e/editor.test.ts, i18n-pages.test.ts); filling it for every user would draw
 * the login page and then the console, about a second of Chromium's CPU each time.
 */
export async function logInPage(
  browser: Browser,
  url: string,
  user: string,
  password: string,
  /** The browser's clock zone (the shop's, where dates matter). */
  timezoneId?: string,
  /** Runs in the page before the console's own scripts (a fake browser API). */
  initScript?: () => void,
): Promise<Page> {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    ...(timezoneId ? { timezoneId } : {}),
  });
  const login = await context.request.post(`${url}/api/auth/login`, {
    data: { username: user, password },
  });
  if (!login.ok()) throw new Error(`log in ${user}: ${login.status()} ${await login.text()}`);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('user').waitFor();
  return page;
}

/**
 * Sets the agent desk's status to online and waits until the server has it. Under load the
 * desk's first load of the status can land after the click and show "away" again (seen in CI),
 * so the click is repeated until the server says online.
 */
export async function goOnlineInDesk(page: Page, h: Harness, agentId: string): Promise<void> {
  const isOnline = async () => {
    const { agents } = (await (await h.request('GET', '/api/agents')).json()) as {
      agents: { _id: string; status: string }[];
    };
    return agents.some((a) => a._id === agentId && a.status === 'online');
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByTestId('agent-status').getByText('在线').click();
    const online = await vi
      .waitFor(
        async () => {
          if (!(await isOnline())) throw new Error('not online yet');
        },
        { timeout: 3000, interval: 300 },
      )
      .then(
        () => true,
        () => false,
      );
    if (online) return;
  }
  throw new Error('The agent desk did not go online');
}

/** How {@link adminSession} sets a test file up, beyond its journeys. */
export interface SessionOptions {
  /** The harness's options (the analytics tests roll up by hand). */
  harness?: Parameters<typeof startHarness>[0];
  /** Runs once the journeys are published, before the browser starts (seed data, traffic). */
  prepare?: (h: Harness) => Promise<void>;
  /** The browser's clock zone (the shop's, where dates matter). */
  timezoneId?: string;
  /** The set-up's time limit, for a long `prepare`. */
  setupTimeoutMs?: number;
  /**
   * Whether the set-up opens the admin's page (`page`); default true. A file whose tests only
   * open pages of their own (`logIn`) says false and saves a page load.
   */
  adminPage?: boolean;
}

/**
 * For one test file: a server with these journeys published (shipped ones by file name) and
 * an admin logged in to Chromium (Chinese, 1440x900; not with `adminPage: false`); a failed
 * test leaves a screenshot named `failed-<name>` of the page last logged in. Read `h`, `page`
 * and `browser` inside tests (they exist once the file's set-up ran); `logIn` opens another
 * user's page.
 */
export function adminSession(
  journeys: (string | WorkflowDocument)[],
  options: SessionOptions = {},
): {
  readonly h: Harness;
  readonly page: Page;
  readonly browser: Browser;
  /** Another user's page (`initScript` runs before the console's scripts). */
  logIn: (user: string, password: string, initScript?: () => void) => Promise<Page>;
} {
  let h: Harness | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let last: Page | undefined;
  beforeAll(async () => {
    h = await startHarness(options.harness);
    const documents = await Promise.all(
      journeys.map((journey) => (typeof journey === 'string' ? shipped(journey) : journey)),
    );
    if (documents.length > 0) await h.publish(...documents);
    await options.prepare?.(h);
    browser = await launchBrowser();
    if (options.adminPage === false) return;
    page = await logInPage(browser, h.url, 'admin', ADMIN_PASSWORD, options.timezoneId);
    last = page;
  }, options.setupTimeoutMs);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && last)
      await screenshot(last, `failed-${context.task.name.replace(/\W+/g, '-')}`).catch(() => {});
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await h?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error(
        'adminSession: read h, page and browser inside tests (page: not with adminPage false)',
      );
    return value;
  };
  return {
    get h() {
      return ready(h);
    },
    get page() {
      return ready(page);
    },
    get browser() {
      return ready(browser);
    },
    logIn: async (user, password, initScript) => {
      last = await logInPage(
        ready(browser),
        ready(h).url,
        user,
        password,
        options.timezoneId,
        initScript,
      );
      return last;
    },
  };
}

/** Creates an order in the demo shop and waits until its order-lifecycle instance exists. */
export async function orderInstance(h: Harness, orderId: string): Promise<string> {
  await h.shop.createOrder({ orderId });
  const id = `order-lifecycle:${orderId}:1`;
  await expect
    .poll(async () => (await h.request('GET', `/api/instances/${id}`)).status, {
      timeout: 15_000,
    })
    .toBe(200);
  return id;
}
