import type { RoutingDirectory } from '../routing/routing-directory.ts';
import type { AgentNamePort } from './service-desk.ts';

/** What a customer calls someone without an agent record (an admin who steps in). */
export const NEUTRAL_AGENT_NAME = { zh: '客服', en: 'Agent' } as const;

/**
 * The name a customer sees for an agent: the display name an admin or the agent set, never the
 * login id (a login id is half of a credential and means nothing to a customer).
 */
export class AgentNames implements AgentNamePort {
  readonly #directory: RoutingDirectory;

  constructor(directory: RoutingDirectory) {
    this.#directory = directory;
  }

  async nameOf(agentId: string, language: 'zh' | 'en'): Promise<string> {
    const agent = await this.#directory.agent(agentId).catch(() => undefined);
    const name = agent?.displayName.trim();
    // A display name left at its default (the login id) is not shown either.
    return name && name !== agentId ? name : NEUTRAL_AGENT_NAME[language];
  }
}
