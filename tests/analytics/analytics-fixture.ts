import { expect } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { signCustomer } from '@xiaoer/server';
import type { JourneyFunnel } from '@xiaoer/server/internal';
import { CHAT_SECRET, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from '../conversations/chat-client.ts';

/** A satisfaction survey over SMS: asked on `survey.requested`, scored 1–5 (`s1`…`s5`). */
export const surveyWorkflow: WorkflowDocument = {
  id: 'survey',
  name: '满意度调查 / Survey',
  version: 1,
  nodes: [
    {
      id: 'asked',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: 'survey.requested',
        correlationKey: 'orderId',
        data: {
          type: 'object',
          properties: { orderId: { type: 'string' }, phone: { type: 'string' } },
          required: ['orderId', 'phone'],
        },
      },
    },
    {
      id: 'rate',
      type: 'askCustomer',
      position: { x: 200, y: 0 },
      config: {
        channel: 'sms',
        to: '{{phone}}',
        question: { zh: '请打分 1–5', en: 'Rate us 1–5' },
        options: [1, 2, 3, 4, 5].map((score) => ({
          id: `s${score}`,
          label: { zh: `${score} 分`, en: `${score}` },
          score,
        })),
        saveAs: 'survey',
      },
    },
    { id: 'thanks', type: 'end', position: { x: 400, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [1, 2, 3, 4, 5]
    .map((score) => ({
      id: `e${score}`,
      source: 'rate',
      sourceHandle: `s${score}`,
      target: 'thanks',
    }))
    .concat([{ id: 'e0', source: 'asked', sourceHandle: 'next', target: 'rate' }]),
};

/**
 * Opens a chat as the chat page does, on `channel` (the page's default when absent), for a
 * customer the shop signed: a new one, or `customerId` (the owner of orders it asks about).
 */
export async function openChat(
  h: Harness,
  channel?: string,
  customerId = `cust-${Math.random().toString(36).slice(2, 8)}`,
): Promise<ChatClient> {
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const response = await fetch(`${h.url}/api/chat/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer: { id: customerId, language: 'zh' },
      signature: signCustomer(CHAT_SECRET, { id: customerId, tier: 'normal' }, expires),
      ...(channel ? { channel } : {}),
    }),
  });
  expect(response.status).toBe(201);
  const { id, token } = (await response.json()) as { id: string; token: string };
  return new ChatClient(h, id, token);
}

/**
 * A customer who asked for a person and was taken by the agent whose session is `agentToken`
 * (online from now): the chat and its handoff's id.
 */
export async function servedChat(
  h: Harness,
  agentToken: string,
): Promise<{ chat: ChatClient; handoffId: string }> {
  await h.request('POST', '/api/agents/me/status', { status: 'online' }, agentToken);
  const chat = await openChat(h);
  await chat.say('转人工');
  await chat.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
  return { chat, handoffId: (await h.xiaoer.desk.store.get(chat.id))?.handoffId ?? '' };
}

/** The agent of `token` transfers the handoff to `group`; the new handoff's id. */
export async function transfer(
  h: Harness,
  handoffId: string,
  group: string,
  token: string,
): Promise<string> {
  const moved = await h.request('POST', `/api/handoffs/${handoffId}/transfer`, { group }, token);
  expect(moved.status, await moved.clone().text()).toBe(200);
  return ((await moved.json()) as { _id: string })._id;
}

/** The node an instance is at ('' while it is not there yet). */
export async function instanceNode(h: Harness, id: string, token: string): Promise<string> {
  const response = await h.request('GET', `/api/instances/${id}`, undefined, token);
  return response.status === 200 ? ((await response.json()) as { node: string }).node : '';
}

/** `GET /api/analytics/journeys/:id/funnel` for the days `from` to `to`. */
export async function fetchFunnel(
  h: Harness,
  workflowId: string,
  from: string,
  to: string,
  token: string,
): Promise<JourneyFunnel> {
  const response = await h.request(
    'GET',
    `/api/analytics/journeys/${workflowId}/funnel?from=${from}&to=${to}`,
    undefined,
    token,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as JourneyFunnel;
}

/** A funnel's counts per node, as a test compares them. */
export const funnelCounts = (funnel: JourneyFunnel) =>
  funnel.nodes.map(({ nodeId, entered, left, waiting, dropped, reachedRate }) => ({
    nodeId,
    entered,
    left,
    waiting,
    dropped,
    reachedRate,
  }));
