import { useMemo } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { SimulationPanel } from '../simulation/SimulationPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { useFocusProblem } from './use-focus-problem.ts';
import { useEditor, useEditorStore } from './editor-context.ts';
import type { EditorPanel } from './editor-store.ts';

const NO_VARIABLES: string[] = [];

/** Beside the canvas: the problems, then the selected node's settings, versions, simulation. */
export function EditorSide({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const problems = useEditor((s) => s.problems);
  const document = useEditor((s) => s.document);
  const panel = useEditor((s) => s.panel);
  const focusProblem = useFocusProblem();
  return (
    <aside className="editor-side">
      <div className="editor-problems">
        <ProblemsPanel problems={problems} document={document} onFocus={focusProblem} />
      </div>
      <Tabs
        size="small"
        activeKey={panel}
        onChange={(key) => store.getState().setPanel(key as EditorPanel)}
        items={[
          {
            key: 'inspector',
            label: <span data-testid="inspector-tab">{t('editor.inspector')}</span>,
            children: <InspectorTab canEdit={canEdit} />,
          },
          {
            key: 'versions',
            label: <span data-testid="versions-tab">{t('versions.tab')}</span>,
            children: <VersionsTab />,
          },
          {
            key: 'simulation',
            label: <span data-testid="simulation-tab">{t('simulation.tab')}</span>,
            children: <SimulationTab canEdit={canEdit} />,
          },
        ]}
      />
    </aside>
  );
}

/** The selected node's form, with the variables known there and the sample data. */
function InspectorTab({ canEdit }: { canEdit: boolean }) {
  const store = useEditorStore();
  // Its id and drawn data only: dragging the node moves it without drawing the form again.
  const id = useEditor((s) => s.selectedId);
  const data = useEditor((s) =>
    s.selectedId === undefined ? undefined : s.shown.nodes.find((n) => n.id === s.selectedId)?.data,
  );
  const node = useMemo(() => (id && data ? { id, data } : undefined), [id, data]);
  const variables = useEditor((s) =>
    s.selectedId === undefined ? NO_VARIABLES : (s.variables.get(s.selectedId) ?? NO_VARIABLES),
  );
  const sample = useEditor((s) =>
    s.selectedId === undefined ? s.sample : (s.samples.get(s.selectedId) ?? s.sample),
  );
  const { setConfig, setLabel } = store.getState();
  return (
    <Inspector
      node={node}
      variables={variables}
      sample={sample}
      readOnly={!canEdit}
      onConfig={setConfig}
      onLabel={setLabel}
    />
  );
}

function VersionsTab() {
  const document = useEditor((s) => s.document);
  const publishedCount = useEditor((s) => s.publishedCount);
  return <VersionsPanel draft={document} refreshKey={publishedCount} />;
}

function SimulationTab({ canEdit }: { canEdit: boolean }) {
  const store = useEditorStore();
  const document = useEditor((s) => s.document);
  const simulation = useEditor((s) => s.simulation);
  // The simulation changes in place as it runs: its tick re-renders the panel.
  useEditor((s) => s.simulationTick);
  return (
    <SimulationPanel
      document={document}
      canSave={canEdit}
      simulation={simulation}
      onChange={store.getState().setSimulation}
    />
  );
}
