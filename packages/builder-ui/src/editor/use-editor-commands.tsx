import { useMemo } from 'react';
import { App as AntApp, Button } from 'antd';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, errorText, workflowsApi } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { importableJourney } from './import-journey.ts';
import { fitWhenDrawn } from './fit-journey.ts';
import { useEditorStore } from './editor-context.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

export interface EditorCommands {
  /** Saves the document as `asRevision` (the loaded one by default); true when saved. */
  save: (asRevision?: number) => Promise<boolean>;
  publish: (note: string) => Promise<void>;
  exportJson: () => void;
  importJson: (file: File) => Promise<void>;
}

/**
 * What the editor does with the server and files. The commands read the store when they run,
 * so they never change and no component re-renders for them.
 */
export function useEditorCommands(onReload: () => void): EditorCommands {
  const { t, i18n } = useTranslation();
  const { modal } = AntApp.useApp();
  const message = useConsoleMessage();
  const store = useEditorStore();
  const flow = useReactFlow();
  const language = languageOf(i18n.language);
  return useMemo(() => {
    const save = async (asRevision = store.getState().revision): Promise<boolean> => {
      const { document } = store.getState();
      try {
        const saved = await workflowsApi.save(document.id, document, asRevision);
        store.getState().saved(saved.revision, document);
        void message.success(t('editor.saved', { revision: saved.revision }));
        return true;
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 409) {
          const current = error.details['currentRevision'] as number | undefined;
          // Overwriting the other person's revision is a button of its own: closing the
          // dialog (Esc) keeps both, the edits here unsaved.
          const dialog = modal.confirm({
            title: t('editor.conflictTitle'),
            content: t('editor.conflictBody', { base: asRevision, current }),
            okText: t('editor.reload'),
            cancelText: t('editor.conflictLater'),
            onOk: onReload,
            footer: (_, { OkBtn, CancelBtn }) => (
              <>
                <CancelBtn />
                {current !== undefined && (
                  <Button
                    danger
                    data-testid="conflict-overwrite"
                    onClick={() => {
                      dialog.destroy();
                      void save(current);
                    }}
                  >
                    {t('editor.overwrite')}
                  </Button>
                )}
                <OkBtn />
              </>
            ),
          });
        } else void message.error(errorText(error, language));
        return false;
      }
    };
    const publish = async (note: string) => {
      if (store.getState().dirty && !(await save())) return;
      try {
        const { version } = await workflowsApi.publish(store.getState().document.id, note);
        store.getState().published(version);
        void message.success(t('editor.published', { version }));
      } catch (error) {
        void message.error(errorText(error, language));
      }
    };
    const exportJson = () => {
      const { document } = store.getState();
      const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
      const link = Object.assign(window.document.createElement('a'), {
        href: URL.createObjectURL(blob),
        download: `${document.id}.json`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
    };
    const importJson = async (file: File) => {
      const refused = await importableJourney(file);
      if ('problems' in refused) {
        // Not a journey that can be drawn: say why, change nothing.
        modal.error({
          title: t('editor.importRefused', { name: file.name }),
          content: (
            <ul className="import-problems" data-testid="import-problems">
              {refused.problems.map((problem, index) => (
                <li key={index}>
                  {problem.pointer && <code>{problem.pointer}</code>} {problem.message[language]}
                </li>
              ))}
            </ul>
          ),
        });
        return;
      }
      store.getState().replaceJourney(refused.journey, false);
      fitWhenDrawn(flow);
    };
    return { save, publish, exportJson, importJson };
  }, [store, flow, message, modal, t, language, onReload]);
}
