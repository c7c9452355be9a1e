import { SERVICE_OPERATION_PREFIX, SERVICE_OPERATIONS, type JsonObject } from '@xiaoer/engine';
import type { CallOutcome, OrderSystemConnector } from '../connectors/connector.types.ts';
import type { ServiceDesk } from './service-desk.ts';

/**
 * The order-system connector journeys call, with Xiaoer's own services in front: calls named
 * `xiaoer.*` (the classifyIntent, answerFromKnowledgeBase and handoffToAgent nodes) are
 * answered by the service desk, the rest go to the shop's order system.
 */
export class ServiceOperations implements OrderSystemConnector {
  readonly #orders: OrderSystemConnector;
  #desk: ServiceDesk | undefined;

  constructor(orders: OrderSystemConnector) {
    this.#orders = orders;
  }

  /** The desk is made after the connectors (it needs the runtime they feed). */
  attach(desk: ServiceDesk): void {
    this.#desk = desk;
  }

  async call(
    operation: string,
    args: JsonObject,
    options: { idempotencyKey: string; timeoutMs?: number },
  ): Promise<CallOutcome> {
    if (!operation.startsWith(SERVICE_OPERATION_PREFIX))
      return this.#orders.call(operation, args, options);
    const desk = this.#desk;
    if (!desk) return failure('not-ready', 'The service desk is not running yet', true);
    const text = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : '');
    switch (operation) {
      case SERVICE_OPERATIONS.classifyIntent: {
        const recognised = await desk.classify(text('text'));
        return { ok: true, data: { intent: recognised.intent, confidence: recognised.confidence } };
      }
      case SERVICE_OPERATIONS.answerFromKnowledgeBase: {
        const answer = await desk.answerInChat(text('conversationId'), text('question'));
        return {
          ok: true,
          data: answer
            ? { answered: true, articleId: answer.articleId, score: answer.score }
            : { answered: false },
        };
      }
      case SERVICE_OPERATIONS.handoffToAgent: {
        // `<instance>/<node>#<visit>:service`: the journey and node that hand over.
        const [instanceId = '', rest = ''] = options.idempotencyKey.split('/');
        const handed = await desk.handOffFromJourney(text('conversationId'), {
          group: text('group'),
          priority: typeof args['priority'] === 'number' ? args['priority'] : 0,
          journey: { instanceId, nodeId: rest.split('#')[0] ?? '' },
        });
        return handed
          ? { ok: true, data: { handoffId: handed } }
          : failure('unknown-conversation', `No open conversation "${text('conversationId')}"`);
      }
      default:
        return failure('unknown-operation', `Xiaoer has no service "${operation}"`);
    }
  }
}

const failure = (code: string, message: string, retryable = false): CallOutcome => ({
  ok: false,
  retryable,
  error: { code, message },
});
