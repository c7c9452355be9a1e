import { describe, expect, it } from 'vitest';
import { compileSchema } from '../json-schema-check.ts';
import { eventTypeScopeSchema, typeInScope } from './event-type-scope.ts';

describe('an event-type scope', () => {
  it('should let a source without a scope send every type', () => {
    expect(typeInScope(undefined, 'refund.requested')).toBe(true);
  });

  it('should take an exact type and the types under a prefix ending in .*', () => {
    const scope = ['order.*', 'shipment.delivered'];
    for (const type of ['order.paid', 'order.paid.partly', 'shipment.delivered'])
      expect(typeInScope(scope, type), type).toBe(true);
    for (const type of ['order', 'orders.paid', 'shipment.delivered.late', 'refund.requested'])
      expect(typeInScope(scope, type), type).toBe(false);
  });

  it('should hold types and prefixes only, each once', () => {
    const valid = compileSchema(eventTypeScopeSchema);
    expect(valid(['order.*', 'shipment.delivered', 'coupon_v2.issued'])).toBe(true);
    for (const bad of [[], ['*'], ['order*'], ['order.**'], ['order.*.paid'], ['.x'], ['a', 'a']])
      expect(valid(bad), JSON.stringify(bad)).toBe(false);
  });
});
