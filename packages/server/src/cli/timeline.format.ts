import type { Effect, JsonObject } from '@xiaoer/engine';
import type { DroppedEvent, DropReason, TimelineEntry } from '@xiaoer/engine/testing';

/** A one-line description of an effect, for the simulation timeline. */
export function formatEffect(effect: Effect): string {
  switch (effect.kind) {
    case 'send':
      return `send ${effect.channel} → ${effect.to} [${effect.locale}]: ${effect.text}${
        effect.options ? `  (${effect.options.map((o) => `${o.id}=${o.label}`).join(', ')})` : ''
      }`;
    case 'call':
      return `call ${effect.operation}(${JSON.stringify(effect.args)}) attempt ${effect.attempt} key=${effect.idempotencyKey}`;
    case 'schedule':
      return `schedule ${effect.purpose} timer ${effect.timerId} at ${effect.dueAt}${
        effect.allowedHours &&
        effect.requestedAt !== undefined &&
        effect.requestedAt !== effect.dueAt
          ? ` (asked for ${effect.requestedAt}, moved by the allowed hours ${effect.allowedHours.from}-${effect.allowedHours.to} ${effect.allowedHours.timeZone})`
          : ''
      }`;
    case 'cancel':
      return `cancel timer ${effect.timerId}`;
    case 'emit':
      return `emit ${effect.event} ${JSON.stringify(effect.data)}`;
  }
}

/** The top-level data keys whose value changed between two steps. */
export function changedData(before: JsonObject, after: JsonObject): JsonObject {
  const changed: JsonObject = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed;
}

/** Formats one timeline entry: time, event, the outcomes taken, effects, data changes. */
export function formatEntry(entry: TimelineEntry, dataChanges: JsonObject): string {
  const event = [entry.event.type, entry.event.effectId ?? entry.event.timerId ?? '']
    .filter(Boolean)
    .join(' ');
  const lines = [`${entry.at}  ${event}${entryMark(entry)}`];
  const moves = entry.path.map((p) => `${p.nodeId} --${p.outcome}--> ${p.target}`);
  lines.push(`    node  ${moves.length ? moves.join(', ') : `${entry.from} (stays / 停留)`}`);
  for (const effect of entry.effects) lines.push(`    ${formatEffect(effect)}`);
  if (Object.keys(dataChanges).length) lines.push(`    data  ${JSON.stringify(dataChanges)}`);
  return lines.join('\n');
}

/** What happened to an event the node did not take at once (`early: 'park'` and stale ones). */
function entryMark(entry: TimelineEntry): string {
  if (entry.parked)
    return '  (parked: the node does not wait for it yet / 已暂存：节点尚未等待此事件)';
  if (entry.unparked)
    return `  (offered again, sent at ${entry.event.at} / 再次提供，原发送于 ${entry.event.at})`;
  if (entry.ignored) return '  (ignored / 已忽略)';
  return '';
}

/** Why an event was let go, in both languages (`DroppedEvent.reason`). */
const DROP_REASONS: Record<DropReason, string> = {
  refused: 'the node refused it / 节点拒绝了它',
  stale: 'nothing waits for it any more / 已无节点等待它',
  unmatched: 'no node of the journey waits for its type / 旅程中没有节点等待这类事件',
  ended: 'the journey had ended / 旅程已结束',
  overflow: 'pushed out by newer parked events / 被更新的暂存事件挤出',
  expired: 'kept longer than 7 days before the start / 开始前保留已超过 7 天',
};

/** One line for an event the journey let go. */
export function formatDropped(dropped: DroppedEvent): string {
  return `  ${dropped.droppedAt}  ${dropped.event.type} at ${dropped.node ?? '(not started / 未开始)'}: ${DROP_REASONS[dropped.reason]}`;
}
