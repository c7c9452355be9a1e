import type { Effect, JsonObject } from '@xiaoer/engine';
import type { TimelineEntry } from '@xiaoer/engine/testing';

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
  const lines = [`${entry.at}  ${event}${entry.ignored ? '  (ignored / 已忽略)' : ''}`];
  const moves = entry.path.map((p) => `${p.nodeId} --${p.outcome}--> ${p.target}`);
  lines.push(`    node  ${moves.length ? moves.join(', ') : `${entry.from} (stays / 停留)`}`);
  for (const effect of entry.effects) lines.push(`    ${formatEffect(effect)}`);
  if (Object.keys(dataChanges).length) lines.push(`    data  ${JSON.stringify(dataChanges)}`);
  return lines.join('\n');
}
