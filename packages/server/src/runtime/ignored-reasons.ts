import { XiaoerError, type LocalizedText } from '@xiaoer/engine';

/**
 * Why a journey did not take an event, in Chinese and English, for the events page: the
 * instance had ended (`ended`), the event is a late result of a step the journey has left
 * (`stale`), or the engine refused it (its error's code and details: the node that does not
 * take it and what it waits for, the trigger it does not start, data that breaks the
 * trigger's contract). An error of another kind keeps its own message in both.
 */
export function ignoredReasonText(reason: 'ended' | 'stale' | Error): LocalizedText {
  if (reason === 'ended') return ENDED;
  if (reason === 'stale')
    return {
      zh: '这是旅程已经离开的那一步迟到的结果，不再处理。',
      en: 'A late result of a step the journey has already left; nothing to do with it.',
    };
  if (!(reason instanceof XiaoerError)) return { zh: reason.message, en: reason.message };
  const details = reason.details;
  switch (reason.code) {
    case 'journey.ended':
      return ENDED;
    case 'event.notAccepted': {
      const node = String(details['nodeId'] ?? '');
      const type = String(details['eventType'] ?? '');
      const accepted = Array.isArray(details['accepted']) ? details['accepted'].map(String) : [];
      return {
        zh: `实例停在节点「${node}」，它不接收「${type}」；它在等：${accepted.join('、') || '（没有）'}。`,
        en: `The instance waits at node "${node}", which does not take "${type}"; it waits for: ${accepted.join(', ') || 'nothing'}.`,
      };
    }
    case 'trigger.mismatch':
      if ('filter' in details)
        return {
          zh: '旅程触发器的筛选条件不接收这个事件。',
          en: "The journey's trigger filter rejects this event.",
        };
      return {
        zh: `这段旅程由「${String(details['expected'] ?? '')}」开始，不是「${String(details['received'] ?? '')}」。`,
        en: `The journey starts on "${String(details['expected'] ?? '')}", not "${String(details['received'] ?? '')}".`,
      };
    case 'event.invalid':
      return {
        zh: '事件数据不符合旅程触发器的要求（见上面列出的问题）。',
        en: "The event's data breaks the journey trigger's contract (see the problems listed).",
      };
    default:
      return { zh: reason.message, en: reason.message };
  }
}

const ENDED: LocalizedText = {
  zh: '这段旅程已经结束，不再接收事件。',
  en: 'The journey has ended and takes no more events.',
};
