import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { nodeTypes } from '@xiaoer/engine';
import { DEMO_AGENT_PASSWORD, DEMO_SKILL_GROUPS, seedDemoRouting } from '@xiaoer/server/internal';
import { ADMIN_PASSWORD, cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { messages } from '../../packages/builder-ui/src/i18n/messages.ts';
import { operatorMessages } from '../../packages/builder-ui/src/i18n/operator-messages.ts';
import { deskToolsMessages } from '../../packages/builder-ui/src/i18n/desk-tools-messages.ts';
import { openChat, surveyWorkflow } from '../analytics/analytics-fixture.ts';
import { launchBrowser, releaseBrowser, screenshot, shipped } from './browser.ts';

/**
 * Issue 21, a console in one language: every page walked in Chromium with a Chinese browser
 * (it starts in zh) and an English one (it starts in en), on real traffic. The page's own words
 * (headings, column titles, buttons, labels, tags, empty states, placeholders) hold no English
 * in zh and no Chinese in en, statuses show translated, and a screenshot of every page in both
 * languages is kept in test-artifacts/. What people typed (journey names, messages, articles)
 * is theirs and is left out.
 */
let h: Harness;
let browser: Browser;
let page: Page | undefined;
/** The conversation left with agent-wang: the desk shows it, with its context and history. */
let openConversation = '';
/** Names and labels the seeded data brings, in whatever language its author wrote them. */
const userData: string[] = [];

/** Every text of a message tree, its placeholders blanked. */
const textsOf = (tree: object): string[] =>
  Object.values(tree).flatMap((value: unknown) =>
    typeof value === 'string'
      ? [value.replace(/\{\{\w+\}\}/g, ' ')]
      : typeof value === 'object' && value !== null
        ? textsOf(value)
        : [],
  );

/** Every word of the English texts (three letters or more): a zh page showing one is untranslated. */
const englishWords = new Set(
  [messages.en, operatorMessages.en, deskToolsMessages.en]
    .flatMap(textsOf)
    .flatMap((text) => text.match(/[A-Za-z]{3,}/g) ?? [])
    .map((word) => word.toLowerCase()),
);
/**
 * Statuses, roles, effect kinds and node types as the server and engine name them: a word
 * standing alone on a zh page, or a tag saying just that on an en page, is untranslated.
 */
const STATUS_IDS = [
  ...nodeTypes.map((nodeType) => nodeType.type),
  // The demo's skill groups and customer tiers have names.
  ...Object.keys(DEMO_SKILL_GROUPS),
  'normal',
  'send',
  'schedule',
  'call',
  'emit',
  'running',
  'waiting',
  'completed',
  'failed',
  'cancelled',
  'queued',
  'assigned',
  'resolved',
  'abandoned',
  'transferred',
  'published',
  'draft',
  'online',
  'away',
  'offline',
  'active',
  'pending',
  'delivered',
  'succeeded',
  'operator',
  'viewer',
  'open',
  'closed',
];
/** Words a zh page may show: product and technical names people say in English. */
const ALLOWED_IN_ZH = new Set([
  'xiaoer',
  'csv',
  'json',
  'api',
  'sms',
  'url',
  'http',
  'https',
  'webhook',
  'email',
  'id',
  'admin',
]);

/** The page's own words (headings, labels, buttons, tags, placeholders), its tags, and all its text. */
async function wordsOnPage(target: Page): Promise<{
  chrome: string[];
  body: string;
  tags: string[];
}> {
  return target.evaluate(() => {
    const CHROME = [
      'th',
      'button',
      'label',
      '.ant-tag',
      '.ant-menu-title-content',
      '.ant-card-head-title',
      '.ant-tabs-tab',
      '.ant-statistic-title',
      '.ant-empty-description',
      '.ant-form-item-label',
      '.ant-alert-message',
      '.ant-select-selection-placeholder',
      '.ant-descriptions-item-label',
      '.ant-pagination',
      '.ant-radio-button-wrapper',
      '.ant-segmented-item',
      '.ant-badge-status-text',
      '.ant-steps-item-title',
      '.ant-modal-title',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
    ].join(',');
    // The language switch names the other language, in that language.
    const visible = (element: Element) =>
      element instanceof HTMLElement &&
      element.offsetParent !== null &&
      !element.closest('[data-testid="language"]');
    const chrome = [...document.querySelectorAll(CHROME)]
      .filter(visible)
      .map((element) => (element as HTMLElement).innerText.trim())
      .concat(
        [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
          .filter(visible)
          .map((element) => element.getAttribute('placeholder') ?? ''),
      )
      .filter(Boolean);
    const tags = [...document.querySelectorAll('.ant-tag')]
      .filter(visible)
      .map((element) => (element as HTMLElement).innerText.trim());
    // What a page shows as stored (`data-raw`: a skill group's id, the audit log's actions and
    // details) is data, not the console's words.
    const raw = [...document.querySelectorAll<HTMLElement>('[data-raw]')];
    for (const element of raw) element.style.visibility = 'hidden';
    const body = document.body.innerText;
    for (const element of raw) element.style.visibility = '';
    return { chrome, body, tags };
  });
}

/**
 * The icons on the page a screen reader reads by Ant Design's English file name for them
 * (`<span role="img" aria-label="search">`: "search", "left", "close-circle") in either
 * language: an icon that means something is named in the page's language, one beside the
 * words that say it is hidden from screen readers.
 */
const iconsReadByName = (target: Page): Promise<string[]> =>
  target.evaluate(() =>
    [...document.querySelectorAll('.anticon[role="img"]')]
      .filter((icon) => icon.classList.contains(`anticon-${icon.getAttribute('aria-label')}`))
      .filter((icon) => icon.checkVisibility() && !icon.closest('[aria-hidden="true"]'))
      .map((icon) => icon.getAttribute('aria-label') ?? '')
      .filter((name, i, all) => all.indexOf(name) === i)
      .map((name) => `icon named "${name}"`),
  );

/**
 * What a screen reader calls the page's named elements that show no words of their own (a number
 * field's step buttons, an icon button, a canvas's nodes and connections): their `aria-label`s
 * and `aria-roledescription`s, each once.
 */
const labelsOnPage = (target: Page): Promise<string[]> =>
  target.evaluate(() =>
    [...document.querySelectorAll('[aria-label], [aria-roledescription]')]
      .filter((element) => element.checkVisibility() && !element.closest('[aria-hidden="true"]'))
      .filter((element) => !element.closest('[data-testid="language"]'))
      .flatMap((element) => [
        element.getAttribute('aria-label') ?? '',
        element.getAttribute('aria-roledescription') ?? '',
      ])
      .filter((label, i, all) => label && all.indexOf(label) === i),
  );

/** What on the page is not in the page's language. */
async function untranslated(target: Page, language: 'zh' | 'en'): Promise<string[]> {
  const icons = await iconsReadByName(target);
  const labels = await labelsOnPage(target);
  const { chrome: shown, body, tags } = await wordsOnPage(target);
  const chrome = [...shown, ...labels];
  // The longest first: a journey's label may hold a shorter one ("签收后退款告知 / Refund notice
  // after delivery" holds another journey's "退款告知 / Refund notice").
  const strip = (text: string) =>
    [...userData]
      .sort((a, b) => b.length - a.length)
      .reduce((rest, data) => rest.split(data).join(' '), text);
  if (language === 'en')
    return [
      ...icons,
      ...chrome.map(strip).filter((text) => /[\u3400-\u9fff]/.test(text)),
      ...tags.filter((text) => STATUS_IDS.includes(text)),
    ];
  const english = chrome
    .map(strip)
    // Keys as their caps print them ("Ctrl+Shift+Z 重做", "Delete 删除").
    .map((text) => text.replace(/\b(?:Ctrl|Shift|Alt|Delete|Esc)(?:\+[\w/]+)*/g, ' '))
    .flatMap((text) => text.match(/(?<![\w.:/@-])[A-Za-z]{3,}(?![\w.:/@-])/g) ?? [])
    .filter((word) => word !== word.toUpperCase())
    .filter((word) => englishWords.has(word.toLowerCase()))
    .filter((word) => !ALLOWED_IN_ZH.has(word.toLowerCase()));
  const words = strip(body).split(/([^A-Za-z0-9_.:/@#-]+)/);
  // Each word with a little of what surrounds it, to find it by.
  const statuses = words
    .flatMap((word, i) =>
      i % 2 === 0 && STATUS_IDS.includes(word)
        ? [{ word, around: words.slice(Math.max(0, i - 4), i + 5).join('') }]
        : [],
    )
    .map(({ word, around }) => `${word} in "${around.trim()}"`);
  return [...new Set([...icons, ...english, ...statuses])];
}

/** The pages of the console, each with how to reach it and what shows it is drawn. */
const PAGES: { name: string; hash: string; ready: string }[] = [
  { name: 'workflows', hash: '#/workflows', ready: 'create-from-template' },
  { name: 'editor', hash: '#/workflows/order-lifecycle', ready: 'node-orderCreated' },
  { name: 'instances', hash: '#/instances', ready: 'instance-order-lifecycle:I18N-1:1' },
  {
    name: 'instance',
    hash: `#/instances/${encodeURIComponent('order-lifecycle:I18N-1:1')}`,
    ready: 'instance-timeline',
  },
  { name: 'events', hash: '#/events', ready: 'filter-order' },
  { name: 'knowledge', hash: '#/knowledge', ready: 'knowledge-import' },
  { name: 'analytics', hash: '#/analytics', ready: 'agent-agent-wang' },
  { name: 'quality', hash: '#/quality', ready: 'quality-reports' },
  { name: 'quick-replies', hash: '#/quick-replies', ready: 'quick-reply-add' },
  { name: 'admin', hash: '#/admin', ready: 'user-add' },
];

/** A page's requests: those in flight (not its event streams, which stay open) and a count. */
interface Requests {
  open: Set<Request>;
  started: number;
  /** Resolves when no request is in flight any more. */
  none: () => Promise<void>;
}
const requestsOf = new WeakMap<Page, Requests>();

function followRequests(target: Page): void {
  const waiting: (() => void)[] = [];
  const requests: Requests = {
    open: new Set(),
    started: 0,
    none: () =>
      requests.open.size === 0
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push(resolve)),
  };
  target.on('request', (request) => {
    if (request.resourceType() === 'eventsource') return;
    requests.open.add(request);
    requests.started++;
  });
  const ended = (request: Request) => {
    if (!requests.open.delete(request) || requests.open.size > 0) return;
    for (const resolve of waiting.splice(0)) resolve();
  };
  target.on('requestfinished', ended);
  target.on('requestfailed', ended);
  requestsOf.set(target, requests);
}

/**
 * Until the page has its data drawn: no request in flight, and none started while two frames
 * were drawn after the last answer (a list or chart that asks for more once drawn asks within
 * them). Events, not a quiet time: Playwright's `networkidle` waits half a second after the
 * last request at every look.
 */
async function settled(target: Page): Promise<void> {
  const requests = requestsOf.get(target);
  if (!requests) throw new Error('settled: a page of openConsole');
  for (;;) {
    await requests.none();
    const started = requests.started;
    await target.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
    if (requests.open.size === 0 && requests.started === started) return;
  }
}

async function openConsole(locale: string): Promise<Page> {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    locale,
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  followRequests(page);
  await page.goto(h.url);
  return page;
}

async function logIn(target: Page, user = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await target.getByTestId('username').fill(user);
  await target.getByTestId('password').fill(password);
  await target.getByTestId('login').click();
  await target.getByTestId('user').waitFor();
}

/** Walks every page (and the admin page's tabs), listing what is not in `language`. */
async function walk(target: Page, language: 'zh' | 'en'): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const look = async (name: string) => {
    // Lists and charts fill in after the page: until they have their data.
    await settled(target);
    await screenshot(target, `i18n-${language}-${name}`);
    const words = await untranslated(target, language);
    if (words.length) found[name] = words;
  };
  for (const { name, hash, ready } of PAGES) {
    await target.goto(`${h.url}/${hash}`);
    await target.getByTestId(ready).first().waitFor({ state: 'attached' });
    await look(name);
    if (name === 'admin')
      for (const tab of await target.locator('.ant-tabs-tab').all()) {
        const key = (await tab.getAttribute('data-node-key')) ?? 'tab';
        await tab.click();
        await look(`admin-${key}`);
      }
  }
  // The agent desk as its agent sees it: the open conversation, its context and history.
  // Logging in on a link to a page the role may not see leads to the journeys, not to refusals.
  await target.getByTestId('logout').click();
  await target.goto(`${h.url}/#/admin`);
  await logIn(target, 'agent-wang', DEMO_AGENT_PASSWORD);
  await target.getByTestId('workflow-order-lifecycle').waitFor();
  expect(await target.getByTestId('admin-page').count()).toBe(0);
  await target.goto(`${h.url}/#/inbox`);
  await target.getByTestId(`handoff-${openConversation}`).click();
  await target.getByTestId('inbox-messages').getByText('转人工', { exact: true }).waitFor();
  await look('inbox');
  return found;
}

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  const journeys = [await shipped('order-lifecycle'), surveyWorkflow];
  await h.publish(...journeys);
  for (const journey of journeys)
    userData.push(journey.name, ...journey.nodes.map((n) => n.label ?? '').filter(Boolean));
  await seedDemoRouting(h.xiaoer, {});
  const agentToken = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
  await h.request('POST', '/api/agents/me/status', { status: 'online' }, agentToken);

  await h.shop.createOrder({ orderId: 'I18N-1' });
  // A handoff resolved (quality, analytics) and one still open (the desk).
  const done = await openChat(h);
  await done.say('转人工');
  await done.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
  await h.request('POST', `/api/conversations/${done.id}/messages`, { text: '您好' }, agentToken);
  await h.request('POST', `/api/conversations/${done.id}/resolve`, {}, agentToken);
  await done.call('POST', '/close');
  const open = await openChat(h, undefined, 'demo-customer');
  openConversation = open.id;
  await open.say('转人工');
  await open.waitFor((m) => m.from === 'system');
  await h.sendEvents(cloudEvent('survey.requested', { orderId: 'I18N-S1', phone: '13800000000' }));
  await vi.waitFor(
    async () =>
      expect((await h.request('GET', '/api/instances/order-lifecycle:I18N-1:1')).status).toBe(200),
    { timeout: 15_000 },
  );
  expect((await h.request('POST', '/api/analytics/rollup')).status).toBe(200);
  browser = await launchBrowser();
}, 180_000);
afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && page)
    await screenshot(page, `failed-i18n-${context.task.name.replace(/\W+/g, '-')}`).catch(() => {});
});
afterAll(async () => {
  await releaseBrowser(browser);
  await h?.close();
});

