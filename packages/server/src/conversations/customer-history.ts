import type { JsonObject } from '@xiaoer/engine';
import type { ConversationModels } from '../model/models.ts';
import type { ConversationRecord } from '../model/conversation.model.ts';
import type { OrderSystemConnector } from '../connectors/connector.types.ts';
import type { ConversationStore } from './conversation-store.ts';
import { currentOrder } from './current-order.ts';
import { ownsOrder } from './order-owner.ts';

/** How many earlier conversations and orders the desk shows beside a conversation. */
const MAX_CONVERSATIONS = 10;
const MAX_ORDERS = 5;
/** Messages read from the start of an earlier conversation to find its first question. */
const OPENING_MESSAGES = 6;

export interface PastConversation {
  id: string;
  createdAt: Date;
  closedAt?: Date;
  status: ConversationRecord['status'];
  channel?: string;
  orderId?: string;
  intents: string[];
  /** The customer's first line: what they came for. */
  firstQuestion?: string;
  messages: number;
}

export interface CustomerOrder {
  orderId: string;
  status?: string;
  total?: number;
  currency?: string;
  createdAt?: string;
  trackingNumber?: string;
}

export interface CustomerHistoryView {
  /** False for a customer the shop did not sign: their id is only a claim, so nothing is shown. */
  verified: boolean;
  conversations: PastConversation[];
  orders: CustomerOrder[];
}

const stringField = (order: JsonObject, key: string) =>
  typeof order[key] === 'string' ? { [key]: order[key] } : {};

function orderView(orderId: string, order: JsonObject): CustomerOrder {
  return {
    orderId,
    ...stringField(order, 'status'),
    ...(typeof order['total'] === 'number' ? { total: order['total'] } : {}),
    ...stringField(order, 'currency'),
    ...stringField(order, 'createdAt'),
    ...stringField(order, 'trackingNumber'),
  };
}

/**
 * What the desk shows beside a conversation: the same customer's earlier conversations and
 * their orders. Only for a customer the shop signed (an anonymous id is anyone's claim), and
 * only orders the order system says are this customer's; never another customer's data.
 */
export class CustomerHistory {
  readonly #models: ConversationModels;
  readonly #store: ConversationStore;
  readonly #orders: OrderSystemConnector;

  constructor(models: ConversationModels, store: ConversationStore, orders: OrderSystemConnector) {
    this.#models = models;
    this.#store = store;
    this.#orders = orders;
  }

  async of(conversation: ConversationRecord): Promise<CustomerHistoryView> {
    const customer = conversation.customer;
    if (!customer.verified) return { verified: false, conversations: [], orders: [] };
    const earlier = await this.#models.Conversations.find({
      'customer.id': customer.id,
      'customer.verified': true,
      _id: { $ne: conversation._id },
    })
      .sort({ createdAt: -1 })
      .limit(MAX_CONVERSATIONS)
      .select({ tokenHash: 0 })
      .lean<ConversationRecord[]>();
    const conversations = await Promise.all(earlier.map((c) => this.#summary(c)));
    const orderIds = [
      ...new Set([conversation, ...earlier].flatMap((c) => (c.orderId ? [c.orderId] : []))),
    ].slice(0, MAX_ORDERS);
    const orders = await Promise.all(
      orderIds.map(async (orderId) => {
        const order = await currentOrder(this.#orders, orderId);
        return order && ownsOrder(customer, order) ? orderView(orderId, order) : undefined;
      }),
    );
    return {
      verified: true,
      conversations,
      orders: orders.filter((order): order is CustomerOrder => order !== undefined),
    };
  }

  async #summary(c: ConversationRecord): Promise<PastConversation> {
    const opening = await this.#store.messagesAfter(c._id, 0, OPENING_MESSAGES);
    const firstQuestion = opening.find((m) => m.from === 'customer')?.text;
    return {
      id: c._id,
      createdAt: c.createdAt,
      ...(c.closedAt ? { closedAt: c.closedAt } : {}),
      status: c.status,
      ...(c.channel ? { channel: c.channel } : {}),
      ...(c.orderId ? { orderId: c.orderId } : {}),
      intents: [...new Set(c.intents.map((i) => i.intent))],
      ...(firstQuestion ? { firstQuestion } : {}),
      messages: c.lastSeq,
    };
  }
}
