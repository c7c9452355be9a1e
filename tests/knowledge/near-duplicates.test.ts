import { describe, expect, it, vi } from 'vitest';
import { KnowledgeIndex } from '@xiaoer/server/internal';

/** An article as the index holds it. */
type KnowledgeArticleRecord = Parameters<KnowledgeIndex['put']>[0];

const article = (
  id: string,
  questions: string[],
  valid: Partial<Pick<KnowledgeArticleRecord, 'validFrom' | 'validUntil'>> = {},
): KnowledgeArticleRecord => ({
  _id: id,
  questions,
  answer: { zh: `${id} 的答案` },
  tags: [],
  channels: [],
  validFrom: null,
  validUntil: null,
  status: 'published',
  revision: 1,
  deleted: false,
  updatedAt: new Date(0),
  updatedBy: 'test',
  ...valid,
});

/**
 * `GET /api/knowledge/duplicates` searches every question of the knowledge base against all of
 * it. Before, it did so on every request, though the answer changes only with the articles,
 * the recognizer or an article's validity beginning or ending.
 */
describe('near-duplicate articles', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('should search again only when an article, or its validity, changed', () => {
    const index = new KnowledgeIndex();
    index.put(article('shipping', ['多久能发货', '什么时候发货']));
    index.put(article('shipping-copy', ['多久能发货呢']));
    index.put(article('invoice', ['能开发票吗']));
    index.put(article('sale', ['双十一发货多久'], { validUntil: later(3_600_000) }));
    const searches = vi.spyOn(index, 'find');
    const first = index.nearDuplicates(0.85, now);
    expect(first.map((pair) => pair.ids)).toContainEqual(['shipping', 'shipping-copy']);
    const searched = searches.mock.calls.length;
    expect(searched).toBeGreaterThan(0);

    // Asked again: the same pairs, no search.
    expect(index.nearDuplicates(0.85, later(60_000))).toEqual(first);
    expect(searches.mock.calls.length).toBe(searched);

    // Once the sale's article stops answering, and after an edit, it searches again.
    index.nearDuplicates(0.85, later(3_600_000));
    expect(searches.mock.calls.length).toBeGreaterThan(searched);
    const afterExpiry = searches.mock.calls.length;
    index.put(article('shipping-copy', ['能开发票吗']));
    const edited = index.nearDuplicates(0.85, later(3_600_000));
    expect(searches.mock.calls.length).toBeGreaterThan(afterExpiry);
    expect(edited.map((pair) => pair.ids)).toContainEqual(['invoice', 'shipping-copy']);
    expect(edited.map((pair) => pair.ids)).not.toContainEqual(['shipping', 'shipping-copy']);
  });
});
