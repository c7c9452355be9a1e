import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { fieldChanges, shortValue } from './field-changes.ts';

const lifecycle = async () =>
  JSON.parse(
    await readFile(new URL('../../../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;

describe("the publish dialog's change list", () => {
  it('should list nothing between a version and itself, a move included', async () => {
    const v1 = await lifecycle();
    const moved = structuredClone(v1);
    moved.nodes[0]!.position = { x: 999, y: 999 };
    expect(fieldChanges(v1, moved)).toEqual([]);
  });

  it('should name each changed field inside a node, with its old and new value', async () => {
    const v1 = await lifecycle();
    const v2 = structuredClone(v1);
    const confirm = v2.nodes.find((n) => n.id === 'confirmOrder')!;
    (confirm.config['message'] as { zh: string }).zh = '新的确认短信';
    confirm.config['channel'] = 'wechat';
    confirm.label = '确认';
    expect(fieldChanges(v1, v2)).toEqual([
      expect.objectContaining({ kind: 'field', nodeId: 'confirmOrder', field: 'label' }),
      {
        kind: 'field',
        nodeId: 'confirmOrder',
        field: 'config.channel',
        before: 'sms',
        after: 'wechat',
      },
      expect.objectContaining({
        kind: 'field',
        field: 'config.message.zh',
        after: '新的确认短信',
      }),
    ]);
  });

  it('should list added and removed nodes and connections, and a new name', async () => {
    const v1 = await lifecycle();
    const v2 = structuredClone(v1);
    v2.name = 'Renamed';
    const gone = v2.nodes.findIndex((n) => n.id === 'confirmOrder');
    v2.nodes.splice(gone, 1);
    v2.edges = v2.edges.filter((e) => e.source !== 'confirmOrder' && e.target !== 'confirmOrder');
    v2.nodes.push({ id: 'extra', type: 'end', position: { x: 0, y: 0 }, config: {} });
    const changes = fieldChanges(v1, v2);
    expect(changes.slice(0, 3)).toEqual([
      { kind: 'name', before: v1.name, after: 'Renamed' },
      { kind: 'node-added', nodeId: 'extra', nodeType: 'end' },
      { kind: 'node-removed', nodeId: 'confirmOrder', nodeType: 'sendMessage' },
    ]);
    expect(changes.filter((c) => c.kind === 'edge-removed')).toContainEqual({
      kind: 'edge-removed',
      edge: 'checkPayment/else→confirmOrder',
      source: 'checkPayment',
      handle: 'else',
      target: 'confirmOrder',
    });
  });

  it('should list every node as added on a first publication', async () => {
    const v1 = await lifecycle();
    const changes = fieldChanges(undefined, v1);
    expect(changes.filter((c) => c.kind === 'node-added')).toHaveLength(v1.nodes.length);
    expect(changes.filter((c) => c.kind === 'edge-added')).toHaveLength(v1.edges.length);
  });

  it('should shorten long values to one line', () => {
    expect(shortValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortValue(undefined)).toBe('—');
    expect(shortValue({ a: 1 })).toBe('{"a":1}');
  });
});
