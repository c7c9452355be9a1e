import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
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
import { App as AntApp, Button, Select, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  getNodeType,
  validate,
  variablesByNode,
  type JsonObject,
  type Problem,
  type WorkflowDocument,
} from '@xiaoer/engine';
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
  stableJson,
  freshEdgeId,
  freshNodeId,
  toDocument,
  toGraph,
  type JourneyFlowNode,
  type JourneyGraph,
} from '../graph/journey-graph.ts';
import { autoLayout } from '../graph/auto-layout.ts';
import { highlightPath } from '../graph/path-highlight.ts';
import { JourneyNode } from './JourneyNode.tsx';
import { Palette, NODE_TYPE_DRAG } from './Palette.tsx';
import { Inspector } from './Inspector.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { useGraphHistory } from './use-graph-history.ts';
import { useEditorShortcuts } from './use-editor-shortcuts.ts';
import { fieldIdOf } from './config-form.ts';
import { importableJourney } from './import-journey.ts';
import { FileImportButton } from '../app/FileImportButton.tsx';
import { SimulationPanel } from '../simulation/SimulationPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { sampleData, type BrowserSimulation } from '../simulation/browser-simulation.ts';
import type { CanvasOverlay } from '../app/use-hash-route.ts';
import { withFunnelBadges } from './funnel-overlay.ts';
import { useFunnelOverlay } from './use-funnel-overlay.ts';
import { PublishDialog } from './PublishDialog.tsx';
import { EmptyCanvasGuide } from './EmptyCanvasGuide.tsx';
import { useLeaveGuard } from '../app/leave-guard.ts';

const nodeTypes = { journey: JourneyNode };
/** From this many nodes on, the canvas draws only the nodes and edges in view. */
const LARGE_JOURNEY = 300;
/** Far enough out that a 200-node journey fits a 1440x900 window (React Flow's default is 0.5). */
const MIN_ZOOM = 0.05;

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
      <Editor key={`${draft.id}@${draft.revision}`} {...props} draft={draft} onReload={load} />
    </ReactFlowProvider>
  );
}

