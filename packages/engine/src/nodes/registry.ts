import type { AnyNodeType } from './node-type.ts';
import { triggerNode } from './trigger/trigger.node.ts';
import { sendMessageNode } from './send-message/send-message.node.ts';
import { waitNode } from './wait/wait.node.ts';
import { waitForEventNode } from './wait-for-event/wait-for-event.node.ts';
import { conditionNode } from './condition/condition.node.ts';
import { callOrderSystemNode } from './call-order-system/call-order-system.node.ts';
import { askCustomerNode } from './ask-customer/ask-customer.node.ts';
import { setDataNode } from './set-data/set-data.node.ts';
import { emitEventNode } from './emit-event/emit-event.node.ts';
import { endNode } from './end/end.node.ts';
import { classifyIntentNode } from './classify-intent/classify-intent.node.ts';
import { answerFromKnowledgeBaseNode } from './answer-from-knowledge-base/answer-from-knowledge-base.node.ts';
import { handoffToAgentNode } from './handoff-to-agent/handoff-to-agent.node.ts';

/** One explicit list, in palette order: no filesystem scanning. */
const registered: unknown[] = [
  triggerNode,
  sendMessageNode,
  askCustomerNode,
  classifyIntentNode,
  answerFromKnowledgeBaseNode,
  handoffToAgentNode,
  waitNode,
  waitForEventNode,
  conditionNode,
  callOrderSystemNode,
  setDataNode,
  emitEventNode,
  endNode,
];

/** Every node type, in palette order. */
export const nodeTypes = registered as readonly AnyNodeType[];

const byType = new Map(nodeTypes.map((t) => [t.type, t]));

/** The node type registered under `type`, or undefined. */
export function getNodeType(type: string): AnyNodeType | undefined {
  return byType.get(type);
}
