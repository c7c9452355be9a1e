// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { EditorPage } from './EditorPage.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/** The server as it answers a link to a journey that is not there (deleted, mistyped). */
const asked: string[] = [];
fakeServer(
  (url) => {
    asked.push(url.pathname);
    return json(
      {
        error: {
          code: 'workflow-not-found',
          message: { zh: '没有 id 为 "gone" 的旅程。', en: 'No workflow with id "gone".' },
        },
      },
      404,
    );
  },
  () => (asked.length = 0),
);

describe('the editor on a journey it cannot load', () => {
  it('should say why in the language shown, with the way back and a retry, instead of spinning', async () => {
    await i18n.changeLanguage('zh');
    const onBack = vi.fn();
    render(
      <AntApp>
        <EditorPage workflowId="gone" canEdit canPublish onBack={onBack} />
      </AntApp>,
    );
    const failed = await screen.findByTestId('editor-load-failed');
    expect(failed.textContent).toContain('没有 id 为 "gone" 的旅程。');
    expect(failed.textContent).not.toContain('Error');
    fireEvent.click(screen.getByRole('button', { name: /^重\s?试$/ }));
    await vi.waitFor(() => expect(asked).toEqual(['/api/workflows/gone', '/api/workflows/gone']));
    fireEvent.click(await screen.findByRole('button', { name: '全部旅程' }));
    expect(onBack).toHaveBeenCalledOnce();
    await i18n.changeLanguage('en');
    expect((await screen.findByTestId('editor-load-failed')).textContent).toContain(
      'No workflow with id "gone".',
    );
  });
});
