import type { WorkflowDocument } from '@xiaoer/engine';

const at = (x: number) => ({ x, y: 0 });

/**
 * The benchmark journey: each `bench.ping` for a session is one step that sends one message
 * through the real channel (the demo shop's message sink), then waits for the next ping.
 */
export const echoWorkflow: WorkflowDocument = {
  id: 'bench-echo',
  name: '基准回声 / Benchmark echo',
  version: 1,
  nodes: [
    {
      id: 'opened',
      type: 'trigger',
      position: at(0),
      config: {
        event: 'bench.opened',
        correlationKey: 'sessionId',
        data: {
          type: 'object',
          properties: { sessionId: { type: 'string' }, phone: { type: 'string' } },
          required: ['sessionId', 'phone'],
        },
      },
    },
    {
      id: 'waitPing',
      type: 'waitForEvent',
      position: at(200),
      config: { event: 'bench.ping', saveAs: 'ping' },
    },
    {
      id: 'answer',
      type: 'sendMessage',
      position: at(400),
      config: {
        channel: 'sms',
        to: '{{phone}}',
        message: { zh: '回声 {{ping.n}}', en: 'Echo {{ping.n}}' },
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'opened', sourceHandle: 'next', target: 'waitPing' },
    { id: 'e2', source: 'waitPing', sourceHandle: 'received', target: 'answer' },
    { id: 'e3', source: 'answer', sourceHandle: 'sent', target: 'waitPing' },
    { id: 'e4', source: 'answer', sourceHandle: 'failed', target: 'waitPing' },
  ],
};
