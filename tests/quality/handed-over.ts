import { expect, vi } from 'vitest';
import type { QualityReport } from '@xiaoer/server/internal';
import type { Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';

/**
 * A new customer handed to the online agent whose session is `agentToken`, who says
 * `agentLines`; returns the chat and its handoff id.
 */
export async function handedOver(
  h: Harness,
  agentToken: string,
  agentLines: string[],
): Promise<{ chat: ChatClient; handoffId: string }> {
  const chat = await ChatClient.open(h, {
    id: `handed-${Math.random().toString(36).slice(2, 8)}`,
    tier: 'normal',
    language: 'zh',
  });
  await chat.say('转人工');
  await chat.waitFor((m) => m.from === 'system');
  for (const text of agentLines) {
    const path = `/api/conversations/${chat.id}/messages`;
    const sent = await h.request('POST', path, { text }, agentToken);
    expect(sent.status).toBe(201);
  }
  const answer = await h.request('GET', `/api/conversations/${chat.id}`);
  const { conversation } = (await answer.json()) as { conversation: { handoffId: string } };
  return { chat, handoffId: conversation.handoffId };
}

/** The handoff's quality report, once inspected (`GET /api/quality/reports/:id`). */
export const reportOf = (h: Harness, handoffId: string): Promise<QualityReport> =>
  vi.waitFor(
    async () => {
      const response = await h.request('GET', `/api/quality/reports/${handoffId}`);
      expect(response.status).toBe(200);
      return (await response.json()) as QualityReport;
    },
    { timeout: 10_000, interval: 100 },
  );
