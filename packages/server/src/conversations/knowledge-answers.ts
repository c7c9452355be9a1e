import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { renderAnswer } from '../knowledge/knowledge-base.ts';
import type { OrderSystemConnector } from '../connectors/connector.types.ts';
import { currentOrder } from './current-order.ts';
import type { AnswerPort } from './service-desk.ts';

/**
 * Knowledge-base answers for the chat, with their variables filled in: `{{order.trackingUrl}}`
 * and the like come from the order as the order system has it now.
 */
export class KnowledgeAnswers implements AnswerPort {
  readonly #knowledge: KnowledgeBase;
  readonly #orders: OrderSystemConnector;

  constructor(knowledge: KnowledgeBase, orders: OrderSystemConnector) {
    this.#knowledge = knowledge;
    this.#orders = orders;
  }

  async answer(
    question: string,
    context: { conversationId: string; language: 'zh' | 'en'; orderId?: string },
  ) {
    const found = await this.#knowledge.answer(question, {
      channel: 'chat',
      language: context.language,
      conversationId: context.conversationId,
    });
    if (!found) return null;
    let text = found.text;
    if (text.includes('{{')) {
      const order = context.orderId ? await currentOrder(this.#orders, context.orderId) : undefined;
      text = renderAnswer(text, { ...(order ? { order } : {}), orderId: context.orderId ?? '' });
    }
    return { text, articleId: found.article.id, score: found.score };
  }

  /**
   * "Did you mean": when the best match is close but not sure (the knowledge base's `suggest`
   * band), the matched questions of up to three articles, for the customer to pick from.
   */
  async suggest(question: string, context: { language: 'zh' | 'en' }) {
    const lookup = await this.#knowledge.lookup(question, {
      channel: 'chat',
      language: context.language,
    });
    if (lookup.band !== 'suggest') return [];
    const seen = new Set<string>();
    return lookup.matches.flatMap((match) => {
      if (seen.has(match.article.id)) return [];
      seen.add(match.article.id);
      return [{ articleId: match.article.id, question: match.question }];
    });
  }
}
