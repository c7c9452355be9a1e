import { describe, expect, it } from 'vitest';
import { getNodeType, type WorkflowDocument } from '@xiaoer/engine';
import { toDocument } from '../graph/journey-graph.ts';
import { createEditorStore } from './editor-store.ts';

const journey: WorkflowDocument = {
  id: 'store-test',
  name: 'Store test',
  version: 1,
  nodes: [
    {
      id: 'start',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: getNodeType('trigger')!.defaultConfig,
    },
    { id: 'done', type: 'end', position: { x: 300, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
};

const storeOf = () => createEditorStore({ document: journey, revision: 3 });
const configOf = (store: ReturnType<typeof storeOf>, id: string) =>
  store.getState().graph.nodes.find((n) => n.id === id)?.data.config;

describe('the editor store', () => {
  it('should undo and redo a committed change, and forget the redo after a new one', () => {
    const store = storeOf();
    store.getState().setConfig('done', { status: 'failed' });
    expect(configOf(store, 'done')).toEqual({ status: 'failed' });
    store.getState().undo();
    expect(configOf(store, 'done')).toEqual({ status: 'completed' });
    store.getState().redo();
    expect(configOf(store, 'done')).toEqual({ status: 'failed' });
    store.getState().undo();
    store.getState().setLabel('done', 'Finished');
    store.getState().redo();
    expect(configOf(store, 'done')).toEqual({ status: 'completed' });
  });

  it('should take the same configuration again as no edit and no undo step', () => {
    const store = storeOf();
    store.getState().setConfig('done', { status: 'completed' });
    expect(store.getState().past).toHaveLength(0);
  });

  it('should paste copies of the selected nodes beside them, selected, under fresh ids', () => {
    const store = storeOf();
    store.getState().change((g) => ({
      ...g,
      nodes: g.nodes.map((n) => ({ ...n, selected: n.id === 'done' })),
    }));
    store.getState().copySelection();
    store.getState().paste();
    const nodes = store.getState().graph.nodes;
    const copy = nodes.find((n) => n.selected);
    expect(nodes).toHaveLength(3);
    expect(copy?.id).not.toBe('done');
    expect(copy?.position).toEqual({ x: 340, y: 40 });
  });

  it('should import a journey under the draft id, as one undo step', () => {
    const store = storeOf();
    store.getState().importJourney({ ...journey, id: 'other', name: 'Imported' });
    const { base, graph } = store.getState();
    expect(toDocument(base, graph)).toMatchObject({ id: 'store-test', name: 'Imported' });
    store.getState().undo();
    expect(store.getState().past).toHaveLength(0);
  });

  it('should know what was saved, and count publishes and simulation changes', () => {
    const store = storeOf();
    expect(store.getState().revision).toBe(3);
    store.getState().saved(4, 'key');
    store.getState().published();
    store.getState().setSimulation(null);
    expect(store.getState()).toMatchObject({
      revision: 4,
      savedKey: 'key',
      publishedCount: 1,
      simulationTick: 1,
    });
  });
});
