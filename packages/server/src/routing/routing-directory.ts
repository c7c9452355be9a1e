import type { LocalizedText } from '@xiaoer/engine';
import { isDuplicateKey, type RoutingModels } from '../model/models.ts';
import { replaceById } from '../model/replace-by-id.ts';
import type { AgentRecord, AwayReason, SkillGroupRecord } from '../model/routing.model.ts';
import type { AgentStatus } from './agent-selection.ts';
import type { UserLookup } from './router.ts';
import { skillGroupExists, unknownAgent, unknownSkillGroup, unknownUser } from './routing-error.ts';

export interface SkillGroupChange {
  title: LocalizedText;
  intents: string[];
}

export interface AgentChange {
  displayName?: string;
  skills?: string[];
  maxConcurrent?: number;
}

/** A new agent is away and takes this many conversations at once until an admin says. */
export const DEFAULT_MAX_CONCURRENT = 3;

/** Skill groups and agents: the data routing decides with, kept by admins. */
export class RoutingDirectory {
  readonly #models: RoutingModels;
  readonly #users: UserLookup;
  readonly #now: () => Date;

  constructor(models: RoutingModels, users: UserLookup, now: () => Date) {
    this.#models = models;
    this.#users = users;
    this.#now = now;
  }

  async skillGroups(): Promise<SkillGroupRecord[]> {
    const groups = await this.#models.SkillGroups.find().lean<SkillGroupRecord[]>();
    return groups.sort((a, b) => a._id.localeCompare(b._id));
  }

  async skillGroup(id: string): Promise<SkillGroupRecord> {
    const group = await this.#models.SkillGroups.findById(id).lean<SkillGroupRecord>();
    if (!group) throw unknownSkillGroup(id);
    return group;
  }

  /**
   * Creates a skill group under an id nobody has: inserting its `_id` is the claim, so of two
   * creates at once one wins and the other gets `skill-group-exists`.
   */
  async createSkillGroup(id: string, change: SkillGroupChange): Promise<SkillGroupRecord> {
    const record: SkillGroupRecord = { _id: id, ...change, updatedAt: this.#now() };
    try {
      await this.#models.SkillGroups.collection.insertOne(record as never);
    } catch (error) {
      if (isDuplicateKey(error)) throw skillGroupExists(id);
      throw error;
    }
    return record;
  }

  /** Creates or replaces a skill group (a PUT by id; the console creates by the above). */
  async saveSkillGroup(id: string, change: SkillGroupChange): Promise<SkillGroupRecord> {
    const record: SkillGroupRecord = { _id: id, ...change, updatedAt: this.#now() };
    await replaceById(this.#models.SkillGroups, id, record);
    return record;
  }

  /** The group serving `intent`, if any (the first by id when several do). */
  async groupForIntent(intent: string): Promise<SkillGroupRecord | undefined> {
    return (await this.skillGroups()).find((group) => group.intents.includes(intent));
  }

  async agents(): Promise<AgentRecord[]> {
    const agents = await this.#models.Agents.find().lean<AgentRecord[]>();
    return agents.sort((a, b) => a._id.localeCompare(b._id));
  }

  async agent(id: string): Promise<AgentRecord> {
    const agent = await this.#models.Agents.findById(id).lean<AgentRecord>();
    if (!agent) throw unknownAgent(id);
    return agent;
  }

  /**
   * Creates the agent (away, {@link DEFAULT_MAX_CONCURRENT}) or changes it. The agent must be
   * a console user and every skill a known group; nothing is saved otherwise.
   */
  async saveAgent(id: string, change: AgentChange): Promise<AgentRecord> {
    if (!(await this.#users.userExists(id))) throw unknownUser(id);
    const known = new Set((await this.skillGroups()).map((group) => group._id));
    const missing = (change.skills ?? []).find((skill) => !known.has(skill));
    if (missing !== undefined) throw unknownSkillGroup(missing);
    const existing = await this.#models.Agents.findById(id).lean<AgentRecord>();
    const record: AgentRecord = {
      _id: id,
      displayName: change.displayName ?? existing?.displayName ?? id,
      skills: change.skills ?? existing?.skills ?? [],
      status: existing?.status ?? 'away',
      maxConcurrent: change.maxConcurrent ?? existing?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      lastActiveAt: existing?.lastActiveAt ?? this.#now(),
      seenAt: existing?.seenAt ?? null,
      awayReason: existing?.awayReason ?? null,
    };
    await replaceById(this.#models.Agents, id, record);
    return record;
  }

  /**
   * Sets the agent's status. Their own change (no `awayReason`) also says they are at the desk
   * (`seenAt`); one made for them (away, with the reason) does not.
   */
  async setStatus(id: string, status: AgentStatus, awayReason?: AwayReason): Promise<AgentRecord> {
    const agent = await this.agent(id);
    const lastActiveAt = this.#now();
    const change = awayReason
      ? { status, lastActiveAt, awayReason }
      : { status, lastActiveAt, awayReason: null, seenAt: lastActiveAt };
    await this.#models.Agents.updateOne({ _id: id }, { $set: change });
    return { ...agent, ...change };
  }
}
