import type { Xiaoer } from './xiaoer.ts';
import { UserExistsError } from '../auth/auth-service.ts';
import { passwordLengthProblem } from '../auth/password-length.ts';
import { LocalizedError } from '../localized-error.ts';
import { isDuplicateKey } from '../model/models.ts';
import type { SkillGroupChange } from '../routing/routing-directory.ts';

/** The skill groups a new shop starts with, by the intents they serve. */
export const DEMO_SKILL_GROUPS: Record<string, SkillGroupChange> = {
  'pre-sales': {
    title: { zh: '售前咨询', en: 'Pre-sales' },
    intents: [
      'productQuestion',
      'sizeSpec',
      'stock',
      'promotion',
      'coupon',
      'greeting',
      'thanks',
      'chitChat',
      'other',
    ],
  },
  'after-sales': {
    title: { zh: '售后服务', en: 'After-sales' },
    intents: [
      'refund',
      'refundStatus',
      'returnExchange',
      'exchange',
      'warranty',
      'invoice',
      'paymentProblem',
      'account',
      'human',
    ],
  },
  logistics: {
    title: { zh: '物流查询', en: 'Logistics' },
    intents: [
      'orderStatus',
      'modifyOrder',
      'deliveryTime',
      'logistics',
      'logisticsProblem',
      'changeAddress',
      'cancelOrder',
    ],
  },
  complaints: { title: { zh: '投诉处理', en: 'Complaints' }, intents: ['complaint', 'abuse'] },
};

/**
 * The demo's agents. Their password is public on purpose (docs/architecture.md): the demo
 * runs on a laptop with a toy shop. `XIAOER_DEMO_AGENT_PASSWORD` replaces it.
 */
export const DEMO_AGENTS = [
  { id: 'agent-li', displayName: '小李 Li', skills: ['pre-sales', 'after-sales'] },
  {
    id: 'agent-wang',
    displayName: '小王 Wang',
    skills: ['after-sales', 'logistics', 'complaints'],
  },
] as const;
export const DEMO_AGENT_PASSWORD = 'xiaoer-agent-demo';

/** A save that lost a race with another process saving the same record: theirs stands. */
async function unlessSavedMeanwhile(save: () => Promise<unknown>): Promise<void> {
  try {
    await save();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Seeds the skill groups and the two demo agents that are missing; keeps what exists, and what
 * another process starting at once seeded first.
 */
export async function seedDemoRouting(xiaoer: Xiaoer, env: NodeJS.ProcessEnv): Promise<void> {
  const password = env['XIAOER_DEMO_AGENT_PASSWORD'] ?? DEMO_AGENT_PASSWORD;
  // Set but empty, it made agents anyone could log in as with an empty password.
  const problem = passwordLengthProblem(password, {
    zh: 'XIAOER_DEMO_AGENT_PASSWORD ',
    en: 'XIAOER_DEMO_AGENT_PASSWORD',
  });
  if (problem) throw new LocalizedError(problem);
  const directory = xiaoer.routing.directory;
  const existing = new Set((await directory.skillGroups()).map((group) => group._id));
  for (const [id, group] of Object.entries(DEMO_SKILL_GROUPS))
    if (!existing.has(id)) await unlessSavedMeanwhile(() => directory.saveSkillGroup(id, group));
  const agents = new Set((await directory.agents()).map((agent) => agent._id));
  for (const agent of DEMO_AGENTS) {
    try {
      await xiaoer.auth.createUser(agent.id, password, 'agent');
    } catch (error) {
      if (!(error instanceof UserExistsError)) throw error;
    }
    if (!agents.has(agent.id))
      await unlessSavedMeanwhile(() =>
        directory.saveAgent(agent.id, {
          displayName: agent.displayName,
          skills: [...agent.skills],
        }),
      );
  }
}
