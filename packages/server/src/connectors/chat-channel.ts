import type { ConversationStore } from '../conversations/conversation-store.ts';
import type { ConversationHub } from '../conversations/conversation-hub.ts';
import { DeliveryError, type MessageChannel, type OutgoingMessage } from './connector.types.ts';

/**
 * The `chat` channel: a journey's `sendMessage` or `askCustomer` with `to` set to a
 * conversation id appears in that conversation's chat. The effect's idempotency key is the
 * message's sender id, so a redelivery after a crash shows it once.
 */
export class ChatChannel implements MessageChannel {
  readonly name = 'chat';
  readonly #store: ConversationStore;
  readonly #hub: ConversationHub;

  constructor(store: ConversationStore, hub: ConversationHub) {
    this.#store = store;
    this.#hub = hub;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const conversation = await this.#store.get(message.to);
    if (!conversation)
      throw new DeliveryError('unknown-conversation', `No conversation "${message.to}"`, false);
    if (conversation.status === 'closed')
      throw new DeliveryError('conversation-closed', `Conversation ${message.to} is closed`, false);
    const stored = await this.#store.append(message.to, {
      from: 'bot',
      text: message.text,
      clientId: `effect:${message.idempotencyKey}`,
      ...(message.options?.length ? { options: message.options } : {}),
    });
    this.#hub.published(stored);
  }
}
