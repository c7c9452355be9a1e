// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { draft } from '../testing/sample-draft.ts';
import { EditorPage } from './EditorPage.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

fakeServer((url) => {
  if (url.pathname === '/api/workflows/order-lifecycle') return json(draft);
  if (url.pathname.endsWith('/versions')) return json({ versions: [] });
  if (url.pathname.endsWith('/scenarios')) return json({ scenarios: [] });
  if (url.pathname === '/api/connections') return json({ channels: [] });
  return json({});
});

const openEditor = (canEdit: boolean) =>
  render(
    <AntApp>
      <EditorPage
        workflowId="order-lifecycle"
        canEdit={canEdit}
        canPublish={canEdit}
        onBack={() => {}}
      />
    </AntApp>,
  );
/** The canvas takes a while to come up in jsdom. */
const SLOW = { timeout: 8000 };

/**
 * The palette was drag-only: no way to add a node from the keyboard, nor with a tap on a
 * tablet (HTML drag and drop needs a mouse). Each node type is a button too.
 */
describe("the editor's palette", () => {
  it('should add a node with a click, Enter or Space, selected for the inspector; not for a viewer', async () => {
    openEditor(true);
    await screen.findByTestId('node-start', {}, SLOW);
    // A native button: the keyboard's Enter and Space click it, as a tap does.
    const send = screen.getByTestId('palette-sendMessage');
    expect(send.tagName).toBe('BUTTON');
    expect(send.textContent).toBe('Send message');
    fireEvent.click(send);
    const added = await screen.findByTestId('node-sendMessage1', {}, SLOW);
    expect(added.closest('.react-flow__node')?.className).toContain('selected');
    fireEvent.click(screen.getByTestId('palette-sendMessage'));
    expect(await screen.findByTestId('node-sendMessage2', {}, SLOW)).toBeTruthy();
    cleanup();
    // A viewer's palette lists the node types and changes nothing.
    openEditor(false);
    await screen.findByTestId('node-start', {}, SLOW);
    expect(screen.getByTestId('palette-sendMessage').tagName).not.toBe('BUTTON');
  });
});
