/**
 * Erlang C: how many agents a queue needs. Traffic `A` (erlangs) is arrivals per second × the
 * average handling time in seconds; with `N` agents (N > A) a customer waits with probability
 * C(N, A), answered within `T` seconds with probability 1 − C · e^(−(N−A)·T/AHT).
 *
 * C is computed from Erlang B's recursion (B₀ = 1, Bₙ = A·Bₙ₋₁ / (n + A·Bₙ₋₁)),
 * C = N·B / (N − A·(1 − B)), which stays exact where A^N / N! would overflow.
 */
export function erlangC(traffic: number, agents: number): number {
  if (!(traffic >= 0) || !Number.isInteger(agents) || agents < 0)
    throw new RangeError(
      `erlangC needs traffic ≥ 0 and whole agents ≥ 0 (got ${traffic}, ${agents})`,
    );
  if (traffic === 0) return 0;
  if (agents <= traffic) return 1;
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = (traffic * blocking) / (n + traffic * blocking);
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

/** A queue's load and the promise made to its customers. */
export interface QueueLoad {
  /** Arrivals per hour. */
  perHour: number;
  /** Average handling time, seconds. */
  handlingSeconds: number;
  /** Answered within this many seconds… */
  targetSeconds: number;
}

/** Traffic in erlangs: the agents that would be busy all the time. */
export const trafficOf = ({ perHour, handlingSeconds }: QueueLoad) =>
  (perHour / 3600) * handlingSeconds;

/** The share of customers answered within `targetSeconds` by `agents` agents. */
export function serviceLevel(load: QueueLoad, agents: number): number {
  const traffic = trafficOf(load);
  if (agents <= traffic) return 0;
  const waiting = erlangC(traffic, agents);
  return 1 - waiting * Math.exp((-(agents - traffic) * load.targetSeconds) / load.handlingSeconds);
}

/** Average seconds a customer waits for an agent. */
export function averageWait(load: QueueLoad, agents: number): number {
  const traffic = trafficOf(load);
  if (agents <= traffic) return Number.POSITIVE_INFINITY;
  return (erlangC(traffic, agents) * load.handlingSeconds) / (agents - traffic);
}

/**
 * The fewest agents that answer `target` (e.g. 0.8) of customers within `targetSeconds`; 0 with
 * no traffic. Throws past `maxAgents` (a typo in the volume, not a staffing plan).
 */
export function agentsNeeded(load: QueueLoad, target: number, maxAgents = 10_000): number {
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1), got ${target}`);
  const traffic = trafficOf(load);
  if (traffic === 0) return 0;
  for (let agents = Math.floor(traffic) + 1; agents <= maxAgents; agents++)
    if (serviceLevel(load, agents) >= target) return agents;
  throw new RangeError(`more than ${maxAgents} agents would be needed for ${traffic} erlangs`);
}
