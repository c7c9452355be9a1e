import { describe, expect, it } from 'vitest';
import { parseConfig } from '@xiaoer/server';
import { erpMapping } from './platform-fixtures.ts';

const source = { id: 'my-erp', kind: 'mapped', secret: 'erp-secret-0123456789' };
const problemsOf = (config: unknown): string => {
  try {
    parseConfig(config, 'config.json');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a mapped source in the configuration', () => {
  it('should be accepted with a mapping and checked at start', () => {
    expect(problemsOf({ sources: [{ ...source, mapping: erpMapping }] })).toBe('');
    expect(problemsOf({ sources: [source] })).toContain('missing required property "mapping"');
    const badPointer = { ...erpMapping, data: { orderId: 'order.code' } };
    expect(problemsOf({ sources: [{ ...source, mapping: badPointer }] })).toContain(
      '/sources/0/mapping/data/orderId',
    );
    const badEvent = { ...erpMapping, type: { pointer: '/event', values: { X: 'Not An Event' } } };
    expect(problemsOf({ sources: [{ ...source, mapping: badEvent }] })).toContain(
      '/sources/0/mapping/type/values/X',
    );
    expect(problemsOf({ sources: [{ ...source, kind: 'shopify', mapping: erpMapping }] })).not.toBe(
      '',
    );
  });

  it('should require a Taobao source to name its app and shop, and no other source to', () => {
    const taobao = { id: 'my-tmall', kind: 'taobao', secret: 'taobao-app-secret-0123' };
    const tmc = { appKey: '12499723', session: 'shop-session' };
    expect(problemsOf({ sources: [{ ...taobao, taobao: tmc }] })).toBe('');
    expect(problemsOf({ sources: [taobao] })).toContain('missing required property "taobao"');
    expect(problemsOf({ sources: [{ ...source, mapping: erpMapping, taobao: tmc }] })).not.toBe('');
  });
});
