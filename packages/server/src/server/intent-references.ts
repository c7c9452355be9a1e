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
  return {
    articleExists: async (id) => !!(await knowledge.articles.get(id)),
    async journeyStartsOn(workflowId, intent) {
      const journey = (await catalog.routable()).find(
        (workflow) => workflow.workflowId === workflowId && !workflow.archived,
      );
      if (!journey || journey.trigger.event !== CHAT_MESSAGE) return false;
      const { filter } = journey.trigger;
      return !filter || evaluateCondition(filter, { intent, confidence: 1, text: '' });
    },
    groupExists: async (id) =>
      (await routing.directory.skillGroups()).some((group) => group._id === id),
  };
}
