import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import {
  getNodeType,
  validate,
  variablesByNode,
  type JsonObject,
  type Problem,
  type WorkflowDocument,
} from '@xiaoer/engine';
import type { Draft, FlowCounts } from '../api/api-client.ts';
import type { FunnelBadge } from '../analytics/funnel-badges.ts';
import {
  freshEdgeId,
  freshNodeId,
  stableJson,
  toGraph,
  type JourneyFlowEdge,
  type JourneyFlowNode,
  type JourneyGraph,
} from '../graph/journey-graph.ts';
import { freePosition, pasteOffset } from '../graph/free-position.ts';
import { sampleData, type BrowserSimulation } from '../simulation/browser-simulation.ts';
import { samplesByNode } from '../simulation/preview-samples.ts';
import { documentOf, graphDecorator, sameContent, sameLogic } from './editor-derived.ts';

/** Undo steps kept. */
const HISTORY_LIMIT = 100;

export type EditorPanel = 'inspector' | 'versions' | 'simulation';

/** What the editor holds; components read the slices they show. */
export interface EditorData {
  /** The document's id, name and description; nodes and edges come from `graph`. */
  base: WorkflowDocument;
  revision: number;
  /** The document as last saved (or loaded), to tell unsaved edits. */
  savedDocument: WorkflowDocument;
  publishedVersion: number;
  /** Counts publishes from this editor (the versions list reloads on it). */
  publishedCount: number;
  graph: JourneyGraph;
  past: JourneyGraph[];
  future: JourneyGraph[];
  panel: EditorPanel;
  publishing: boolean;
  simulation: BrowserSimulation | null;
  /** Counts simulation changes: the simulation object changes in place as it runs. */
  simulationTick: number;
  /** Hours of the live overlay (instances per node now), none when off. */
  overlayHours: number | undefined;
  counts: FlowCounts | null;
  funnelOn: boolean;
  badges: Map<string, FunnelBadge> | null;
}

/** What the editor derives from its data, kept beside it (see editor-derived.ts). */
export interface EditorDerived {
  document: WorkflowDocument;
  problems: Problem[];
  variables: Map<string, string[]>;
  /** The data a simulation would start with. */
  sample: JsonObject;
  /** Messages preview with the data each node would see: the sample, plus what setData set. */
  samples: Map<string, JsonObject>;
  dirty: boolean;
  /** The graph as drawn: problems, the simulation's path and the overlays on it. */
  shown: JourneyGraph;
  /** The one selected node, if any. */
  selectedId: string | undefined;
}

