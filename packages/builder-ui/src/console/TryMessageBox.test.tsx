// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import i18next from 'i18next';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { IntentClassification } from '../api/intents-api.ts';
import { TryMessageBox } from './TryMessageBox.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const refundStatus: IntentClassification = {
  intent: 'refundStatus',
  confidence: 0.91,
  top: [
    { intent: 'refundStatus', confidence: 0.91 },
    { intent: 'refund', confidence: 0.06 },
    { intent: 'orderStatus', confidence: 0.01 },
  ],
  entities: {
    orderNumbers: ['A10023'],
    phoneNumbers: [],
    trackingNumbers: [],
    amounts: [{ value: 30, currency: 'CNY', text: '30元' }],
    dates: [],
    addresses: [],
  },
  language: 'zh',
};

/** The server as the API contract has it: classify and knowledge search. */
let classifyAnswer: () => Response;
const requests: { path: string; body: unknown }[] = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), 'http://console.test');
  requests.push({ path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : null });
  if (url.pathname === '/api/intents/classify') return classifyAnswer();
  if (url.pathname === '/api/intents')
    return json({
      intents: [
        {
          intent: 'refundStatus',
          group: 'afterSale',
          title: { zh: '退款进度', en: 'Refund status' },
          description: { zh: '退款到哪了', en: 'Where a refund is' },
          examples: { zh: [], en: [] },
        },
      ],
    });
  if (url.pathname === '/api/knowledge/search')
    return json({
      matches: [
        {
          article: { id: 'refund-time', questions: ['退款多久到账'], answer: {}, tags: [] },
          score: 0.82,
        },
      ],
      threshold: 0.5,
      band: 'answer',
    });
  return json({ error: { code: 'not-found', message: { zh: '没有', en: 'Not found' } } }, 404);
});

beforeEach(() => {
  classifyAnswer = () => json(refundStatus);
  requests.length = 0;
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18next.changeLanguage('en');
});

const tryMessage = (text: string) => {
  render(
    <AntApp>
      <TryMessageBox />
    </AntApp>,
  );
  const box = screen.getByTestId('try-message');
  const input = box instanceof HTMLInputElement ? box : (box.querySelector('input') as Element);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
};

describe('TryMessageBox', () => {
  it('should show the intent, the candidates, the entities and the knowledge answers', async () => {
    tryMessage('订单A10023的退款怎么还没到账 30元');
    const result = await screen.findByTestId('try-result');
    expect(result.textContent).toContain('Refund status (refundStatus)');
    expect(result.textContent).toContain('Where a refund is');
    expect(result.textContent).toContain('91%');
    // What the intent means goes under the confidence, not straight after it ("91%Where...").
    const intent = screen.getByTestId('try-intent');
    expect(intent.classList.contains('ant-flex-vertical')).toBe(true);
    expect([...intent.children].map((line) => line.textContent)).toEqual([
      'Refund status (refundStatus)91%',
      'Where a refund is',
    ]);
    expect(result.textContent).toContain('refund 6%');
    expect(result.textContent).toContain('Order numbers');
    expect(result.textContent).toContain('A10023');
    expect(result.textContent).toContain('30 CNY');
    expect(result.textContent).toContain('退款多久到账 (0.82)');
    expect(result.textContent).toContain('Answered');
    expect(result.textContent).not.toContain('Phone numbers');
    expect(requests.find((r) => r.path === '/api/intents/classify')).toEqual({
      path: '/api/intents/classify',
      body: { text: '订单A10023的退款怎么还没到账 30元' },
    });
    // The knowledge search asks in the language the message was written in.
    expect(requests.find((r) => r.path === '/api/knowledge/search')?.body).toMatchObject({
      language: 'zh',
    });
  });

  it('should say in Chinese when a message is not understood', async () => {
    await i18next.changeLanguage('zh');
    classifyAnswer = () => json({ ...refundStatus, intent: 'unknown', confidence: 0.2 });
    tryMessage('帮我订机票');
    const result = await screen.findByTestId('try-result');
    expect(result.textContent).toContain('未识别');
    expect(screen.getByText('试一句顾客消息')).toBeTruthy();
  });

  it('should show the server error in the interface language', async () => {
    classifyAnswer = () =>
      json(
        {
          error: {
            code: 'invalid-body',
            message: { zh: '请求体不符合要求', en: 'The request body is invalid' },
          },
        },
        400,
      );
    tryMessage('x');
    expect(await screen.findByText(/The request body is invalid/)).toBeTruthy();
    expect(screen.queryByTestId('try-result')).toBeNull();
  });
});
