// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { Button } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import type { Language } from '../i18n/messages.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { renderInConsole } from '../testing/in-console.tsx';
import { useConsoleMessage } from './use-console-message.ts';

setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

/** A page that tells of a save and of a failure, as the console's pages do. */
function Saving() {
  const message = useConsoleMessage();
  return (
    <>
      <Button onClick={() => void message.success('saved')}>save</Button>
      <Button onClick={() => void message.error({ content: 'failed', key: 'failure' })}>
        fail
      </Button>
    </>
  );
}

async function showMessages(language: Language) {
  await renderInConsole(language, <Saving />);
  fireEvent.click(screen.getByText('save'));
  fireEvent.click(screen.getByText('fail'));
  await screen.findByText('saved');
  await screen.findByText('failed');
}

/** The messages' icons a screen reader reads, each by its name. */
const messageIcons = () =>
  [...document.querySelectorAll('.ant-message .anticon')]
    .filter((icon) => !icon.closest('[aria-hidden="true"]'))
    .map((icon) => icon.getAttribute('aria-label'));

describe("the console's short messages", () => {
  it.each([
    { language: 'zh', read: ['成功', '错误'] },
    { language: 'en', read: ['Success', 'Error'] },
  ] as const)(
    'should name their icons in $language and keep what they are given',
    async ({ language, read }) => {
      await showMessages(language);
      // Not "check-circle" and "close-circle", Ant Design's file names for them.
      expect(messageIcons().sort()).toEqual([...read].sort());
      // Content, kind and key as given: the failure again is shown once, not twice.
      expect(screen.getByText('saved').closest('.ant-message-success')).not.toBeNull();
      fireEvent.click(screen.getByText('fail'));
      expect(await screen.findAllByText('failed')).toHaveLength(1);
    },
  );
});
