import { describe, expect, it } from 'vitest';
import {
  IntentClassifier,
  intentExamples,
  loadIntentDefinitions,
  trainOffThread,
} from '@xiaoer/server/internal';

/**
 * The intent model trained in a worker thread (an operator's new intent is learned while the
 * server goes on answering): the same model as on the server's own thread, and the thread that
 * asked keeps turning meanwhile.
 */
describe('training the intent model off the server thread', () => {
  it('should give the model trained on this thread, without holding this thread', async () => {
    // A few intents' examples: the worker's path is the point, not the model's size.
    const few = new Set(['logistics', 'refund', 'invoice', 'greeting']);
    const examples = intentExamples(await loadIntentDefinitions()).filter((e) => few.has(e.intent));
    expect(new Set(examples.map((e) => e.intent)).size).toBe(few.size);
    const options = { models: 1, epochs: 2 };
    let turns = 0;
    const ticking = setInterval(() => turns++, 1);
    const offThread = await trainOffThread(examples, options);
    clearInterval(ticking);
    // Trained on this thread, no timer could have fired until it returned.
    expect(turns).toBeGreaterThan(0);
    const here = IntentClassifier.train(examples, options);
    for (const text of ['我的快递到哪了', 'I want my money back', '发票怎么开', 'hello there'])
      expect(offThread.classify(text)).toEqual(here.classify(text));
  });
});
