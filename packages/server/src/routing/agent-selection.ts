/**
 * Which agent takes a handoff. Pure: the caller passes the agents with their current load.
 */

import { AGENT_STATUSES, type AgentStatus } from '../model/routing-values.ts';

export { AGENT_STATUSES, type AgentStatus };

/** An agent as the selection sees it. */
export interface AgentCandidate {
  _id: string;
  skills: readonly string[];
  status: AgentStatus;
  maxConcurrent: number;
  /** Handoffs assigned to the agent and not yet resolved. */
  active: number;
  /** The agent's last assignment or status change; the earliest is the longest idle. */
  lastActiveAt: Date;
}

/** Online, has the group's skill and a free slot: may take a handoff of `group` now. */
export function isAvailable(agent: AgentCandidate, group: string): boolean {
  return (
    agent.status === 'online' && agent.skills.includes(group) && agent.active < agent.maxConcurrent
  );
}

/**
 * The agent for a handoff of `group`, or undefined when nobody is available. The agent who
 * served the customer last (`lastAgentId`) is preferred when available (sticky routing);
 * otherwise the least loaded, by share of capacity in use, then the longest idle, then id.
 */
export function selectAgent(
  agents: readonly AgentCandidate[],
  group: string,
  lastAgentId?: string,
): AgentCandidate | undefined {
  const available = agents.filter((agent) => isAvailable(agent, group));
  const sticky = available.find((agent) => agent._id === lastAgentId);
  if (sticky) return sticky;
  return available.sort(
    (a, b) =>
      a.active / a.maxConcurrent - b.active / b.maxConcurrent ||
      a.lastActiveAt.getTime() - b.lastActiveAt.getTime() ||
      (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  )[0];
}
