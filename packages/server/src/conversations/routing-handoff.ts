import type { HandoffEnding, Router } from '../routing/router.ts';
import { RoutingError } from '../routing/routing-error.ts';
import type { OrderSystemConnector } from '../connectors/connector.types.ts';
import { currentOrder } from './current-order.ts';
import type { DeskHandoff, HandoffPort } from './service-desk.ts';

/**
 * Hands conversations to the routing queues with everything an agent needs: the transcript,
 * the recognised intents, the order as the order system has it now, and the journey and node
 * that handed over. The customer is told where they stand.
 */
export class RoutingHandoff implements HandoffPort {
  readonly #router: Router;
  readonly #orders: OrderSystemConnector;

  constructor(router: Router, orders: OrderSystemConnector) {
    this.#router = router;
    this.#orders = orders;
  }

  /** Ends the handoff of a closed conversation; one that ended already is left as it ended. */
  async end(handoffId: string, ending: HandoffEnding): Promise<boolean> {
    try {
      await this.#router.abandon(handoffId, ending);
      return true;
    } catch (error) {
      if (error instanceof RoutingError && error.code === 'not-open') return false;
      throw error;
    }
  }

  async handOff(request: DeskHandoff) {
    const { conversation } = request;
    // The order and the skill groups (one read) together.
    const [order, groups] = await Promise.all([
      conversation.orderId ? currentOrder(this.#orders, conversation.orderId) : undefined,
      request.group ? [] : this.#router.directory.skillGroups(),
    ]);
    const serving = (intent: string) => groups.find((g) => g.intents.includes(intent))?._id;
    // The group a journey chose, else the one serving the intent, else the one for "a person".
    const group = request.group ?? serving(request.intent) ?? serving('human');
    if (!group) return null;
    const result = await this.#router.enqueue({
      id: `${conversation._id}:${conversation.lastSeq}`,
      conversationId: conversation._id,
      customer: conversation.customer,
      intent: request.intent,
      group,
      ...(request.priority ? { priority: request.priority } : {}),
      context: {
        reason: request.reason,
        transcript: request.transcript.map(({ seq, from, text, at }) => ({ seq, from, text, at })),
        intents: conversation.intents,
        ...(conversation.orderId ? { orderId: conversation.orderId } : {}),
        ...(order ? { order } : {}),
        ...(request.journey ? { journey: request.journey } : {}),
      },
    });
    const text = result.assigned
      ? { zh: '正在为您转接人工客服，请稍候。', en: 'Connecting you to an agent now.' }
      : result.position.text;
    return {
      handoffId: result.handoff._id,
      text,
      ...(result.assigned ? { agentId: result.agentId } : {}),
    };
  }
}
