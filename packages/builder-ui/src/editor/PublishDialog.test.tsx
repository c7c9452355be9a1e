// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { journey } from '../testing/sample-draft.ts';
import { PublishDialog } from './PublishDialog.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

/** The first publish's list of changes, as shown in `language`. */
async function firstPublishIn(language: 'zh' | 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  render(
    <PublishDialog
      open
      document={journey}
      publishedVersion={0}
      problems={[]}
      onPublish={async () => {}}
      onCancel={() => {}}
    />,
  );
  return screen.getByTestId('publish-changes').textContent ?? '';
}

describe('the publish summary names the nodes added in the console language', () => {
  it('should call a trigger and an end 触发器 and 结束 in Chinese, not by their engine names', async () => {
    const added = await firstPublishIn('zh');
    expect(added).toContain('start (触发器)');
    expect(added).toContain('done (结束)');
    expect(added).not.toMatch(/\((trigger|end)\)/);
  });

  it('should call them Trigger and End in English', async () => {
    const added = await firstPublishIn('en');
    expect(added).toContain('start (Trigger)');
    expect(added).toContain('done (End)');
  });
});
