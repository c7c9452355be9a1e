import { describe, expect, it } from 'vitest';
import type { RoutableWorkflow } from '../workflows/workflow-catalog.ts';
import { refusedTriggerData } from './trigger-data-check.ts';

const needsName = {
  type: 'object',
  properties: { orderId: { type: 'string' }, customer: { type: 'object', required: ['name'] } },
  required: ['orderId', 'customer'],
};
const needsTotal = { type: 'object', required: ['orderId', 'total'] };

function journey(id: string, event: string, data?: object, more: Partial<RoutableWorkflow> = {}) {
  return {
    workflowId: id,
    latestVersion: 1,
    trigger: { event, correlationKey: 'orderId', ...(data ? { data } : {}) },
    awaits: [],
    archived: false,
    ...more,
  } as RoutableWorkflow;
}

const lifecycle = journey('lifecycle', 'order.created', needsName, { awaits: ['order.paid'] });
const bad = { orderId: 'A1', customer: { phone: '1' } };

describe('refusedTriggerData', () => {
  it('should refuse data every journey starting on the type rejects, with pointers in zh and en', () => {
    expect(refusedTriggerData([lifecycle], 'order.created', bad)).toEqual([
      {
        pointer: '/data/customer/name',
        message: 'missing required property "name"',
        text: { zh: '缺少必填属性 "name"', en: 'missing required property "name"' },
      },
    ]);
  });

  it('should say the same problem of two journeys once, and each different one', () => {
    const twin = journey('twin', 'order.created', needsName);
    const other = journey('other', 'order.created', needsTotal);
    expect(
      refusedTriggerData([lifecycle, twin, other], 'order.created', bad)?.map((p) => p.pointer),
    ).toEqual(['/data/customer/name', '/data/total']);
  });

  it('should take data one of the triggers accepts, or a trigger without a schema', () => {
    const loose = journey('loose', 'order.created', needsTotal);
    expect(refusedTriggerData([lifecycle, loose], 'order.created', { ...bad, total: 1 })).toBe(
      null,
    );
    expect(
      refusedTriggerData([lifecycle, journey('any', 'order.created')], 'order.created', bad),
    ).toBe(null);
  });

  it('should take an event some node waits for, whatever its data (a waiting instance may)', () => {
    const waits = journey('refunds', 'order.refunded', needsTotal, { awaits: ['order.created'] });
    expect(refusedTriggerData([lifecycle, waits], 'order.created', bad)).toBe(null);
  });

  it('should take an event no journey starts on (recorded unmatched, as before)', () => {
    expect(refusedTriggerData([lifecycle], 'order.shipped', {})).toBe(null);
    expect(refusedTriggerData([], 'order.created', bad)).toBe(null);
  });

  it('should not count an archived journey as one the event would start', () => {
    const archived = { ...lifecycle, archived: true };
    expect(refusedTriggerData([archived], 'order.created', bad)).toBe(null);
    const live = journey('live', 'order.created', needsTotal);
    expect(
      refusedTriggerData([archived, live], 'order.created', bad)?.map((p) => p.pointer),
    ).toEqual(['/data/total']);
  });
});
