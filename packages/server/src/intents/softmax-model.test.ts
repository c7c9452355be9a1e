import { describe, expect, it } from 'vitest';
import { SoftmaxModel, softmax, type SparseVector } from './softmax-model.ts';

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
