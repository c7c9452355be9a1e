import { getNodeType } from '@xiaoer/engine';
import { KNOWN_EVENTS } from '../editor/PickerWidgets.tsx';
import type { Language } from '../i18n/messages.ts';

/** The events the engine itself sends a journey (a timer, a reply, a send or call answered). */
const ENGINE_EVENT_MEANINGS: { type: string; zh: string; en: string }[] = [
  { type: 'timer.fired', zh: '到时间了', en: 'Timer fired' },
  { type: 'customer.replied', zh: '客户回复', en: 'Customer replied' },
  { type: 'send.succeeded', zh: '消息已送达', en: 'Message delivered' },
  { type: 'send.failed', zh: '消息发送失败', en: 'Message not delivered' },
  { type: 'call.succeeded', zh: '调用成功', en: 'Call succeeded' },
  { type: 'call.failed', zh: '调用失败', en: 'Call failed' },
];

const MEANINGS = new Map([...KNOWN_EVENTS, ...ENGINE_EVENT_MEANINGS].map((e) => [e.type, e]));

/** An event by what it means (人工服务结束 for `handoff.resolved`), else by its type. */
export function eventName(type: string, language: Language): string {
  return MEANINGS.get(type)?.[language] ?? type;
}

/**
 * A call the journey waits on, by the step that made it: Xiaoer's own services by their node's
 * title (转人工 for `xiaoer.handoffToAgent`), an order-system operation by its name.
 */
export function callName(operation: string, language: Language): string {
  const own = /^xiaoer\.(.+)$/.exec(operation)?.[1];
  return (own && getNodeType(own)?.title[language]) ?? operation;
}
