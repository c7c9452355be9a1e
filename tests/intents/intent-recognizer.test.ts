import { describe, expect, it } from 'vitest';
import { LocalizedError } from '@xiaoer/server';
import {
  FallbackClassifier,
  IntentClassifier,
  createIntentRecognizer,
  type IntentProviderError,
} from '@xiaoer/server/internal';

describe('createIntentRecognizer', () => {
  it('should train the local model from the shipped intents by default', async () => {
    const recognizer = await createIntentRecognizer();
    expect(recognizer).toBeInstanceOf(IntentClassifier);
    const result = await recognizer.classify('我想改一下收货地址');
    expect(result.intent).toBe('changeAddress');
  });

  it('should average three softmax models and naive Bayes by default, as many softmax models as the configuration says', async () => {
    const shipped = (await createIntentRecognizer()) as IntentClassifier;
    expect(shipped.snapshot().members).toHaveLength(4);
    const one = (await createIntentRecognizer({ models: 1 })) as IntentClassifier;
    expect(one.snapshot().members).toHaveLength(2);
    expect(one.temperatures).toEqual([shipped.temperatures[0], shipped.temperatures[3]]);
    expect((await one.classify('我想改一下收货地址')).intent).toBe('changeAddress');
  });

  it("should find the shop's order numbers with its own pattern", async () => {
    const recognizer = await createIntentRecognizer({ orderNumberPattern: 'XE-\\d{6}' });
    const result = await recognizer.classify('订单XE-123456到哪了');
    expect(result.entities.orderNumbers).toEqual(['XE-123456']);
  });

  it('should refuse an order number pattern that is not a regular expression', async () => {
    await expect(createIntentRecognizer({ orderNumberPattern: '(' })).rejects.toThrow(
      LocalizedError,
    );
  });

  it('should fall back to the local model when the configured endpoint is unreachable', async () => {
    const reasons: IntentProviderError[] = [];
    const recognizer = await createIntentRecognizer(
      { llm: { baseUrl: 'http://127.0.0.1:1/v1', model: 'none', timeoutMs: 1000 } },
      (reason) => reasons.push(reason),
    );
    expect(recognizer).toBeInstanceOf(FallbackClassifier);
    const result = await recognizer.classify('转人工');
    expect(result).toMatchObject({ intent: 'human', source: 'fallback' });
    expect(reasons.map((reason) => reason.code)).toEqual(['unreachable']);
  });
});
