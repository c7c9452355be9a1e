import { describe, expect, it } from 'vitest';
import { draft } from '../testing/sample-draft.ts';
import { copySelection } from '../graph/selection-copy.ts';
import { createEditorStore } from './editor-store.ts';

describe('the editor store', () => {
  it('should not rebuild the document, validate again or redraw nodes when the canvas only measures and selects', () => {
    const store = createEditorStore(draft);
    const before = store.getState();
    store
      .getState()
      .onNodesChange([{ type: 'dimensions', id: 'start', dimensions: { width: 180, height: 90 } }]);
    const measured = store.getState();
    expect(measured.document).toBe(before.document);
    expect(measured.problems).toBe(before.problems);
    expect(measured.shown.edges).toBe(before.shown.edges);
    expect(measured.shown.nodes.find((n) => n.id === 'done')).toBe(
      before.shown.nodes.find((n) => n.id === 'done'),
    );
    expect(measured.dirty).toBe(false);

    store.getState().onNodesChange([{ type: 'select', id: 'done', selected: true }]);
    expect(store.getState().document).toBe(before.document);
    expect(store.getState().selectedId).toBe('done');
  });

  it('should keep the problems while a node moves, and mark the move as unsaved until saved', () => {
    const store = createEditorStore(draft);
    const problems = store.getState().problems;
    const data = store.getState().shown.nodes[1]!.data;
    store.getState().onNodesChange([{ type: 'position', id: 'done', position: { x: 500, y: 40 } }]);
    const moved = store.getState();
    expect(moved.document.nodes[1]!.position).toEqual({ x: 500, y: 40 });
    expect(moved.problems).toBe(problems);
    expect(moved.dirty).toBe(true);
    // A moved node keeps its drawn data: its settings form does not draw again.
    expect(moved.shown.nodes[1]!.data).toBe(data);
    store.getState().saved(2, moved.document);
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().revision).toBe(2);
  });

  it('should undo and redo committed edits, and find the document unchanged after undoing all', () => {
    const store = createEditorStore(draft);
    store.getState().setLabel('done', 'Finished');
    expect(store.getState().document.nodes[1]!.label).toBe('Finished');
    expect(store.getState().dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().document.nodes[1]!.label).toBeUndefined();
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    expect(store.getState().document.nodes[1]!.label).toBe('Finished');
  });

  it('should take a config equal to the current one as no edit (no undo step, nothing unsaved)', () => {
    const store = createEditorStore(draft);
    store.getState().setConfig('done', { status: 'completed' });
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
    store.getState().setConfig('done', { status: 'cancelled' });
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().document.nodes[1]!.config).toEqual({ status: 'cancelled' });
  });

  it('should keep one edge per outcome: connecting a handle again replaces its edge', () => {
    const store = createEditorStore(draft);
    store.getState().addNode('end', { x: 300, y: 200 });
    const added = store.getState().document.nodes.at(-1)!;
    expect(store.getState().selectedId).toBe(added.id);
    store.getState().onConnect({
      source: 'start',
      sourceHandle: 'next',
      target: added.id,
      targetHandle: null,
    });
    const edges = store.getState().document.edges.filter((e) => e.source === 'start');
    expect(edges).toHaveLength(1);
    expect(edges[0]!.target).toBe(added.id);
    // `done` has no way in now: the engine says so and the node is drawn faulty.
    expect(store.getState().problems.some((p) => p.nodeId === 'done')).toBe(true);
    expect(store.getState().shown.nodes.find((n) => n.id === 'done')!.data.problems).not.toEqual(
      [],
    );
  });

  it('should show the settings when a node is picked, whichever panel was open', () => {
    const store = createEditorStore(draft);
    store.getState().setPanel('versions');
    store.getState().onNodesChange([{ type: 'select', id: 'start', selected: true }]);
    expect(store.getState().panel).toBe('inspector');
  });

  it('should put a node dropped on another just below it, so that neither hides the other', () => {
    const store = createEditorStore(draft);
    // 'done' sits at (300, 0); the canvas measured it 180 x 75.
    store
      .getState()
      .onNodesChange([{ type: 'dimensions', id: 'done', dimensions: { width: 180, height: 75 } }]);
    store.getState().addNode('wait', { x: 330, y: 20 });
    const wait = store.getState().graph.nodes.find((n) => n.data.nodeType === 'wait')!;
    expect(wait.position).toEqual({ x: 330, y: 95 });
    // Dropped on free canvas, a node stays where it was dropped.
    store.getState().addNode('end', { x: 900, y: 400 });
    expect(store.getState().graph.nodes.at(-1)!.position).toEqual({ x: 900, y: 400 });
  });

  it('should paste the same copy again beside the last paste, not on top of it', () => {
    const store = createEditorStore(draft);
    const done = store.getState().graph.nodes.find((n) => n.id === 'done')!;
    store.getState().paste([done]);
    store.getState().paste([done]);
    const positions = store
      .getState()
      .graph.nodes.filter((n) => n.data.nodeType === 'end')
      .map((n) => n.position);
    expect(positions).toEqual([
      { x: 300, y: 0 },
      { x: 340, y: 40 },
      { x: 380, y: 80 },
    ]);
  });

  it('should paste a copied chain with the connection inside it, and no connection to outside', () => {
    const store = createEditorStore(draft);
    store.getState().onNodesChange([
      { type: 'select', id: 'start', selected: true },
      { type: 'select', id: 'done', selected: true },
    ]);
    const copy = copySelection(store.getState().graph);
    expect(copy.edges.map((e) => e.id)).toEqual(['e1']);
    store.getState().paste(copy.nodes, copy.edges);
    const { nodes, edges } = store.getState().graph;
    const pasted = nodes.filter((n) => n.selected).map((n) => n.id);
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain('start');
    const link = edges.find((e) => e.id !== 'e1');
    expect(link).toMatchObject({ source: pasted[0], target: pasted[1], sourceHandle: 'next' });
    expect(edges).toHaveLength(2);

    // One node of the two copied alone: the edge to the other (not copied) stays behind.
    store
      .getState()
      .onNodesChange([
        ...nodes.map((n) => ({ type: 'select' as const, id: n.id, selected: n.id === 'done' })),
      ]);
    const lone = copySelection(store.getState().graph);
    expect(lone.edges).toEqual([]);
    store.getState().paste(lone.nodes, lone.edges);
    expect(store.getState().graph.edges).toHaveLength(2);
    // Undo takes the paste back whole.
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(['e1']);
  });
});
