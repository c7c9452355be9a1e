import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cachedIntentClassifier,
  IntentClassifier,
  intentExamples,
  loadIntentDefinitions,
  socialIntentsOf,
  type IntentExample,
} from '@xiaoer/server/internal';

type IntentModelMember = ReturnType<IntentClassifier['snapshot']>['members'][number];

/**
 * What a model's members learned, each weight matrix as the hash of its bytes: equal exactly
 * when every weight is (Vitest's deep equality over a million weights took two seconds).
 */
const learned = (members: readonly IntentModelMember[]) =>
  members.map(({ temperature, model: { weights, bias, ...shape } }) => ({
    temperature,
    ...shape,
    bias: [...bias],
    weights: createHash('sha256')
      .update(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength))
      .digest('hex'),
  }));

/** Phrasings written for this test: none of them is a training utterance (checked below). */
const unseen: [string, string][] = [
  ['我的快递到哪了 订单号 A10023', 'logistics'],
  ['包裹走到哪一步了？', 'logistics'],
  ['where is my parcel, order A10023', 'logistics'],
  ['我想改一下收货地址', 'changeAddress'],
  ['I need to update the shipping address on my order', 'changeAddress'],
  ['帮我转个人工吧', 'human'],
  ['let me talk to a real human please', 'human'],
  ['I want my money back', 'refund'],
  ['退款怎么还没到 都五天了', 'refundStatus'],
  ['订单A10023能不能取消', 'cancelOrder'],
  ['please cancel order 2024112300123', 'cancelOrder'],
  ['发票抬头能写我们公司吗', 'invoice'],
  ['can you email me a VAT invoice', 'invoice'],
  ['衣服太小了想换个L码', 'exchange'],
  ['这个是什么材质的呀', 'productQuestion'],
  ['有没有满减券可以领', 'coupon'],
  ['付款一直失败 怎么回事', 'paymentProblem'],
  ['my card keeps getting declined at checkout', 'paymentProblem'],
  ['你们客服态度太差了 我要投诉', 'complaint'],
  ['谢谢亲 辛苦了', 'thanks'],
  ['thanks a lot, bye', 'thanks'],
  ['订单怎么还没发货', 'deliveryTime'],
  ['你们招不招兼职', 'other'],
  ['我要退货 订单A10023', 'returnExchange'],
  ['I want to send these shoes back and return them', 'returnExchange'],
  ['I would like compensation for the broken blender', 'refund'],
  ['包裹被压坏了', 'logisticsProblem'],
  ['my parcel got lost', 'logisticsProblem'],
  ['这件羽绒服还有货吗', 'stock'],
  ['一米七穿什么码', 'sizeSpec'],
  ['能开个电子发票吗 tk也要', 'invoice'],
  ['can I get a receipt for my purchase', 'invoice'],
  ['账号被锁了登不上', 'account'],
  ['吹风机坏了 能保修吗', 'warranty'],
  ['下单后能把颜色改成白色吗', 'modifyOrder'],
  ['你是机器人吧 讲个笑话', 'chitChat'],
];

/** Not the shop's business: the answer is `unknown`, with no intent forced on it. */
const outOfScope = ['帮我订一张去上海的机票', 'what is the capital of spain', '红烧鱼怎么做好吃'];

