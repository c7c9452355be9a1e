import { getNodeType, type WorkflowDocument } from '@xiaoer/engine';
import type { Draft } from '../api/api-client.ts';

/** A two-node journey (trigger → end) for the editor's tests. */
export const journey: WorkflowDocument = {
  id: 'order-lifecycle',
  name: 'Order lifecycle',
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

/** {@link journey} as an unpublished draft at revision 1. */
export const draft: Draft = {
  id: journey.id,
  revision: 1,
  publishedVersion: 0,
  archived: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'admin',
  document: journey,
  problems: [],
};
