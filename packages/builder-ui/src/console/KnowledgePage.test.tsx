// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import type { KnowledgeArticle } from '../api/service-api.ts';
import { KnowledgePage } from './KnowledgePage.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

/** A promotion's answer, imported for the chat only and until the promotion ends. */
const promotion: KnowledgeArticle = {
  id: 'double-11',
  questions: ['双十一有什么优惠'],
  synonyms: [],
  answer: { zh: '双十一全场满 300 减 50。' },
  tags: ['promo'],
  channels: ['chat'],
  validFrom: '2026-11-01T00:00:00.000Z',
  validUntil: '2026-11-12T00:00:00.000Z',
  status: 'published',
  revision: 3,
  updatedAt: '2026-10-30T00:00:00.000Z',
  updatedBy: 'import',
};

const saved: { path: string; body: Record<string, unknown> }[] = [];
fakeServer(
  (url, init) => {
    if (init?.method === 'PUT') {
      saved.push({ path: url.pathname, body: JSON.parse(String(init.body)) });
      return json({ ...promotion, revision: 4 });
    }
    if (url.pathname === '/api/knowledge/articles')
      return json({ articles: [promotion], total: 1 });
    return json({ intents: [] });
  },
  () => (saved.length = 0),
);

describe('the knowledge page', () => {
  it("should keep an article's channels and validity when an editor fixes its answer", async () => {
    render(
      <AntApp>
        <KnowledgePage canEdit />
      </AntApp>,
    );
    fireEvent.click(await screen.findByTestId('article-double-11'));
    fireEvent.change(await screen.findByTestId('article-answer-zh'), {
      target: { value: '双十一全场满 300 减 60。' },
    });
    await act(async () => void fireEvent.click(screen.getByTestId('article-save')));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.path).toBe('/api/knowledge/articles/double-11');
    expect(saved[0]?.body).toMatchObject({
      answer: { zh: '双十一全场满 300 减 60。' },
      channels: ['chat'],
      validFrom: promotion.validFrom,
      validUntil: promotion.validUntil,
      revision: 3,
    });
  });

  it('should open an article from the keyboard: its id is a button named for it', async () => {
    render(
      <AntApp>
        <KnowledgePage canEdit />
      </AntApp>,
    );
    const open = await screen.findByRole('button', { name: 'Edit article double-11' });
    open.focus();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    expect(await screen.findByTestId('article-answer-zh')).toBeTruthy();
  });
});