describe('the console in one language', () => {
  it.each([
    { browser: 'a Chinese', locale: 'zh-CN', language: 'zh', logIn: /^登录$/, other: 'English' },
    { browser: 'an English', locale: 'en-US', language: 'en', logIn: /^Log in$/, other: 'Chinese' },
  ] as const)(
    'should start $browser browser in $language and leave no $other on any page',
    async ({ locale, language, logIn: loginText }) => {
      const shown = await openConsole(locale);
      await shown.getByTestId('login').waitFor();
      expect(await shown.getByTestId('login').innerText()).toMatch(loginText);
      await screenshot(shown, `i18n-${language}-login`);
      await logIn(shown);
      // The pages with what is not in the language: none.
      expect(await walk(shown, language)).toEqual({});
    },
    180_000,
  );

  it('should start other browsers in en and remember the language chosen', async () => {
    const other = await openConsole('fr-FR');
    await other.getByTestId('login').waitFor();
    expect(await other.getByTestId('login').innerText()).toBe('Log in');
    await other.getByTestId('language').click();
    await expect.poll(() => other.getByTestId('login').innerText()).toBe('登录');
    await other.reload();
    await other.getByTestId('login').waitFor();
    expect(await other.getByTestId('login').innerText()).toBe('登录');
  });
});
