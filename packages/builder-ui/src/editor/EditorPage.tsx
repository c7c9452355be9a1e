import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { App as AntApp, Button, Input, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getNodeType, validate, variablesByNode, type Problem } from '@xiaoer/engine';
import {
  ApiFailure,
  errorText,
  instancesApi,
  workflowsApi,
  type Draft,
  type FlowCounts,
} from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import {
  documentKey,
  freshEdgeId,
  freshNodeId,
  toDocument,
  type JourneyFlowNode,
  type JourneyGraph,
} from '../graph/journey-graph.ts';
import { autoLayout } from '../graph/auto-layout.ts';
import { highlightPath } from '../graph/path-highlight.ts';
import { JourneyNode } from './JourneyNode.tsx';
import { Palette, NODE_TYPE_DRAG } from './Palette.tsx';
import { Inspector } from './Inspector.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { EditorStoreProvider, useEditor } from './editor-store.ts';
import { useEditorShortcuts } from './use-editor-shortcuts.ts';
import { fieldIdOf } from './config-form.ts';
import { importableJourney } from './import-journey.ts';
import { FileImportButton } from '../app/FileImportButton.tsx';
import { SimulationPanel } from '../simulation/SimulationPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import type { BrowserSimulation } from '../simulation/browser-simulation.ts';
import type { CanvasOverlay } from '../app/use-hash-route.ts';
import { withFunnelBadges } from './funnel-overlay.ts';
import { useFunnelOverlay } from './use-funnel-overlay.ts';

const nodeTypes = { journey: JourneyNode };
/** From this many nodes on, the canvas draws only the nodes and edges in view. */
const LARGE_JOURNEY = 300;

export interface EditorPageProps {
  workflowId: string;
  /** An overlay to show from the start (the dashboard's "show on canvas"). */
  overlay?: CanvasOverlay | undefined;
  canEdit: boolean;
  canPublish: boolean;
  onBack: () => void;
}

/** Loads a draft, then shows the editor for it. */
export function EditorPage(props: EditorPageProps) {
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Draft>();
  const load = useCallback(() => {
    workflowsApi
      .get(props.workflowId)
      .then(setDraft)
      .catch((error: unknown) => void message.error(String(error)));
  }, [props.workflowId, message]);
  useEffect(load, [load]);
  if (!draft) return <Spin />;
  return (
    <ReactFlowProvider>
      <EditorStoreProvider
        key={`${draft.id}@${draft.revision}`}
        draft={draft}
        funnelOn={props.overlay === 'funnel'}
      >
        <Editor {...props} draft={draft} onReload={load} />
      </EditorStoreProvider>
    </ReactFlowProvider>
  );
}

