import { DEMO_AGENT_PASSWORD, seedDemoRouting } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/**
 * A harness with the demo desk as a new shop has it: the demo skill groups and agents
 * (`seedDemoRouting`), and a session token for each demo agent, agent-li (`li`) and agent-wang
 * (`wang`), both away until a test puts them online.
 */
export async function startDemoDesk(): Promise<{ h: Harness; li: string; wang: string }> {
  const h = await startHarness();
  try {
    await seedDemoRouting(h.xiaoer, {});
    const token = async (id: string) =>
      (await h.xiaoer.auth.login(id, DEMO_AGENT_PASSWORD))?.token ?? '';
    return { h, li: await token('agent-li'), wang: await token('agent-wang') };
  } catch (error) {
    await h.close();
    throw error;
  }
}

/** Creates a console user with `role` and returns its session token. */
export async function userToken(
  h: Harness,
  id: string,
  role: 'admin' | 'operator' | 'agent' | 'viewer' = 'agent',
): Promise<string> {
  await h.xiaoer.auth.createUser(id, `${id}-密码-123`, role);
  return (await h.xiaoer.auth.login(id, `${id}-密码-123`))?.token ?? '';
}

/**
 * A skill group of its own for one test, with agents (users with the agent role), all away.
 * Returns each agent's token.
 */
export async function setupGroup(
  h: Harness,
  group: string,
  agents: { id: string; maxConcurrent: number }[],
): Promise<Record<string, string>> {
  const saved = await h.request('PUT', `/api/skill-groups/${group}`, {
    title: { zh: `组 ${group}`, en: `Group ${group}` },
    intents: [],
  });
  if (saved.status !== 200) throw new Error(await saved.text());
  const tokens: Record<string, string> = {};
  for (const agent of agents) {
    tokens[agent.id] = await userToken(h, agent.id);
    const put = await h.request('PUT', `/api/agents/${agent.id}`, {
      skills: [group],
      maxConcurrent: agent.maxConcurrent,
    });
    if (put.status !== 200) throw new Error(await put.text());
  }
  return tokens;
}

/** Sets an agent's own status through the API. */
export async function goOnline(h: Harness, token: string, status = 'online'): Promise<void> {
  const response = await h.request('POST', '/api/agents/me/status', { status }, token);
  if (response.status !== 200) throw new Error(await response.text());
}

export const customer = (id: string, tier = 'normal') => ({ id, tier, language: 'zh' as const });

/** A handoff as `GET /api/handoffs/:id` answers it (the fields tests look at). */
export interface HandoffView {
  _id: string;
  status: string;
  agentId?: string | null;
  enqueuedAt: string;
  endReason?: string | null;
  transferredTo?: string | null;
}

/** A handoff read through the API (as an admin). */
export async function handoffById(h: Harness, id: string): Promise<HandoffView> {
  const answer = await h.request('GET', `/api/handoffs/${id}`);
  return ((await answer.json()) as { handoff: HandoffView }).handoff;
}

/** The handoff a conversation is on now, read through the API (as an admin). */
export async function handoffOf(h: Harness, conversationId: string): Promise<HandoffView> {
  const answer = await h.request('GET', `/api/conversations/${conversationId}`);
  const { conversation } = (await answer.json()) as { conversation: { handoffId: string } };
  return handoffById(h, conversation.handoffId);
}
