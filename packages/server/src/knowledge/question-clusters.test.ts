import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from './knowledge-index.ts';
import { batchWeights, clusterQuestions } from './question-clusters.ts';

const questions = [
  '你好 发票怎么开',
  '发票怎么开具啊',
  '开发票在哪里申请',
  '你好 快递到哪了',
  '我的快递到哪了呀',
  '你好 在吗',
].map((text, i) => ({ id: `q${i}`, text }));

describe('grouping unanswered questions', () => {
  it('should group them even when the knowledge base has no article yet', () => {
    const empty = new KnowledgeIndex();
    const clusters = clusterQuestions(
      questions,
      batchWeights(questions, (terms) => empty.vector(terms, 'rare')),
    );
    const groupOf = (id: string) => clusters.find((c) => c.members.some((m) => m.id === id));
    expect(groupOf('q0')).toBe(groupOf('q1'));
    expect(groupOf('q3')).toBe(groupOf('q4'));
    // A greeting shared by many questions glues nothing together.
    expect(groupOf('q0')).not.toBe(groupOf('q3'));
    // Nothing but chatter: no terms, so no group (there is no article to write for it).
    expect(groupOf('q5')).toBeUndefined();
  });
});
