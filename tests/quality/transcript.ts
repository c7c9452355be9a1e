import type { InspectionInput, TranscriptMessage } from '@xiaoer/server/internal';

const T0 = Date.parse('2025-03-01T10:00:00Z');
export const AGENT = 'agent-li';

/** A line of a crafted chat: who, seconds after the handoff was enqueued, and the text. */
export type Line = [from: TranscriptMessage['from'], second: number, text: string];

/**
 * A handoff's messages from lines; the agent is assigned at second 0 (unless `assignedAt` says
 * otherwise) and resolves at the last line (or `resolvedAt`).
 */
export function transcript(
  lines: Line[],
  options: {
    assignedAt?: number;
    resolvedAt?: number;
    followUpTasks?: number;
    /** The agent resolved it or closed its conversation (false: the customer left). */
    endedByAgent?: boolean;
  } = {},
): InspectionInput {
  const at = (second: number) => new Date(T0 + second * 1000);
  const messages = lines.map(([from, second, text], index) => ({
    seq: index + 1,
    from,
    text,
    at: at(second),
    ...(from === 'agent' ? { author: AGENT } : {}),
  }));
  return {
    messages,
    handoff: {
      agentId: AGENT,
      enqueuedAt: at(0),
      assignedAt: at(options.assignedAt ?? 0),
      resolvedAt: at(options.resolvedAt ?? lines.at(-1)?.[1] ?? 0),
      endedByAgent: options.endedByAgent ?? false,
    },
    followUpTasks: options.followUpTasks ?? 0,
  };
}
