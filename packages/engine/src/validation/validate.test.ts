import { describe, expect, it } from 'vitest';
import { validate } from './validate.ts';
import { problemMessages } from './problem-messages.ts';
import { endNode, orderTrigger, workflowOf } from '../testing/fixtures/workflow-builder.ts';
import smallJourney from '../testing/fixtures/small-journey.json' with { type: 'json' };

const codes = (input: unknown) => validate(input).problems.map((p) => p.code);
const send = (text: string) => ({
  channel: 'sms',
  to: '{{customer.phone}}',
  message: { zh: text },
});

describe('validate', () => {
  it('should accept a valid journey', () => {
    expect(validate(smallJourney)).toEqual({ valid: true, problems: [] });
  });

  it('should report malformed JSON text with the parser reason', () => {
    const [p] = validate('{"id": "x",').problems;
    expect(p?.code).toBe('json.invalid');
    expect(p?.message.en).toMatch(/^Not valid JSON: /);
    expect(p?.message.zh).toMatch(/^不是合法的 JSON/);
  });

  it('should point at a missing top-level field', () => {
    const { problems } = validate({ id: 'x', name: 'x', version: 1, nodes: [] });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'schema.violation', pointer: '/edges' }),
    ]);
  });

  it('should explain schema violations in Chinese as well as English', () => {
    const { problems } = validate({ ...smallJourney, id: 'has space' });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'schema.violation',
        pointer: '/id',
        message: {
          zh: expect.stringMatching(/^不符合工作流格式：应当匹配模式/),
          en: expect.stringMatching(/^Does not match the workflow schema: must match pattern/),
        },
      }),
    ]);
    const missing = validate({ id: 'x', name: 'x', version: 1, nodes: [] }).problems[0];
    expect(missing?.message.zh).toBe('不符合工作流格式：缺少必填属性 "edges"');
  });

  it('should point at an unknown node type', () => {
    const doc = workflowOf([orderTrigger(), ['x', 'teleport', {}]], [['start', 'next', 'x']]);
    expect(validate(doc).problems).toContainEqual(
      expect.objectContaining({ code: 'node.unknownType', pointer: '/nodes/1/type', nodeId: 'x' }),
    );
  });

  it('should point into the config field that breaks the node type schema', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        ['msg', 'sendMessage', { channel: 'pigeon', to: 'x', message: { zh: 'hi' } }],
        endNode(),
      ],
      [
        ['start', 'next', 'msg'],
        ['msg', 'sent', 'done'],
        ['msg', 'failed', 'done'],
      ],
    );
    expect(validate(doc).problems).toEqual([
      expect.objectContaining({
        code: 'config.invalid',
        pointer: '/nodes/1/config/channel',
        nodeId: 'msg',
      }),
    ]);
  });

  it('should report edges to and from missing nodes and unknown outcomes', () => {
    const doc = workflowOf(
      [orderTrigger(), endNode()],
      [
        ['start', 'next', 'done'],
        ['ghost', 'next', 'done'],
        ['start', 'next', 'nowhere'],
        ['start', 'later', 'done'],
      ],
    );
    const problems = validate(doc).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'edge.danglingSource', pointer: '/edges/1/source' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'edge.danglingTarget', pointer: '/edges/2/target' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'edge.unknownOutcome', pointer: '/edges/3/sourceHandle' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'outcome.multipleEdges', nodeId: 'start' }),
    );
  });

  it('should report an outcome handle that leads nowhere', () => {
    const doc = workflowOf(
      [orderTrigger(), ['msg', 'sendMessage', send('hi')], endNode()],
      [
        ['start', 'next', 'msg'],
        ['msg', 'sent', 'done'],
      ],
    );
    expect(validate(doc).problems).toEqual([
      expect.objectContaining({ code: 'outcome.unconnected', pointer: '/nodes/1', nodeId: 'msg' }),
    ]);
    expect(validate(doc).problems[0]?.message.en).toContain('"failed"');
  });

  it('should require exactly one trigger', () => {
    expect(codes(workflowOf([endNode()], []))).toContain('trigger.missing');
    const two = workflowOf(
      [
        orderTrigger(),
        ['start2', 'trigger', { event: 'order.paid', correlationKey: 'orderId' }],
        endNode(),
      ],
      [
        ['start', 'next', 'done'],
        ['start2', 'next', 'done'],
      ],
    );
    expect(validate(two).problems).toContainEqual(
      expect.objectContaining({ code: 'trigger.multiple', pointer: '/nodes/1' }),
    );
  });

  it('should report nodes the trigger cannot reach', () => {
    const doc = workflowOf(
      [orderTrigger(), endNode(), endNode('orphan')],
      [['start', 'next', 'done']],
    );
    expect(validate(doc).problems).toEqual([
      expect.objectContaining({ code: 'node.unreachable', nodeId: 'orphan' }),
    ]);
  });

  it('should reject a loop that never waits', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        ['count', 'setData', { assignments: [{ variable: 'n', value: 1 }] }],
        ['again', 'condition', { branches: [{ id: 'more', when: { '<': [{ var: 'n' }, 3] } }] }],
        endNode(),
      ],
      [
        ['start', 'next', 'count'],
        ['count', 'next', 'again'],
        ['again', 'more', 'count'],
        ['again', 'else', 'done'],
      ],
    );
    expect(validate(doc).problems).toEqual([
      expect.objectContaining({ code: 'loop.noWait', nodeId: 'count', pointer: '/nodes/1' }),
    ]);
  });

  it('should accept a loop that passes a wait', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        ['pause', 'wait', { duration: '1h' }],
        [
          'again',
          'condition',
          { branches: [{ id: 'more', when: { '<': [{ var: 'total' }, 3] } }] },
        ],
        endNode(),
      ],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'again'],
        ['again', 'more', 'pause'],
        ['again', 'else', 'done'],
      ],
    );
    expect(validate(doc).valid).toBe(true);
  });

  it('should report unknown variables in templates and conditions with their field', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        ['msg', 'sendMessage', send('您好 {{customr.name}}')],
        ['big', 'condition', { branches: [{ id: 'yes', when: { '>': [{ var: 'amount' }, 1] } }] }],
        endNode(),
      ],
      [
        ['start', 'next', 'msg'],
        ['msg', 'sent', 'big'],
        ['msg', 'failed', 'done'],
        ['big', 'yes', 'done'],
        ['big', 'else', 'done'],
      ],
    );
    const problems = validate(doc).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'variable.unknown',
        pointer: '/nodes/1/config/message/zh',
        nodeId: 'msg',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'variable.unknown',
        pointer: '/nodes/2/config/branches/0/when',
        nodeId: 'big',
      }),
    );
    expect(problems[0]?.message.en).toContain('available here: customer, orderId, total');
  });

  it('should not let a node read a variable only a later node writes', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        ['msg', 'sendMessage', send('{{order.status}}')],
        ['get', 'callOrderSystem', { operation: 'getOrder', saveAs: 'order' }],
        ['after', 'sendMessage', send('{{order.status}}')],
        endNode(),
      ],
      [
        ['start', 'next', 'msg'],
        ['msg', 'sent', 'get'],
        ['msg', 'failed', 'done'],
        ['get', 'succeeded', 'after'],
        ['get', 'failed', 'done'],
        ['after', 'sent', 'done'],
        ['after', 'failed', 'done'],
      ],
    );
    expect(validate(doc).problems.map((p) => [p.code, p.nodeId])).toEqual([
      ['variable.unknown', 'msg'],
    ]);
  });

  it('should reject trigger data keys the store cannot keep', () => {
    const doc = workflowOf(
      [
        orderTrigger({
          data: { type: 'object', properties: { 'a.b': { type: 'string' }, $where: {} } },
        }),
        endNode(),
      ],
      [['start', 'next', 'done']],
    );
    expect(codes(doc).filter((c) => c === 'variable.unstorable')).toHaveLength(2);
  });

  it('should report bad durations, time zones, templates and condition operators', () => {
    const doc = workflowOf(
      [
        orderTrigger(),
        [
          'pause',
          'wait',
          { duration: 'soon', allowedHours: { from: '09:00', to: '21:00', timeZone: 'Mars/Base' } },
        ],
        ['msg', 'sendMessage', send('{{#open}} unclosed')],
        ['big', 'condition', { branches: [{ id: 'yes', when: { teleport: [1] } }] }],
        endNode(),
      ],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'msg'],
        ['msg', 'sent', 'big'],
        ['msg', 'failed', 'done'],
        ['big', 'yes', 'done'],
        ['big', 'else', 'done'],
      ],
    );
    const problems = validate(doc).problems;
    expect(problems.map((p) => [p.code, p.pointer])).toEqual(
      expect.arrayContaining([
        ['duration.invalid', '/nodes/1/config/duration'],
        ['timezone.invalid', '/nodes/1/config/allowedHours/timeZone'],
        ['template.invalid', '/nodes/2/config/message/zh'],
        ['condition.invalid', '/nodes/3/config/branches/0/when'],
      ]),
    );
  });

  it('should return every problem at once, each in Chinese and English', () => {
    const doc = workflowOf(
      [orderTrigger(), ['x', 'teleport', {}], endNode('orphan')],
      [['start', 'next', 'x']],
    );
    const { valid, problems } = validate(doc);
    expect(valid).toBe(false);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    for (const p of problems) {
      expect(p.message.zh.length).toBeGreaterThan(0);
      expect(p.message.en.length).toBeGreaterThan(0);
    }
  });

  it('should have a message for every problem code', () => {
    for (const render of Object.values(problemMessages)) {
      const text = (render as (p: Record<string, unknown>) => { zh: string; en: string })({
        reason: 'r',
        nodeId: 'n',
        edgeId: 'e',
        type: 't',
        handle: 'h',
        outcomes: [],
        outcome: 'o',
        count: 2,
        nodeIds: ['a'],
        variable: 'v',
        known: [],
        name: 'k',
        value: 'x',
        option: 'p',
      });
      expect(text.zh).not.toBe(text.en);
    }
  });
});

describe('validate: trigger', () => {
  it('should require the correlation key to be declared event data', () => {
    const doc = workflowOf(
      [orderTrigger({ correlationKey: 'orderNo' }), endNode()],
      [['start', 'next', 'done']],
    );
    expect(validate(doc).problems).toEqual([
      expect.objectContaining({
        code: 'variable.unknown',
        pointer: '/nodes/0/config/correlationKey',
      }),
    ]);
  });

  it('should report an event data schema ajv cannot compile', () => {
    const doc = workflowOf(
      [
        orderTrigger({ data: { type: 'object', properties: { orderId: { type: 'strang' } } } }),
        endNode(),
      ],
      [['start', 'next', 'done']],
    );
    expect(validate(doc).problems).toContainEqual(
      expect.objectContaining({ code: 'dataSchema.invalid', pointer: '/nodes/0/config/data' }),
    );
  });
});
