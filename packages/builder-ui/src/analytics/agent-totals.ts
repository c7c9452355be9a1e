import type { AgentReport } from './analytics-api.ts';

/** An average from the count it was taken over: weighted sums add up across agents. */
interface Measured {
  average: number | null;
  count: number;
}

/** The agents table's totals row: what all agents together did in the period. */
export interface AgentTotals {
  /** Handoffs finished by any agent (resolved, customer left, or transferred on). */
  finished: number;
  resolved: number;
  resolutionRate: number | null;
  firstResponse: Measured;
  /** Over the same handoffs as the dashboard's handling time: the two agree. */
  handling: Measured;
  satisfaction: Measured;
  quality: Measured;
}

const combine = (parts: Measured[]): Measured => {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const sum = parts.reduce((total, part) => total + (part.average ?? 0) * part.count, 0);
  return { average: count > 0 ? sum / count : null, count };
};

/** Adds up the agents' rows; averages are weighted by how many each agent's average counts. */
export function agentTotals(agents: AgentReport[]): AgentTotals {
  const finished = agents.reduce((sum, agent) => sum + agent.conversations, 0);
  const resolved = agents.reduce((sum, agent) => sum + agent.resolved, 0);
  return {
    finished,
    resolved,
    resolutionRate: finished > 0 ? resolved / finished : null,
    firstResponse: combine(
      agents.map((a) => ({ average: a.firstResponse.averageMs, count: a.firstResponse.count })),
    ),
    handling: combine(
      agents.map((a) => ({ average: a.handling.averageMs, count: a.handling.count })),
    ),
    satisfaction: combine(agents.map((a) => a.satisfaction)),
    quality: combine(agents.map((a) => a.quality)),
  };
}
