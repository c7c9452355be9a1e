import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { renderAnswer } from '../knowledge/knowledge-base.ts';
import type { OrderSystemConnector } from '../connectors/connector.types.ts';
import { currentOrder } from './current-order.ts';
import { ownsOrder } from './order-owner.ts';
import type { AnswerPort, AskingCustomer } from './service-desk.ts';

/**
 * Knowledge-base answers for the chat, with their variables filled in: `{{order.trackingUrl}}`
 * and the like come from the order as the order system has it now, for its verified owner only
 * (anyone can name an order number in a chat).
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
    context: {
      conversationId: string;
      language: 'zh' | 'en';
      customer: AskingCustomer;
      orderId?: string;
    },
  ) {
    const found = await this.#knowledge.answer(question, {
      channel: 'chat',
      language: context.language,
      conversationId: context.conversationId,
    });
    if (!found) return null;
    const text = await this.#rendered(found.text, context);
    return { text, articleId: found.article.id, score: found.score };
  }

  /**
   * The answer of one article, chosen by an intent's action when the search found none: only a
   * published article, valid now, for the chat, with an answer in (or else besides) the language.
   */
  async answerArticle(
    articleId: string,
    context: { language: 'zh' | 'en'; customer: AskingCustomer; orderId?: string },
  ) {
    // From the index (published ones only, as fresh as the search's answers): no store read.
    const article = await this.#knowledge.published(articleId);
    const now = new Date().toISOString();
    if (!article || article.status !== 'published') return null;
    if (article.channels.length > 0 && !article.channels.includes('chat')) return null;
    if ((article.validFrom && article.validFrom > now) || (article.validUntil ?? now) < now)
      return null;
    const text = article.answer[context.language] ?? article.answer.zh ?? article.answer.en;
    if (!text) return null;
    return { text: await this.#rendered(text, context), articleId };
  }

  /**
   * `{{order.trackingUrl}}` and the like, from the order as the order system has it now, when
   * the customer owns it; for anyone else the answer reads as if no order were known.
   */
  async #rendered(
    text: string,
    { customer, orderId }: { customer: AskingCustomer; orderId?: string },
  ): Promise<string> {
    if (!text.includes('{{')) return text;
    const found =
      orderId && customer.verified ? await currentOrder(this.#orders, orderId) : undefined;
    const order = found && ownsOrder(customer, found) ? found : undefined;
    // `{{order.id}}` is the number the customer named unless the order system gives an `id`.
    return renderAnswer(text, {
      ...(order ? { order: { id: orderId, ...order } } : {}),
      orderId: orderId ?? '',
    });
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
