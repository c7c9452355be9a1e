/** The values routing records hold, declared below the models that store them. */

/** An agent's presence: only an `online` agent with a free slot is offered handoffs. */
export const AGENT_STATUSES = ['online', 'busy', 'away'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** A customer's tier: higher tiers rank higher in a queue (see routing/queue-order.ts). */
export const CUSTOMER_TIERS = ['svip', 'vip', 'normal'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];
