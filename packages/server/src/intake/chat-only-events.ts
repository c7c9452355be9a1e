import type { CloudEvent } from './cloud-event.ts';
import type { EventProblem } from '../errors/event-problems.ts';
import { DomainError } from '../errors/domain-error.ts';

/**
 * Only the chat speaks for a conversation. It sends `conversation.*` (a customer's message,
 * with who the customer is and whether the shop signed them) and `customer.replied` naming the
 * conversation (the answer to a journey's question), each once the conversation's token was
 * shown. Sent by a source — its signature, or a machine client's intake API key — the first
 * started the chat journeys as whatever customer it named, verified, so the order details went
 * to whoever held the conversation; the second answered a customer's question for them (a new
 * address, then "yes"). A shop's relay of a customer's answer about an order (an SMS survey:
 * `orderId`) names no conversation and is still the shop's to send.
 */
export function chatOnlyProblems(events: readonly CloudEvent[], batch: boolean): EventProblem[] {
  return events.flatMap((event, index) => {
    const at = batch ? `/${index}` : '';
    if (isChatOnlyType(event.type))
      return [
        problem(`${at}/type`, {
          zh: `"${event.type.slice(0, 100)}" 是聊天自己发出的事件，来源不能发送`,
          en: `"${event.type.slice(0, 100)}" is the chat's own event; a source cannot send it`,
        }),
      ];
    if (event.type.startsWith('customer.') && event.data && 'conversationId' in event.data)
      return [
        problem(`${at}/data/conversationId`, {
          zh: '客户在聊天中的回答只能来自这个聊天本身，来源不能代为发送',
          en: "A customer's answer in a chat comes from that chat alone; a source cannot send it for them",
        }),
      ];
    return [];
  });
}

/** A type only the chat sends, whatever its data: `conversation.*`. */
export const isChatOnlyType = (type: string): boolean => type.startsWith('conversation.');

const problem = (pointer: string, text: { zh: string; en: string }): EventProblem => ({
  pointer,
  message: text.en,
  text,
});

/**
 * `chat-event-forbidden` (forbidden: 403 over HTTP): the delivery speaks for a chat customer;
 * nothing was recorded. The intake refuses such events from every caller but the chat (a
 * request, a platform webhook, a journey's published event); the routes ask before they record,
 * to name the delivery on the events page.
 */
export const chatEventForbidden = (problems: EventProblem[]) =>
  new DomainError(
    'forbidden',
    'chat-event-forbidden',
    {
      zh: `事件替聊天中的客户发言（${problems.length} 处）：只有聊天本身能发送；未记录任何事件。`,
      en: `The delivery speaks for a chat customer (${problems.length} problem(s)): only the chat itself may; nothing was recorded.`,
    },
    { details: { problems } },
  );
