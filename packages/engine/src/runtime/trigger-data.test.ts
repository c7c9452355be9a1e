import { describe, expect, it } from 'vitest';
import { triggerDataProblems } from './trigger-data.ts';

/** A trigger's contract: a customer with a name, a numeric total. */
const schema = {
  type: 'object',
  required: ['orderId', 'customer'],
  properties: { customer: { type: 'object', required: ['name'] }, total: { type: 'number' } },
};

describe('triggerDataProblems', () => {
  it('should find nothing in data that fits the schema', () => {
    expect(triggerDataProblems(schema, { orderId: 'A1', customer: { name: '李雷' } })).toEqual([]);
  });

  it('should say where data breaks the schema and why, in Chinese and English', () => {
    const problems = triggerDataProblems(schema, { orderId: 'A1', customer: {}, total: 'lots' });
    expect(problems).toEqual([
      {
        pointer: '/data/customer/name',
        reason: 'missing required property "name"',
        text: { zh: '缺少必填属性 "name"', en: 'missing required property "name"' },
      },
      {
        pointer: '/data/total',
        reason: 'must be number',
        text: { zh: '应当是数字', en: 'must be number' },
      },
    ]);
  });
});