describe('IntentClassifier', () => {
  let examples: IntentExample[];
  /**
   * The shipped intents' model with the default settings: the one `npm install` trained and
   * stored (`intent-model-cache.ts`, as a server start reads it), trained here only when it is
   * not stored. That the stored model answers as the classifier it was stored from, and that
   * its name changes with the examples, settings and code, is `intent-model-cache.test.ts`'s.
   * The threshold and social intents only decide answers, not what training learns, so the
   * tests of those restore this model with their own instead of training it again.
   */
  let classifier: IntentClassifier;
  /**
   * Every sixteenth example, to keep the tests of training short: what training does with
   * its options (determinism, calibration, the naive Bayes member) shows on these as on all.
   */
  let some: IntentExample[];
  /** Trained on {@link some} with the default settings, once for the tests that compare it. */
  let someTrained: IntentClassifier;

  beforeAll(async () => {
    examples = intentExamples(await loadIntentDefinitions());
    classifier = await cachedIntentClassifier(examples);
    some = examples.filter((_, i) => i % 16 === 0);
    someTrained = IntentClassifier.train(some);
  });

  it('should be tested on phrasings it was not trained on', () => {
    const trained = new Set(examples.map((example) => example.text));
    expect(unseen.filter(([text]) => trained.has(text))).toEqual([]);
  });

  it.each(unseen)('should read %j as %s', (text, intent) => {
    const result = classifier.classify(text);
    expect(result.intent).toBe(intent);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each(outOfScope)('should answer %j as unknown', (text) => {
    const result = classifier.classify(text);
    expect(result.intent).toBe('unknown');
    expect(result.top.map((score) => score.intent)).not.toContain('unknown');
  });

  it('should bring the order number and the language with the intent', () => {
    const result = classifier.classify('我的快递到哪了 订单号 A10023');
    expect(result.entities.orderNumbers).toEqual(['A10023']);
    expect(result.language).toBe('zh');
    expect(classifier.classify('I want my money back').language).toBe('en');
  });

  it.each(['', '   ', '😀😀😀', '🙏👍', 'asdkjh qwpoe zzxv', '？？？', 'ข้อความภาษาไทย'])(
    'should answer unknown for %j',
    (text) => {
      expect(classifier.classify(text).intent).toBe('unknown');
    },
  );

  it('should answer unknown below its threshold and keep the best guess in top', () => {
    const strict = IntentClassifier.restore(classifier.snapshot(), { threshold: 0.999 });
    const result = strict.classify('东西坏了');
    expect(result.intent).toBe('unknown');
    expect(result.top[0]?.confidence).toBe(result.confidence);
  });

  it('should answer a message sure to be business with its likeliest intent under the threshold', async () => {
    const definitions = await loadIntentDefinitions();
    const plain = IntentClassifier.restore(classifier.snapshot(), { threshold: 0.8 });
    const sided = IntentClassifier.restore(classifier.snapshot(), {
      threshold: 0.8,
      socialIntents: socialIntentsOf(definitions),
    });
    // Goods broken: a refund or a repair under warranty, under 0.8 each, business for sure.
    const alone = plain.classify('东西坏了');
    expect(alone.intent).toBe('unknown');
    expect(alone.confidence).toBeLessThan(0.8);
    expect(alone.confidence).toBeGreaterThanOrEqual(0.4);
    expect(sided.classify('东西坏了').intent).toBe(alone.top[0]?.intent);
    // A guess under half the threshold stays unknown, however sure the side.
    const vague = sided.classify('something about my stuff');
    expect(vague.confidence).toBeLessThan(0.4);
    expect(vague.intent).toBe('unknown');
  });

  it('should give confidences within [0, 1] with the top list sorted', () => {
    for (const [text] of unseen) {
      const { top, confidence } = classifier.classify(text);
      expect(top).toHaveLength(3);
      expect(confidence).toBe(top[0]?.confidence);
      for (const [i, score] of top.entries()) {
        expect(score.confidence).toBeGreaterThanOrEqual(0);
        expect(score.confidence).toBeLessThanOrEqual(1);
        if (i > 0) expect(score.confidence).toBeLessThanOrEqual(top[i - 1]?.confidence ?? 1);
      }
    }
  });

  it('should train the same model from the same examples and seed', () => {
    const again = IntentClassifier.train(some);
    const [mine, first] = [again.snapshot(), someTrained.snapshot()];
    // Every weight and temperature of every member, the vocabulary and the intents.
    expect(learned(mine.members)).toEqual(learned(first.members));
    expect([mine.intents, mine.vocabulary]).toEqual([first.intents, first.vocabulary]);
    for (const [text] of unseen) {
      expect(again.classify(text)).toEqual(someTrained.classify(text));
    }
  });

  it('should fit a temperature to each of its four models from cross-validation, and 1 without it', () => {
    expect(classifier.temperatures).toHaveLength(4);
    for (const temperature of classifier.temperatures) {
      expect(temperature).toBeGreaterThan(0);
      expect(temperature).not.toBe(1);
    }
    const uncalibrated = IntentClassifier.train(some, { calibrationFolds: 0 });
    expect(uncalibrated.temperatures).toEqual([1, 1, 1, 1]);
  });

  it("should answer with the mean of its models' calibrated probabilities", () => {
    const { members, ...rest } = classifier.snapshot();
    // Each model alone, with its own temperature.
    const alone = members.map((member) => IntentClassifier.restore({ ...rest, members: [member] }));
    const seeds = new Set(members.map((member) => member.model.weights.slice(0, 2000).join()));
    expect(seeds.size).toBe(4);
    for (const [text] of unseen.slice(0, 5)) {
      const confidences = alone.map(
        (model) => new Map(model.rank(text).map((s) => [s.intent, s.confidence])),
      );
      for (const { intent, confidence } of classifier.rank(text)) {
        const mean = confidences.reduce((sum, map) => sum + (map.get(intent) ?? 0), 0) / 4;
        expect(confidence).toBeCloseTo(mean, 12);
      }
    }
  });

  it('should add a naive Bayes model to the three softmax models, and leave them as they are', () => {
    const softmaxOnly = IntentClassifier.train(some, { naiveBayes: false }).snapshot().members;
    const withBayes = someTrained.snapshot().members;
    expect(softmaxOnly).toHaveLength(3);
    expect(withBayes).toHaveLength(4);
    expect(learned(withBayes.slice(0, 3))).toEqual(learned(softmaxOnly));
    // The fourth counts rather than learns: no shuffles, no dropout, so another seed changes
    // the softmax models and leaves its weights as they are (the seed also picks the
    // calibration fold, hence its temperature).
    const reseeded = IntentClassifier.train(some, { seed: 7 }).snapshot().members;
    const [bayes, reseededBayes] = [withBayes, reseeded].map((members) => learned(members)[3]);
    expect({ ...reseededBayes, temperature: 1 }).toEqual({ ...bayes, temperature: 1 });
    expect(learned(reseeded)[0]?.weights).not.toBe(learned(withBayes)[0]?.weights);
    const { members } = classifier.snapshot();
    // Alone, it reads a customer's message as the mean does.
    const alone = IntentClassifier.restore({ ...classifier.snapshot(), members: [members[3]!] });
    expect(alone.rank('I want my money back')[0]?.intent).toBe('refund');
    expect(alone.rank('我的快递到哪了')[0]?.intent).toBe('logistics');
  });

  it('should not understand gibberish, and still read a typo among known words', () => {
    for (const text of ['qwzx plorf', 'blarg snoo', 'zzqx blorp'])
      expect(classifier.classify(text).intent).toBe('unknown');
    expect(classifier.classify('where is my pakcage').intent).not.toBe('unknown');
  });

  it('should keep the default for an option given as undefined', () => {
    const given = IntentClassifier.train(some, {
      threshold: undefined,
      epochs: undefined,
      seed: undefined,
      calibrationFolds: undefined,
    });
    expect(learned(given.snapshot().members)).toEqual(learned(someTrained.snapshot().members));
    // An undefined threshold would answer every message unknown (no confidence is >= it).
    expect(given.classify('转人工').intent).toBe('human');
    for (const [text] of unseen) expect(given.classify(text)).toEqual(someTrained.classify(text));
  });

  it('should refuse to train on fewer than two intents', () => {
    const one = examples.filter((example) => example.intent === 'refund');
    expect(() => IntentClassifier.train(one)).toThrow(RangeError);
  });
});