function Editor({
  draft,
  overlay,
  canEdit,
  canPublish,
  onBack,
  onReload,
}: EditorPageProps & { draft: Draft; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const language = languageOf(i18n.language);
  const flow = useReactFlow();
  const [base, setBase] = useState<WorkflowDocument>(draft.document);
  const [revision, setRevision] = useState(draft.revision);
  const [savedKey, setSavedKey] = useState(() => documentKey(draft.document));
  const history = useGraphHistory(toGraph(draft.document));
  const { graph } = history;
  const clipboard = useRef<JourneyFlowNode[]>([]);

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
  // Messages preview with the data a simulation would start with.
  const sample = useMemo(() => sampleData(document), [document]);
  const [publishedCount, setPublishedCount] = useState(0);
  const [publishedVersion, setPublishedVersion] = useState(draft.publishedVersion);
  const [publishing, setPublishing] = useState(false);
  const [panel, setPanel] = useState('inspector');
  const [simulation, setSimulation] = useState<BrowserSimulation | null>(null);
  const [simulationTick, setSimulationTick] = useState(0);
  const onSimulation = useCallback((next: BrowserSimulation | null) => {
    setSimulation(next);
    setSimulationTick((n) => n + 1);
  }, []);
  const [overlayHours, setOverlayHours] = useState<number>();
  const [counts, setCounts] = useState<FlowCounts | null>(null);
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
  }, [overlayHours, draft.id, message]);
  // The funnel overlay is view state: badges on the drawn nodes, never in the graph's history.
  const [funnelOn, setFunnelOn] = useState(overlay === 'funnel');
  const badges = useFunnelOverlay(draft.id, funnelOn);
  const shown = useMemo(
    () => withFunnelBadges(withCounts(decorate(graph, problems, simulation), counts), badges),
    // simulationTick: the simulation object changes in place as it runs.
    [graph, problems, simulation, simulationTick, counts, badges],
  );
  const selected = graph.nodes.find((n) => n.selected);
  // Picking a node shows its settings, whichever side panel was open.
  useEffect(() => {
    if (selected) setPanel('inspector');
  }, [selected?.id]);

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
  const setConfig = useCallback(
    (id: string, config: JsonObject) => {
      // The form reports its data when it first shows a node too: only a real change is an
      // edit (and an undo step).
      const current = graph.nodes.find((n) => n.id === id)?.data.config;
      if (current && stableJson(current) === stableJson(config)) return;
      history.commit((g) => ({
        ...g,
        nodes: g.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, config } } : n)),
      }));
    },
    [history, graph.nodes],
  );
  const setLabel = useCallback(
    (id: string, label: string | undefined) =>
      history.commit((g) => ({
        ...g,
        nodes: g.nodes.map((n) => {
          if (n.id !== id) return n;
          const { label: _old, ...data } = n.data;
          return { ...n, data: label === undefined ? data : { ...data, label } };
        }),
      })),
    [history],
  );
  const focusProblem = useCallback(
    (problem: Problem) => {
      const node = graph.nodes.find((n) => n.id === problem.nodeId);
      if (!node) return;
      setPanel('inspector');
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
    save: () => void save(),
    undo: history.undo,
    redo: history.redo,
    copy: () => (clipboard.current = graph.nodes.filter((n) => n.selected)),
    paste: () =>
      history.commit((g) => {
        const copies: JourneyFlowNode[] = [];
        for (const node of clipboard.current) {
          const id = freshNodeId({ ...g, nodes: [...g.nodes, ...copies] }, node.data.nodeType);
          copies.push({
            ...structuredClone(node),
            id,
            selected: true,
            position: { x: node.position.x + 40, y: node.position.y + 40 },
          });
        }
        return { ...g, nodes: [...g.nodes.map((n) => ({ ...n, selected: false })), ...copies] };
      }),
  });

  const save = async (asRevision = revision): Promise<boolean> => {
    try {
      const saved = await workflowsApi.save(document.id, document, asRevision);
      setRevision(saved.revision);
      setSavedKey(documentKey(document));
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
  const publish = async (note: string) => {
    if (dirty && !(await save())) return;
    try {
      const { version } = await workflowsApi.publish(document.id, note);
      setPublishedCount((n) => n + 1);
      setPublishedVersion(version);
      setPublishing(false);
      void message.success(t('editor.published', { version }));
    } catch (error) {
      void message.error(errorText(error, language));
    }
  };
  // Unsaved edits are not dropped by leaving: the operator saves, leaves anyway, or stays.
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
        if (await save()) proceed();
      },
    });
  });
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
    setBase({ ...refused.journey, id: document.id });
    history.commit(() => toGraph(refused.journey));
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
            <Button
              data-testid="publish"
              disabled={problems.length > 0}
              onClick={() => setPublishing(true)}
            >
              {t('editor.publish')}
            </Button>
          )}
          {problems.length > 0 ? (
            <Tag color="red" data-testid="problem-count">
              {t('safety.problemCount', { count: problems.length })}
            </Tag>
          ) : (
            <Tag color="green" data-testid="problem-count">
              {t('safety.valid')}
            </Tag>
          )}
          {canEdit && (
            <Button onClick={() => history.commit(autoLayout)}>{t('editor.layout')}</Button>
          )}
          <Select
            style={{ width: 170 }}
            allowClear
            placeholder={t('instances.overlay')}
            value={overlayHours}
            onChange={setOverlayHours}
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
            onClick={() => setFunnelOn((on) => !on)}
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
          <Tooltip title={t('editor.deleteHint')}>
            <QuestionCircleOutlined aria-label={t('editor.deleteHint')} />
          </Tooltip>
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
            minZoom={MIN_ZOOM}
            fitView
            // Up to LARGE_JOURNEY nodes the whole journey fits the window; a larger one opens
            // at its start, readable, rather than as a thousand specks drawn all at once.
            fitViewOptions={{
              padding: 0.1,
              minZoom: shown.nodes.length > LARGE_JOURNEY ? 0.5 : MIN_ZOOM,
            }}
          >
            <Background />
            <MiniMap pannable zoomable />
            <Controls />
          </ReactFlow>
          {graph.nodes.length === 0 && (
            <EmptyCanvasGuide
              canEdit={canEdit}
              onTemplate={(template) => {
                // The template's steps under this journey's id and name.
                setBase({ ...template, id: document.id, name: document.name });
                history.commit(() => toGraph(template));
                setTimeout(() => void flow.fitView({ padding: 0.1 }), 50);
              }}
            />
          )}
        </main>
        <aside className="editor-side">
          <div className="editor-problems">
            <ProblemsPanel problems={problems} onFocus={focusProblem} />
          </div>
          <Tabs
            size="small"
            activeKey={panel}
            onChange={setPanel}
            items={[
              {
                key: 'inspector',
                label: <span data-testid="inspector-tab">{t('editor.inspector')}</span>,
                children: (
                  <Inspector
                    node={selected && shown.nodes.find((n) => n.id === selected.id)}
                    variables={selected ? (variables.get(selected.id) ?? []) : []}
                    sample={sample}
                    readOnly={!canEdit}
                    onConfig={setConfig}
                    onLabel={setLabel}
                  />
                ),
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
                    onChange={onSimulation}
                  />
                ),
              },
            ]}
          />
        </aside>
      </div>
      <PublishDialog
        open={publishing}
        document={document}
        publishedVersion={publishedVersion}
        problems={problems}
        onPublish={publish}
        onCancel={() => setPublishing(false)}
      />
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
