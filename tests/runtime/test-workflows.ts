import type { WorkflowDocument } from '@xiaoer/engine';

const at = (x: number) => ({ x, y: 0 });

/** Counts `counter.bump` events forever: every event is exactly one step that adds 1. */
export const counterWorkflow: WorkflowDocument = {
  id: 'counter',
  name: '计数器 / Counter',
  version: 1,
  nodes: [
    {
      id: 'opened',
      type: 'trigger',
      position: at(0),
      config: {
        event: 'counter.opened',
        correlationKey: 'counterId',
        data: {
          type: 'object',
          properties: { counterId: { type: 'string' }, count: { type: 'number' } },
          required: ['counterId', 'count'],
        },
      },
    },
    { id: 'waitBump', type: 'waitForEvent', position: at(200), config: { event: 'counter.bump' } },
    {
      id: 'add',
      type: 'setData',
      position: at(400),
      config: { assignments: [{ variable: 'count', value: { '+': [{ var: 'count' }, 1] } }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'opened', sourceHandle: 'next', target: 'waitBump' },
    { id: 'e2', source: 'waitBump', sourceHandle: 'received', target: 'add' },
    { id: 'e3', source: 'add', sourceHandle: 'next', target: 'waitBump' },
  ],
};

/** A trigger node `started` on `event`, correlated by `orderId`, with a phone to message. */
function phoneTrigger(event: string): WorkflowDocument['nodes'][number] {
  return {
    id: 'started',
    type: 'trigger',
    position: at(0),
    config: {
      event,
      correlationKey: 'orderId',
      data: {
        type: 'object',
        properties: { orderId: { type: 'string' }, phone: { type: 'string' } },
        required: ['orderId', 'phone'],
      },
    },
  };
}

/** Waits `delay`, tells the customer, ends: the smallest journey with a timer and a message. */
export function pingWorkflow(delay: string, id = 'ping'): WorkflowDocument {
  return {
    id,
    name: '定时提醒 / Timed reminder',
    version: 1,
    nodes: [
      phoneTrigger(`${id}.started`),
      { id: 'pause', type: 'wait', position: at(200), config: { duration: delay } },
      {
        id: 'remind',
        type: 'sendMessage',
        position: at(400),
        config: {
          channel: 'sms',
          to: '{{phone}}',
          message: { zh: '订单 {{orderId}} 提醒', en: 'Reminder for order {{orderId}}' },
        },
      },
      { id: 'done', type: 'end', position: at(600), config: { status: 'completed' } },
      { id: 'failed', type: 'end', position: at(600), config: { status: 'failed' } },
    ],
    edges: [
      { id: 'e1', source: 'started', sourceHandle: 'next', target: 'pause' },
      { id: 'e2', source: 'pause', sourceHandle: 'next', target: 'remind' },
      { id: 'e3', source: 'remind', sourceHandle: 'sent', target: 'done' },
      { id: 'e4', source: 'remind', sourceHandle: 'failed', target: 'failed' },
    ],
  };
}

/** The ping journey with its message sent on `channel` instead of `sms`. */
export function pingOnChannel(delay: string, id: string, channel: string): WorkflowDocument {
  const ping = pingWorkflow(delay, id);
  return {
    ...ping,
    nodes: ping.nodes.map((node) =>
      node.id === 'remind' ? { ...node, config: { ...node.config, channel } } : node,
    ),
  };
}

/** The ping journey with its message sent on the working default channel (email), not `sms`. */
export function pingOnEmail(delay: string, id: string): WorkflowDocument {
  return pingOnChannel(delay, id, 'email');
}

/**
 * Waits up to `timeout` for `guard.answered`; on time it ends `completed`, else it tells the
 * customer and ends `expired`. Answering cancels the timer.
 */
export const guardWorkflow: WorkflowDocument = {
  id: 'guard',
  name: '限时等待 / Guarded wait',
  version: 1,
  nodes: [
    phoneTrigger('guard.started'),
    {
      id: 'waitAnswer',
      type: 'waitForEvent',
      position: at(200),
      config: { event: 'guard.answered', timeout: '2s' },
    },
    { id: 'answered', type: 'end', position: at(400), config: { status: 'completed' } },
    {
      id: 'remind',
      type: 'sendMessage',
      position: at(400),
      config: {
        channel: 'sms',
        to: '{{phone}}',
        message: { zh: '订单 {{orderId}} 已过期', en: 'Order {{orderId}} expired' },
      },
    },
    { id: 'expired', type: 'end', position: at(600), config: { status: 'failed' } },
  ],
  edges: [
    { id: 'e1', source: 'started', sourceHandle: 'next', target: 'waitAnswer' },
    { id: 'e2', source: 'waitAnswer', sourceHandle: 'received', target: 'answered' },
    { id: 'e3', source: 'waitAnswer', sourceHandle: 'timeout', target: 'remind' },
    { id: 'e4', source: 'remind', sourceHandle: 'sent', target: 'expired' },
    { id: 'e5', source: 'remind', sourceHandle: 'failed', target: 'expired' },
  ],
};

/** Refunds with a fast retry policy: 3 attempts, 300 ms then 600 ms apart. */
export const quickRefundWorkflow: WorkflowDocument = {
  id: 'quick-refund',
  name: '快速退款 / Quick refund',
  version: 1,
  nodes: [
    {
      id: 'requested',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: 'quickRefund.requested',
        correlationKey: 'orderId',
        data: {
          type: 'object',
          properties: { orderId: { type: 'string' }, amount: { type: 'number' } },
          required: ['orderId', 'amount'],
        },
      },
    },
    {
      id: 'refund',
      type: 'callOrderSystem',
      position: { x: 200, y: 0 },
      config: {
        operation: 'refund',
        args: { orderId: '{{orderId}}', amount: '{{amount}}' },
        errorAs: 'refundError',
        retry: { maxAttempts: 3, delay: '300ms', factor: 2 },
      },
    },
    { id: 'refunded', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
    { id: 'failed', type: 'end', position: { x: 400, y: 100 }, config: { status: 'failed' } },
  ],
  edges: [
    { id: 'e1', source: 'requested', sourceHandle: 'next', target: 'refund' },
    { id: 'e2', source: 'refund', sourceHandle: 'succeeded', target: 'refunded' },
    { id: 'e3', source: 'refund', sourceHandle: 'failed', target: 'failed' },
  ],
};
