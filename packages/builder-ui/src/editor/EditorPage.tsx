import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { App as AntApp, Button, Result, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  errorText,
  instancesApi,
  workflowsApi,
  type Draft,
  type FlowCounts,
} from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useLive, type LiveHandlers } from '../app/use-live.ts';
import { copySelection, emptyCopy, type SelectionCopy } from '../graph/selection-copy.ts';
import type { CanvasOverlay } from '../app/use-hash-route.ts';
import { useLeaveGuard } from '../app/leave-guard.ts';
import { Palette } from './Palette.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { EditorCanvas } from './EditorCanvas.tsx';
import { EditorSide } from './EditorSide.tsx';
import { EditorStoreContext, useEditor, useEditorStore } from './editor-context.ts';
import { createEditorStore } from './editor-store.ts';
import { useEditorCommands, type EditorCommands } from './use-editor-commands.tsx';
import { useEditorShortcuts } from './use-editor-shortcuts.ts';
import { useFunnelOverlay } from './use-funnel-overlay.ts';
import { useFocusProblem } from './use-focus-problem.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

export interface EditorPageProps {
  workflowId: string;
  /** An overlay to show from the start (the dashboard's "show on canvas"). */
  overlay?: CanvasOverlay | undefined;
  canEdit: boolean;
  canPublish: boolean;
  onBack: () => void;
}

/**
 * Loads a draft, then shows the editor for it; a journey that cannot be loaded (a stale link, a
 * deleted journey, the server away) says why in the language shown, with the way back and a retry.
 */
export function EditorPage(props: EditorPageProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>();
  const [failure, setFailure] = useState<unknown>();
  const load = useCallback(() => {
    setFailure(undefined);
    workflowsApi.get(props.workflowId).then(setDraft, setFailure);
  }, [props.workflowId]);
  useEffect(load, [load]);
  if (failure !== undefined)
    return (
      <Result
        status="warning"
        data-testid="editor-load-failed"
        title={errorText(failure, languageOf(i18n.language))}
        extra={
          <Space>
            <Button type="primary" onClick={props.onBack}>
              {t('editor.back')}
            </Button>
            <Button onClick={load}>{t('app.retry')}</Button>
          </Space>
        }
      />
    );
  if (!draft) return <Spin />;
  return (
    <ReactFlowProvider>
      <Editor key={`${draft.id}@${draft.revision}`} {...props} draft={draft} onReload={load} />
    </ReactFlowProvider>
  );
}

/**
 * One loaded draft: its state lives in a store (editor-store.ts) and each part of the page
 * reads the slice it shows, so an edit, a drag or a pan re-renders only what it changes.
 */
function Editor({
  draft,
  overlay,
  canEdit,
  canPublish,
  onBack,
  onReload,
}: EditorPageProps & { draft: Draft; onReload: () => void }) {
  const [store] = useState(() => createEditorStore(draft, { funnelOn: overlay === 'funnel' }));
  return (
    <EditorStoreContext.Provider value={store}>
      <EditorBody canEdit={canEdit} canPublish={canPublish} onBack={onBack} onReload={onReload} />
    </EditorStoreContext.Provider>
  );
}

function EditorBody({
  canEdit,
  canPublish,
  onBack,
  onReload,
}: Pick<EditorPageProps, 'canEdit' | 'canPublish' | 'onBack'> & { onReload: () => void }) {
  const { t } = useTranslation();
  const commands = useEditorCommands(onReload);
  useEditorKeys(commands, canEdit);
  useEditorGuard(commands, canEdit);
  useOverlays();
  return (
    <div className="editor">
      <EditorToolbar
        commands={commands}
        canEdit={canEdit}
        canPublish={canPublish}
        onBack={onBack}
      />
      <div className="editor-body">
        <aside className="editor-palette">
          <Typography.Title level={5}>{t('editor.palette')}</Typography.Title>
          <Palette canEdit={canEdit} />
        </aside>
        <EditorCanvas canEdit={canEdit} />
        <EditorSide canEdit={canEdit} />
      </div>
      <EditorPublish commands={commands} />
    </div>
  );
}

function EditorPublish({ commands }: { commands: EditorCommands }) {
  const store = useEditorStore();
  const open = useEditor((s) => s.publishing);
  const document = useEditor((s) => s.document);
  const problems = useEditor((s) => s.problems);
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const focusProblem = useFocusProblem();
  return (
    <PublishDialog
      open={open}
      document={document}
      publishedVersion={publishedVersion}
      problems={problems}
      onPublish={commands.publish}
      onCancel={() => store.getState().setPublishing(false)}
      onFocusProblem={(problem) => {
        store.getState().setPublishing(false);
        focusProblem(problem);
      }}
    />
  );
}

/** Ctrl+S, undo, redo, copy and paste (use-editor-shortcuts.ts). */
function useEditorKeys(commands: EditorCommands, canEdit: boolean): void {
  const store = useEditorStore();
  const clipboard = useRef<SelectionCopy>(emptyCopy);
  useEditorShortcuts({
    enabled: canEdit,
    save: () => void commands.save(),
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    copy: () => (clipboard.current = copySelection(store.getState().graph)),
    paste: () => store.getState().paste(clipboard.current.nodes, clipboard.current.edges),
  });
}

/** Unsaved edits are not dropped by leaving: the operator saves, leaves anyway, or stays. */
function useEditorGuard(commands: EditorCommands, canEdit: boolean): void {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const dirty = useEditor((s) => s.dirty);
  useLeaveGuard(dirty && canEdit, (proceed) => {
    const dialog = modal.confirm({
      title: t('safety.leaveTitle'),
      content: t('safety.leaveBody'),
      okText: t('safety.saveAndLeave'),
      cancelText: t('safety.stay'),
      footer: (_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Button
            danger
            data-testid="leave-discard"
            onClick={() => {
              dialog.destroy();
              proceed();
            }}
          >
            {t('safety.discard')}
          </Button>
          <OkBtn />
        </>
      ),
      onOk: async () => {
        if (await commands.save()) proceed();
      },
    });
  });
}

/** The time `hours` ago, as the flow counts' `since`. */
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/**
 * The live overlay's counts (from their stream while on; every 10 s only while it is down) and
 * the funnel's badges, into the store.
 */
function useOverlays(): void {
  const message = useConsoleMessage();
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const store = useEditorStore();
  const id = useEditor((s) => s.base.id);
  const overlayHours = useEditor((s) => s.overlayHours);
  const funnelOn = useEditor((s) => s.funnelOn);
  const setCounts = useEditor((s) => s.setCounts);
  useEffect(() => {
    if (overlayHours === undefined) setCounts(null);
  }, [overlayHours, setCounts]);
  const watch = useMemo(
    () =>
      overlayHours === undefined
        ? null
        : (on: LiveHandlers<FlowCounts>) => instancesApi.watchFlow(id, hoursAgo(overlayHours), on),
    [id, overlayHours],
  );
  const load = useCallback(
    () => instancesApi.flow(id, hoursAgo(overlayHours ?? 24)),
    [id, overlayHours],
  );
  const failed = useCallback(
    (error: unknown) => void message.error(errorText(error, language)),
    [message, language],
  );
  useLive(watch, load, setCounts, failed, 10_000);
  // The funnel overlay is view state: badges on the drawn nodes, never in the graph's history.
  const badges = useFunnelOverlay(id, funnelOn);
  useEffect(() => store.getState().setBadges(badges), [badges, store]);
}
