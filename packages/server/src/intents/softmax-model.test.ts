import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';
import { SoftmaxModel, softmax, withWordDropout, type SparseVector } from './softmax-model.ts';

const vector = (entries: [number, number][]): SparseVector => ({
  indexes: Int32Array.from(entries.map(([index]) => index)),
  values: Float32Array.from(entries.map(([, value]) => value)),
});

/**
 * Three features, two classes: class 0 has features 0 and 1, class 1 features 1 and 2, and
 * class 0 twice as many examples.
 */
const vectors = [
  vector([
    [0, 1],
    [1, 0.5],
  ]),
  vector([[0, 1]]),
  vector([
    [1, 1],
    [2, 1],
  ]),
];
const labels = [0, 0, 1];
const smoothing = 0.5;

/** Naive Bayes by hand: prior × Π p(feature | class)^value, normalised over the classes. */
function byHand(message: SparseVector): number[] {
  const mass = [2.5, 2];
  const counts = [
    [2, 0.5, 0],
    [0, 1, 1],
  ];
  const priors = [(2 + 1) / (3 + 2), (1 + 1) / (3 + 2)];
  const joint = [0, 1].map((k) => {
    let p = priors[k]!;
    message.indexes.forEach((feature, j) => {
      const share = (counts[k]![feature]! + smoothing) / (mass[k]! + smoothing * 3);
      p *= share ** message.values[j]!;
    });
    return p;
  });
  const sum = joint[0]! + joint[1]!;
  return joint.map((p) => p / sum);
}

describe('SoftmaxModel.naiveBayes', () => {
  const model = SoftmaxModel.naiveBayes(vectors, labels, 2, 3, smoothing);

  it('should give the probabilities of multinomial naive Bayes', () => {
    for (const message of [
      vector([[0, 1]]),
      vector([[2, 1]]),
      vector([[1, 1]]),
      vector([
        [0, 0.6],
        [2, 0.8],
      ]),
    ]) {
      const probabilities = softmax(model.scores(message));
      byHand(message).forEach((expected, k) => expect(probabilities[k]).toBeCloseTo(expected, 5));
    }
  });

  it('should weigh a feature a class never had against that class, a shared one by its share', () => {
    expect(softmax(model.scores(vector([[2, 1]])))[1]).toBeGreaterThan(0.65);
    expect(softmax(model.scores(vector([[0, 1]])))[0]).toBeGreaterThan(0.85);
    // Feature 1 is a fifth of class 0's mass and half of class 1's: it leans to class 1.
    const shared = model.scores(vector([[1, 1]]));
    const none = model.scores(vector([]));
    expect(shared[1]! - none[1]!).toBeGreaterThan(shared[0]! - none[0]!);
  });

  it("should centre each feature's weights over the classes, which moves no probability", () => {
    const { weights, classes } = model.toWeights();
    for (let row = 0; row < weights.length; row += classes)
      expect(weights[row]! + weights[row + 1]!).toBeCloseTo(0, 6);
  });

  it('should be restored from its weights like a trained model', () => {
    const restored = SoftmaxModel.fromWeights(model.toWeights());
    const message = vector([
      [0, 0.6],
      [1, 0.8],
    ]);
    expect(Array.from(restored.scores(message))).toEqual(Array.from(model.scores(message)));
  });
});

describe('withWordDropout', () => {
  // Entries 0-2 are word 0, entries 3-4 word 1, entry 5 no word (a concept).
  const message = vector([
    [10, 0.2],
    [11, 0.2],
    [12, 0.2],
    [20, 0.4],
    [21, 0.4],
    [30, 0.8],
  ]);
  const words = Int32Array.from([0, 0, 0, 1, 1, -1]);

  it("should leave out a word's entries together, keep entries of no word, and scale the rest", () => {
    const random = seededRandom(3);
    const seen = new Set<string>();
    for (let step = 0; step < 200; step++) {
      const left = withWordDropout(message, words, 0.5, random);
      const kept = Array.from(left.indexes);
      seen.add(kept.join());
      expect(kept).toContain(30);
      expect([0, 3].includes(kept.filter((index) => index >= 10 && index < 20).length)).toBe(true);
      expect([0, 2].includes(kept.filter((index) => index >= 20 && index < 30).length)).toBe(true);
      left.indexes.forEach((index, j) =>
        expect(left.values[j]).toBeCloseTo(index === 30 ? 0.8 : index < 20 ? 0.4 : 0.8, 6),
      );
    }
    // Each word was kept and left out in some steps: all four combinations came up.
    expect(seen.size).toBe(4);
  });

  it('should then leave out single entries at the feature rate, scaling by both rates', () => {
    const random = seededRandom(5);
    let entries = 0;
    for (let step = 0; step < 200; step++) {
      const left = withWordDropout(message, words, 0.5, random, 0.5);
      entries += left.indexes.length;
      left.indexes.forEach((index, j) =>
        expect(left.values[j]).toBeCloseTo(index === 30 ? 1.6 : index < 20 ? 0.8 : 1.6, 5),
      );
    }
    // Half the words, then half the entries: about a quarter of five entries and half of one.
    expect(entries / 200).toBeGreaterThan(1.4);
    expect(entries / 200).toBeLessThan(2.4);
  });

  it('should change nothing at rate 0', () => {
    const left = withWordDropout(message, words, 0, seededRandom(1));
    expect(Array.from(left.indexes)).toEqual(Array.from(message.indexes));
    expect(Array.from(left.values)).toEqual(Array.from(message.values));
  });
});
