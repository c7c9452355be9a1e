import { describe, expect, it } from 'vitest';
import { readSeedArticles } from '@xiaoer/server/internal';
import { SHIPPED_INTENT_ACTIONS } from '../../packages/server/src/intents/intent-actions.ts';
import { INTENT_IDS } from '../../packages/server/src/intents/intent-ids.ts';
import { compileSchema } from '../../packages/server/src/json-schema-check.ts';
import { intentActionSchema } from '../../packages/server/src/intents/intent-actions.ts';

/** Issue 20: the shipped intents' chat actions point at what ships. */
describe('the shipped intents’ actions', () => {
  it('should name only shipped intents and articles that ship in workflows/knowledge', async () => {
    const articles = new Set(
      ((await readSeedArticles()) as { id: string }[]).map((article) => article.id),
    );
    const valid = compileSchema(intentActionSchema);
    for (const [intent, action] of Object.entries(SHIPPED_INTENT_ACTIONS)) {
      expect(INTENT_IDS as readonly string[]).toContain(intent);
      expect(valid(action), intent).toBe(true);
      if (action.kind === 'knowledge' && action.articleId)
        expect(articles, `${intent} → ${action.articleId}`).toContain(action.articleId);
    }
  });

  it('should send abuse, complaints and lost or damaged parcels ahead in the queue', () => {
    for (const intent of ['abuse', 'complaint', 'logisticsProblem'] as const)
      expect(SHIPPED_INTENT_ACTIONS[intent]).toMatchObject({ kind: 'handoff', priority: 2 });
  });
});
