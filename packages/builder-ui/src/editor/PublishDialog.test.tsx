// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { WorkflowDocument } from '@xiaoer/engine';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { journey } from '../testing/sample-draft.ts';
import { PublishDialog } from './PublishDialog.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

/** The dialog for publishing `document` over the running `publishedVersion` (0: none). */
const renderPublish = (document: WorkflowDocument, publishedVersion: number) =>
  render(
    <PublishDialog
      open
      document={document}
      publishedVersion={publishedVersion}
      problems={[]}
      onPublish={async () => {}}
      onCancel={() => {}}
    />,
  );

/** The first publish's list of changes, as shown in `language`. */
async function firstPublishIn(language: 'zh' | 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  renderPublish(journey, 0);
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

describe('the publish summary tells connections and fields as the editor shows them', () => {
  it("should name an outcome by its handle's title and a field by its label, not by engine paths", async () => {
    await i18n.changeLanguage('zh');
    const published: WorkflowDocument = {
      ...journey,
      nodes: journey.nodes.map((n) =>
        n.id === 'done' ? { ...n, config: { status: 'completed', reason: 'old' } } : n,
      ),
    };
    const draft: WorkflowDocument = {
      ...journey,
      nodes: journey.nodes.map((n) =>
        n.id === 'done'
          ? { ...n, label: '完成', config: { status: 'completed', reason: 'new' } }
          : n,
      ),
    };
    renderPublish(draft, 0);
    const first = screen.getByTestId('publish-changes').textContent ?? '';
    // start's outcome "next" is drawn 开始 on the canvas.
    expect(first).toContain('start “开始” → 完成');
    expect(first).not.toContain('start/next');
    cleanup();
    // Against a running version: the changed field by the inspector's label.
    const { workflowsApi } = await import('../api/api-client.ts');
    const version = vi.spyOn(workflowsApi, 'version').mockResolvedValue({
      document: published,
    } as Awaited<ReturnType<typeof workflowsApi.version>>);
    renderPublish(draft, 1);
    await waitFor(() =>
      expect(screen.getByTestId('publish-changes').textContent).toContain('原因'),
    );
    const again = screen.getByTestId('publish-changes').textContent ?? '';
    expect(again).toContain('完成 · 原因');
    expect(again).not.toContain('config.reason');
    version.mockRestore();
  });
});