export interface EditorActions {
  /** Replaces the graph without an undo step (a node being dragged). */
  change: (next: (graph: JourneyGraph) => JourneyGraph) => void;
  /** Replaces the graph and records the graph before as an undo step. */
  commit: (next: (graph: JourneyGraph) => JourneyGraph) => void;
  /** Records the graph as it is as an undo step (a drag starting). */
  checkpoint: () => void;
  undo: () => void;
  redo: () => void;
  onNodesChange: (changes: NodeChange<JourneyFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  addNode: (type: string, position: XYPosition) => void;
  setConfig: (id: string, config: JsonObject) => void;
  setLabel: (id: string, label: string | undefined) => void;
  /** Selects one node and shows its settings. */
  focusNode: (id: string) => void;
  /**
   * Pastes copies of `copied` (selected, beside the originals) and of the connections between
   * them (`edges`: those whose both ends were copied), so a copied chain stays a chain.
   */
  paste: (copied: JourneyFlowNode[], edges?: JourneyFlowEdge[]) => void;
  /** Replaces the whole journey (an import or a template), keeping this draft's id and name. */
  replaceJourney: (journey: WorkflowDocument, keepName: boolean) => void;
  saved: (revision: number, document: WorkflowDocument) => void;
  published: (version: number) => void;
  setPanel: (panel: EditorPanel) => void;
  setPublishing: (open: boolean) => void;
  /** The simulation changed (a new object, or the same one after a step). */
  setSimulation: (simulation: BrowserSimulation | null) => void;
  setOverlayHours: (hours: number | undefined) => void;
  setCounts: (counts: FlowCounts | null) => void;
  toggleFunnel: () => void;
  setBadges: (badges: Map<string, FunnelBadge> | null) => void;
}

export type EditorState = EditorData & EditorDerived & EditorActions;
export type EditorStore = StoreApi<EditorState>;

/** An editor's store for one loaded draft (a reload makes a new one). */
export function createEditorStore(draft: Draft, options: { funnelOn?: boolean } = {}): EditorStore {
  const decorate = graphDecorator();

  /** The derived values of `data`, reusing those of `before` where their inputs are equal. */
  const derive = (
    data: EditorData,
    before: (EditorData & EditorDerived) | undefined,
  ): EditorDerived => {
    const document = documentOf(data.base, data.graph, before?.document);
    const logicSame = before !== undefined && sameLogic(before.document, document);
    const problems = logicSame ? before.problems : validate(document).problems;
    const variables = logicSame ? before.variables : variablesOf(document);
    const sample = logicSame ? before.sample : sampleData(document);
    const samples = logicSame ? before.samples : samplesByNode(document, sample);
    const dirty =
      before && before.document === document && before.savedDocument === data.savedDocument
        ? before.dirty
        : !sameContent(data.savedDocument, document);
    const trace = data.simulation
      ? {
          current: data.simulation.node,
          visited: data.simulation.visited,
          taken: data.simulation.takenOutcomes,
        }
      : null;
    const shown = decorate(data.graph, {
      problems,
      trace,
      counts: data.counts,
      badges: data.badges,
    });
    const selectedId = data.graph.nodes.find((node) => node.selected)?.id;
    return { document, problems, variables, sample, samples, dirty, shown, selectedId };
  };

  const initialData: EditorData = {
    base: draft.document,
    revision: draft.revision,
    savedDocument: draft.document,
    publishedVersion: draft.publishedVersion,
    publishedCount: 0,
    graph: toGraph(draft.document),
    past: [],
    future: [],
    panel: 'inspector',
    publishing: false,
    simulation: null,
    simulationTick: 0,
    overlayHours: undefined,
    counts: null,
    funnelOn: options.funnelOn ?? false,
    badges: null,
  };

  return createStore<EditorState>()((set, get) => {
    /** Applies a change to the data and derives again. */
    const update = (patch: (state: EditorState) => Partial<EditorData>) =>
      set((state) => {
        const next = { ...state, ...patch(state) };
        const derived = derive(next, state);
        // Picking a node shows its settings, whichever side panel was open.
        const panel =
          derived.selectedId && derived.selectedId !== state.selectedId ? 'inspector' : next.panel;
        return { ...next, ...derived, panel };
      });
    const commit = (next: (graph: JourneyGraph) => JourneyGraph) =>
      update((s) => ({
        past: [...s.past.slice(-HISTORY_LIMIT + 1), s.graph],
        future: [],
        graph: next(s.graph),
      }));
    const change = (next: (graph: JourneyGraph) => JourneyGraph) =>
      update((s) => ({ graph: next(s.graph) }));

    return {
      ...initialData,
      ...derive(initialData, undefined),
      change,
      commit,
      checkpoint: () =>
        set((s) => ({ past: [...s.past.slice(-HISTORY_LIMIT + 1), s.graph], future: [] })),
      undo: () =>
        update((s) => {
          const previous = s.past.at(-1);
          if (!previous) return {};
          return { graph: previous, past: s.past.slice(0, -1), future: [s.graph, ...s.future] };
        }),
      redo: () =>
        update((s) => {
          const [next, ...rest] = s.future;
          if (!next) return {};
          return { graph: next, future: rest, past: [...s.past, s.graph] };
        }),
      onNodesChange: (changes) => {
        const apply = (g: JourneyGraph) => ({ ...g, nodes: applyNodeChanges(changes, g.nodes) });
        if (changes.some((c) => c.type === 'remove')) commit(apply);
        else change(apply);
      },
      onEdgesChange: (changes) => {
        const apply = (g: JourneyGraph) => ({
          ...g,
          edges: applyEdgeChanges(changes, g.edges) as JourneyGraph['edges'],
        });
        if (changes.some((c) => c.type === 'remove')) commit(apply);
        else change(apply);
      },
      onConnect: (connection) =>
        commit((g) => ({
          ...g,
          // One edge per outcome: connecting a handle again replaces its edge.
          edges: addEdge(
            { ...connection, id: freshEdgeId(g), data: { problems: [] } },
            g.edges.filter(
              (e) =>
                !(e.source === connection.source && e.sourceHandle === connection.sourceHandle),
            ),
          ) as JourneyGraph['edges'],
        })),
      addNode: (type, position) => {
        const nodeType = getNodeType(type);
        if (!nodeType) return;
        commit((g) => ({
          ...g,
          nodes: [
            ...g.nodes.map(unselected),
            {
              id: freshNodeId(g, type),
              type: 'journey',
              position: freePosition(g.nodes, position),
              selected: true,
              data: {
                nodeType: type,
                config: structuredClone(nodeType.defaultConfig),
                problems: [],
              },
            },
          ],
        }));
      },
      setConfig: (id, config) => {
        // The form reports its data when it first shows a node too: only a real change is an
        // edit (and an undo step).
        const current = get().graph.nodes.find((n) => n.id === id)?.data.config;
        if (current && stableJson(current) === stableJson(config)) return;
        commit((g) => ({
          ...g,
          nodes: g.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, config } } : n)),
        }));
      },
      setLabel: (id, label) =>
        commit((g) => ({
          ...g,
          nodes: g.nodes.map((n) => {
            if (n.id !== id) return n;
            const { label: _old, ...data } = n.data;
            return { ...n, data: label === undefined ? data : { ...data, label } };
          }),
        })),
      focusNode: (id) => {
        change((g) => ({
          ...g,
          nodes: g.nodes.map((n) =>
            Boolean(n.selected) === (n.id === id) ? n : { ...n, selected: n.id === id },
          ),
        }));
        set({ panel: 'inspector' });
      },
      paste: (copied, edges = []) =>
        commit((g) => {
          const copies: JourneyFlowNode[] = [];
          const idOf = new Map<string, string>();
          const offset = pasteOffset(g.nodes, copied);
          for (const node of copied) {
            const id = freshNodeId({ ...g, nodes: [...g.nodes, ...copies] }, node.data.nodeType);
            idOf.set(node.id, id);
            copies.push({
              ...structuredClone(node),
              id,
              selected: true,
              position: { x: node.position.x + offset, y: node.position.y + offset },
            });
          }
          const links: JourneyFlowEdge[] = [];
          for (const edge of edges) {
            const source = idOf.get(edge.source);
            const target = idOf.get(edge.target);
            if (!source || !target) continue;
            const id = freshEdgeId({ ...g, edges: [...g.edges, ...links] });
            links.push({ ...structuredClone(edge), id, source, target, selected: false });
          }
          return {
            ...g,
            nodes: [...g.nodes.map(unselected), ...copies],
            edges: [...g.edges, ...links],
          };
        }),
      replaceJourney: (journey, keepName) =>
        update((s) => ({
          base: { ...journey, id: s.base.id, ...(keepName ? { name: s.base.name } : {}) },
          past: [...s.past.slice(-HISTORY_LIMIT + 1), s.graph],
          future: [],
          graph: toGraph(journey),
        })),
      saved: (revision, document) => update(() => ({ revision, savedDocument: document })),
      published: (version) =>
        set((s) => ({
          publishedVersion: version,
          publishedCount: s.publishedCount + 1,
          publishing: false,
        })),
      setPanel: (panel) => set({ panel }),
      setPublishing: (publishing) => set({ publishing }),
      setSimulation: (simulation) =>
        update((s) => ({ simulation, simulationTick: s.simulationTick + 1 })),
      setOverlayHours: (overlayHours) => set({ overlayHours }),
      setCounts: (counts) => update(() => ({ counts })),
      toggleFunnel: () => set((s) => ({ funnelOn: !s.funnelOn })),
      setBadges: (badges) => update(() => ({ badges })),
    };
  });
}

/** The node unselected, the same object when it already is. */
const unselected = (node: JourneyFlowNode): JourneyFlowNode =>
  node.selected ? { ...node, selected: false } : node;

function variablesOf(document: WorkflowDocument): Map<string, string[]> {
  try {
    return variablesByNode(document);
  } catch {
    return new Map<string, string[]>(); // a document too broken to analyse
  }
}
