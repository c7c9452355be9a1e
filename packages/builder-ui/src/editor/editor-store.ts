import { createContext, createElement, useContext, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { JsonObject, WorkflowDocument } from '@xiaoer/engine';
import type { FlowCounts } from '../api/api-client.ts';
import type { BrowserSimulation } from '../simulation/browser-simulation.ts';
import {
  documentKey,
  freshNodeId,
  stableJson,
  toGraph,
  type JourneyFlowNode,
  type JourneyGraph,
} from '../graph/journey-graph.ts';

/** Undo steps kept. */
const HISTORY_LIMIT = 100;

type GraphUpdate = (graph: JourneyGraph) => JourneyGraph;

/**
 * The editor's state for one draft: the document's fields outside the canvas (`base`), the
 * canvas graph with its undo and redo, what was saved, the clipboard, and the view state the
 * toolbar switches (overlays, the browser simulation). One store per open draft, like xyflow's
 * one store per provider; components read it through {@link useEditor} with a selector.
 */
export interface EditorState {
  base: WorkflowDocument;
  graph: JourneyGraph;
  past: JourneyGraph[];
  future: JourneyGraph[];
  /** The draft revision the next save is based on. */
  revision: number;
  /** `documentKey` of the document as last saved: unsaved changes differ from it. */
  savedKey: string;
  clipboard: JourneyFlowNode[];
  /** Counts publishes from this editor (the versions tab reloads on each). */
  publishedCount: number;
  simulation: BrowserSimulation | null;
  /** Bumped on every simulation change: the simulation object changes in place as it runs. */
  simulationTick: number;
  /** The live overlay's window in hours, or undefined when it is off. */
  overlayHours: number | undefined;
  counts: FlowCounts | null;
  funnelOn: boolean;

  /** Replaces the graph without an undo step (a node being dragged, a selection). */
  change(update: GraphUpdate): void;
  /** Records the graph as it is now as an undo step. */
  checkpoint(): void;
  /** Changes the graph as one undo step. */
  commit(update: GraphUpdate): void;
  undo(): void;
  redo(): void;
  /** Sets a node's configuration; the same configuration again is no edit (and no undo step). */
  setConfig(id: string, config: JsonObject): void;
  setLabel(id: string, label: string | undefined): void;
  copySelection(): void;
  /** Pastes the clipboard beside the originals, selected. */
  paste(): void;
  /** Replaces the whole journey with an imported one (one undo step); the id stays. */
  importJourney(journey: WorkflowDocument): void;
  saved(revision: number, key: string): void;
  published(): void;
  setSimulation(simulation: BrowserSimulation | null): void;
  setOverlayHours(hours: number | undefined): void;
  setCounts(counts: FlowCounts | null): void;
  toggleFunnel(): void;
}

/** A store for `draft`, its funnel overlay on when the page was opened with it. */
export function createEditorStore(
  draft: { document: WorkflowDocument; revision: number },
  funnelOn = false,
): StoreApi<EditorState> {
  return createStore<EditorState>()((set, get) => {
    const commit = (update: GraphUpdate) => {
      get().checkpoint();
      set((s) => ({ graph: update(s.graph) }));
    };
    return {
      base: draft.document,
      graph: toGraph(draft.document),
      past: [],
      future: [],
      revision: draft.revision,
      savedKey: documentKey(draft.document),
      clipboard: [],
      publishedCount: 0,
      simulation: null,
      simulationTick: 0,
      overlayHours: undefined,
      counts: null,
      funnelOn,

      change: (update) => set((s) => ({ graph: update(s.graph) })),
      checkpoint: () =>
        set((s) => ({ past: [...s.past.slice(-HISTORY_LIMIT + 1), s.graph], future: [] })),
      commit,
      undo: () =>
        set((s) => {
          const previous = s.past.at(-1);
          if (!previous) return {};
          return { graph: previous, past: s.past.slice(0, -1), future: [s.graph, ...s.future] };
        }),
      redo: () =>
        set((s) => {
          const [next, ...rest] = s.future;
          if (!next) return {};
          return { graph: next, future: rest, past: [...s.past, s.graph] };
        }),
      setConfig: (id, config) => {
        // The form reports its data when it first shows a node too: only a real change counts.
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
      copySelection: () => set((s) => ({ clipboard: s.graph.nodes.filter((n) => n.selected) })),
      paste: () => {
        const { clipboard } = get();
        commit((g) => {
          const copies: JourneyFlowNode[] = [];
          for (const node of clipboard) {
            const id = freshNodeId({ ...g, nodes: [...g.nodes, ...copies] }, node.data.nodeType);
            copies.push({
              ...structuredClone(node),
              id,
              selected: true,
              position: { x: node.position.x + 40, y: node.position.y + 40 },
            });
          }
          return { ...g, nodes: [...g.nodes.map((n) => ({ ...n, selected: false })), ...copies] };
        });
      },
      importJourney: (journey) => {
        set((s) => ({ base: { ...journey, id: s.base.id } }));
        commit(() => toGraph(journey));
      },
      saved: (revision, savedKey) => set({ revision, savedKey }),
      published: () => set((s) => ({ publishedCount: s.publishedCount + 1 })),
      setSimulation: (simulation) =>
        set((s) => ({ simulation, simulationTick: s.simulationTick + 1 })),
      setOverlayHours: (overlayHours) => set({ overlayHours }),
      setCounts: (counts) => set({ counts }),
      toggleFunnel: () => set((s) => ({ funnelOn: !s.funnelOn })),
    };
  });
}

const EditorStoreContext = createContext<StoreApi<EditorState> | null>(null);

/** Gives the editor below it a store of its own for `draft`. */
export function EditorStoreProvider({
  draft,
  funnelOn,
  children,
}: {
  draft: { document: WorkflowDocument; revision: number };
  funnelOn?: boolean;
  children: ReactNode;
}) {
  const [store] = useState(() => createEditorStore(draft, funnelOn));
  return createElement(EditorStoreContext.Provider, { value: store }, children);
}

/** Reads the editor's state through `selector` (re-renders when what it selects changes). */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor must be used inside an EditorStoreProvider');
  return useStore(store, selector);
}