function Editor({
  draft,
  canEdit,
  canPublish,
  onBack,
  onReload,
}: EditorPageProps & { draft: Draft; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const language = languageOf(i18n.language);
  const flow = useReactFlow();
  const { base, graph, revision, savedKey, publishedCount } = useEditor(
    useShallow(({ base, graph, revision, savedKey, publishedCount }) => ({
      base,
      graph,
      revision,
      savedKey,
      publishedCount,
    })),
  );
  const { simulation, simulationTick, overlayHours, counts, funnelOn } = useEditor(
    useShallow(({ simulation, simulationTick, overlayHours, counts, funnelOn }) => ({
      simulation,
      simulationTick,
      overlayHours,
      counts,
      funnelOn,
    })),
  );
  const history = useEditor(
    useShallow(({ change, checkpoint, commit, undo, redo }) => ({
      change,
      checkpoint,
      commit,
      undo,
      redo,
    })),
  );
  const edit = useEditor(
    useShallow((s) => ({
      setConfig: s.setConfig,
      setLabel: s.setLabel,
      copySelection: s.copySelection,
      paste: s.paste,
      importJourney: s.importJourney,
      saved: s.saved,
      published: s.published,
      setSimulation: s.setSimulation,
      setOverlayHours: s.setOverlayHours,
      setCounts: s.setCounts,
      toggleFunnel: s.toggleFunnel,
    })),
  );
  const { setCounts } = edit;

  const document = useMemo(() => toDocument(base, graph), [base, graph]);
  const problems = useMemo(() => validate(document).problems, [document]);
  const variables = useMemo(() => {
    try {
      return variablesByNode(document);
    } catch {
      return new Map<string, string[]>(); // a document too broken to analyse
    }
  }, [document]);
  const dirty = documentKey(document) !== savedKey;
  useEffect(() => {
    if (overlayHours === undefined) return setCounts(null);
    let stopped = false;
    const fetchCounts = () =>
      void instancesApi
        .flow(draft.id, new Date(Date.now() - overlayHours * 3_600_000).toISOString())
        .then((next) => !stopped && setCounts(next))
        .catch((error: unknown) => void message.error(String(error)));
    fetchCounts();
    const every = setInterval(fetchCounts, 10_000);
    return () => {
      stopped = true;
      clearInterval(every);
    };
  }, [overlayHours, draft.id, message, setCounts]);
  // The funnel overlay is view state: badges on the drawn nodes, never in the graph's history.
  const badges = useFunnelOverlay(draft.id, funnelOn);
  const shown = useMemo(
    () => withFunnelBadges(withCounts(decorate(graph, problems, simulation), counts), badges),
    // simulationTick: the simulation object changes in place as it runs.
    [graph, problems, simulation, simulationTick, counts, badges],
  );
  const selected = graph.nodes.find((n) => n.selected);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      const update = (g: JourneyGraph) => ({ ...g, nodes: applyNodeChanges(changes, g.nodes) });
      if (changes.some((c) => c.type === 'remove')) history.commit(update);
      else history.change(update);
    },
    [history],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const update = (g: JourneyGraph) => ({
        ...g,
        edges: applyEdgeChanges(changes, g.edges) as JourneyGraph['edges'],
      });
      if (changes.some((c) => c.type === 'remove')) history.commit(update);
      else history.change(update);
    },
    [history],
  );
  const onConnect = useCallback(
    (connection: Connection) =>
      history.commit((g) => ({
        ...g,
        // One edge per outcome: connecting a handle again replaces its edge.
        edges: addEdge(
          { ...connection, id: freshEdgeId(g), data: { problems: [] } },
          g.edges.filter(
            (e) => !(e.source === connection.source && e.sourceHandle === connection.sourceHandle),
          ),
        ) as JourneyGraph['edges'],
      })),
    [history],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const type = event.dataTransfer.getData(NODE_TYPE_DRAG);
      const nodeType = getNodeType(type);
      if (!nodeType || !canEdit) return;
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      history.commit((g) => ({
        ...g,
        nodes: [
          ...g.nodes.map((n) => ({ ...n, selected: false })),
          {
            id: freshNodeId(g, type),
            type: 'journey',
            position,
            selected: true,
            data: { nodeType: type, config: structuredClone(nodeType.defaultConfig), problems: [] },
          },
        ],
      }));
    },
    [flow, history, canEdit],
  );
  const focusProblem = useCallback(
    (problem: Problem) => {
      const node = graph.nodes.find((n) => n.id === problem.nodeId);
      if (!node) return;
      history.change((g) => ({
        ...g,
        nodes: g.nodes.map((n) => ({ ...n, selected: n.id === node.id })),
      }));
      void flow.setCenter(node.position.x + 100, node.position.y + 50, {
        zoom: 1.2,
        duration: 300,
      });
      // Then the field, once the inspector shows the node's form (`root_message_zh`).
      const field = fieldIdOf(problem.pointer);
      if (field) setTimeout(() => window.document.getElementById(field)?.focus(), 100);
    },
    [flow, graph.nodes, history],
  );

  useEditorShortcuts({
    enabled: canEdit,
    undo: history.undo,
    redo: history.redo,
    copy: edit.copySelection,
    paste: edit.paste,
  });

  const save = async (asRevision = revision): Promise<boolean> => {
    try {
      const saved = await workflowsApi.save(document.id, document, asRevision);
      edit.saved(saved.revision, documentKey(document));
      void message.success(t('editor.saved', { revision: saved.revision }));
      return true;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        const current = error.details['currentRevision'] as number | undefined;
        modal.confirm({
          title: t('editor.conflictTitle'),
          content: t('editor.conflictBody', { base: asRevision, current }),
          okText: t('editor.reload'),
          cancelText: t('editor.overwrite'),
          onOk: onReload,
          onCancel: () => (current === undefined ? undefined : void save(current)),
        });
      } else void message.error(errorText(error, language));
      return false;
    }
  };
  const publish = () => {
    let note = '';
    modal.confirm({
      title: t('editor.publish'),
      content: (
        <Input.TextArea
          data-testid="publish-note"
          placeholder={t('editor.publishNote')}
          onChange={(e) => (note = e.target.value)}
        />
      ),
      onOk: async () => {
        if (dirty && !(await save())) return;
        try {
          const { version } = await workflowsApi.publish(document.id, note);
          edit.published();
          void message.success(t('editor.published', { version }));
        } catch (error) {
          void message.error(errorText(error, language));
        }
      },
    });
  };
  const exportJson = () => {
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
    edit.importJourney(refused.journey);
  };

  return (
    <div className="editor">
      <div className="editor-toolbar">
        <Space wrap>
          <Button onClick={onBack}>← {t('editor.back')}</Button>
          <Typography.Text strong>{document.name}</Typography.Text>
          <Tag>{t('editor.revision', { revision })}</Tag>
          {dirty && <Tag color="orange">{t('editor.unsaved')}</Tag>}
          {canEdit && (
            <Button type="primary" data-testid="save" onClick={() => void save()}>
              {t('editor.save')}
            </Button>
          )}
          {canPublish && (
            <Button data-testid="publish" disabled={problems.length > 0} onClick={publish}>
              {t('editor.publish')}
            </Button>
          )}
          {canEdit && (
            <Button onClick={() => history.commit(autoLayout)}>{t('editor.layout')}</Button>
          )}
          <Select
            style={{ width: 170 }}
            allowClear
            placeholder={t('instances.overlay')}
            value={overlayHours}
            onChange={edit.setOverlayHours}
            data-testid="overlay"
            options={[1, 24, 24 * 7].map((hours) => ({
              value: hours,
              label: `${t('instances.overlay')} · ${hours < 24 ? `${hours} h` : `${hours / 24} d`}`,
            }))}
          />
          <Button
            data-testid="overlay-toggle"
            type={funnelOn ? 'primary' : 'default'}
            aria-pressed={funnelOn}
            title={t('analytics.overlay.title')}
            onClick={edit.toggleFunnel}
          >
            {t('analytics.overlay.toggle')}
          </Button>
          <Button onClick={exportJson}>{t('editor.export')}</Button>
          {canEdit && (
            <FileImportButton
              label={t('editor.import')}
              accept="application/json,.json"
              onFile={(file) => void importJson(file)}
            />
          )}
          <Typography.Text type="secondary">{t('editor.deleteHint')}</Typography.Text>
        </Space>
      </div>
      <div className="editor-body">
        <aside className="editor-palette">
          <Typography.Title level={5}>{t('editor.palette')}</Typography.Title>
          <Palette />
        </aside>
        <main
          className="editor-canvas"
          data-testid="canvas"
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
          }}
          onDrop={onDrop}
        >
          <ReactFlow
            nodes={shown.nodes}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={history.checkpoint}
            nodesDraggable={canEdit}
            nodesConnectable={canEdit}
            deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
            // Large journeys: draw only what is on screen (1,000 nodes panned at 17 fps drawn
            // all at once; see docs/performance.md).
            onlyRenderVisibleElements={shown.nodes.length > LARGE_JOURNEY}
            fitView
            fitViewOptions={{ padding: 0.15 }}
          >
            <Background />
            <MiniMap pannable zoomable />
            <Controls />
          </ReactFlow>
        </main>
        <aside className="editor-inspector">
          <Typography.Title level={5}>{t('editor.inspector')}</Typography.Title>
          <Inspector
            node={selected && shown.nodes.find((n) => n.id === selected.id)}
            variables={selected ? (variables.get(selected.id) ?? []) : []}
            readOnly={!canEdit}
            onConfig={edit.setConfig}
            onLabel={edit.setLabel}
          />
        </aside>
      </div>
      <div className="editor-bottom">
        <Tabs
          size="small"
          items={[
            {
              key: 'problems',
              label: `${t('editor.problems')} (${problems.length})`,
              children: <ProblemsPanel problems={problems} onFocus={focusProblem} />,
            },
            {
              key: 'versions',
              label: <span data-testid="versions-tab">{t('versions.tab')}</span>,
              children: <VersionsPanel draft={document} refreshKey={publishedCount} />,
            },
            {
              key: 'simulation',
              label: <span data-testid="simulation-tab">{t('simulation.tab')}</span>,
              children: (
                <SimulationPanel
                  document={document}
                  canSave={canEdit}
                  simulation={simulation}
                  onChange={edit.setSimulation}
                />
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}

/**
 * The graph as drawn: the engine's problems on their nodes and edges (faulty edges red), and a
 * running simulation's current node and path (see path-highlight.ts).
 */
function decorate(
  graph: JourneyGraph,
  problems: Problem[],
  simulation: BrowserSimulation | null,
): JourneyGraph {
  const marked: JourneyGraph = {
    nodes: graph.nodes.map((node) => ({
      ...node,
      data: { ...node.data, problems: problems.filter((p) => p.nodeId === node.id) },
    })),
    edges: graph.edges.map((edge) => {
      const own = problems.filter((p) => p.edgeId === edge.id);
      return {
        ...edge,
        data: { problems: own },
        ...(own.length ? { className: 'faulty', animated: true } : {}),
      };
    }),
  };
  return highlightPath(
    marked,
    simulation
      ? { current: simulation.node, visited: simulation.visited, taken: simulation.takenOutcomes }
      : null,
  );
}

/** The live overlay: instances per node now, and how often each outcome was taken. */
function withCounts(graph: JourneyGraph, flow: FlowCounts | null): JourneyGraph {
  if (!flow) return graph;
  return {
    nodes: graph.nodes.map((node) => ({
      ...node,
      data: { ...node.data, liveCount: flow.nodes[node.id] ?? 0 },
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      label: String(flow.outcomes[`${edge.source}/${edge.sourceHandle}`] ?? 0),
    })),
  };
}
