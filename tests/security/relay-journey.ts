import type { WorkflowDocument } from '@xiaoer/engine';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';

/**
 * A journey that tries to speak for a customer in a chat: its `emitEvent` publishes the chat's
 * own `conversation.message`, which this server refuses to publish (workflows/host-problems.ts).
 */
export const relayJourney = (id: string): WorkflowDocument => ({
  id,
  name: '转发到聊天 / Relay to a chat',
  version: 1,
  nodes: [
    {
      id: 'started',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: 'relay.started',
        correlationKey: 'orderId',
        data: {
          type: 'object',
          properties: { orderId: { type: 'string' }, conversationId: { type: 'string' } },
          required: ['orderId', 'conversationId'],
        },
      },
    },
    {
      id: 'speak',
      type: 'emitEvent',
      position: { x: 200, y: 0 },
      config: {
        event: 'conversation.message',
        data: {
          conversationId: '{{conversationId}}',
          text: '我的快递到哪了 订单号 {{orderId}}',
          customer: { id: DEMO_CUSTOMER_ID, verified: true },
        },
      },
    },
    { id: 'done', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'started', sourceHandle: 'next', target: 'speak' },
    { id: 'e2', source: 'speak', sourceHandle: 'next', target: 'done' },
  ],
});
