import { evaluateCondition } from '@xiaoer/engine';
import type { IntentReferences } from '../intents/intent-catalog.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Router } from '../routing/router.ts';
import type { WorkflowCatalog } from '../workflows/workflow-catalog.ts';

/** The chat's event a journey must start on to serve an intent (see the service desk). */
const CHAT_MESSAGE = 'conversation.message';

/**
 * What an operator's intent may point at, answered by the knowledge base, the published
 * journeys and the routing directory.
 */
export function intentReferences(
  knowledge: KnowledgeBase,
  catalog: WorkflowCatalog,
  routing: Router,
): IntentReferences {
  /** The published journeys a chat message of this intent starts. */
  const journeysOn = async (intent: string) =>
    (await catalog.routable())
      .filter(({ archived, trigger }) => !archived && trigger.event === CHAT_MESSAGE)
      .filter(({ trigger: { filter } }) => !filter || evaluateCondition(filter, { intent }))
      .map((journey) => journey.workflowId);
  return {
    articleExists: async (id) => !!(await knowledge.articles.get(id)),
    journeyStartsOn: async (workflowId, intent) => (await journeysOn(intent)).includes(workflowId),
    journeysStartingOn: journeysOn,
    groupExists: async (id) =>
      (await routing.directory.skillGroups()).some((group) => group._id === id),
  };
}
