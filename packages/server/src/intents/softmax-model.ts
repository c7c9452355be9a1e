import { seededRandom, shuffled } from './seeded-random.ts';

/** A message as feature indexes with weights (L2-normalised). */
export interface SparseVector {
  indexes: Int32Array;
  values: Float32Array;
}

export interface SoftmaxTraining {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example. */
  l2: number;
  seed: number;
  /** Share of features left out at random from each step (0: none), so no few carry a class. */
  dropout?: number;
  /**
   * Share of words left out at random from each step, all their features together (0: none),
   * before `dropout`: as a new phrasing lacks a word, not some of its letter triples. Needs
   * `words`.
   */
  wordDropout?: number;
  /** For each vector, the word of each of its entries (-1: none, never left out as a word). */
  words?: readonly Int32Array[];
  /** Start from a copy of this model's weights (warm start) instead of zeros. */
  from?: SoftmaxModel;
}

/** A trained model's numbers: enough to store it and restore it exactly. */
export interface SoftmaxWeights {
  classes: number;
  features: number;
  /** Feature-major, `classes × features` long. */
  weights: Float32Array;
  /** One per class. */
  bias: Float64Array;
}

/** Turns scores into probabilities in place, dividing them by a temperature first. */
function softmaxInPlace(values: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]! / temperature);
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    sum += values[i] = Math.exp(values[i]! / temperature - max);
  for (let i = 0; i < values.length; i++) values[i]! /= sum;
  return values;
}

/** Probabilities from scores, divided by a temperature first. */
export function softmax(scores: ArrayLike<number>, temperature = 1): number[] {
  return Array.from(softmaxInPlace(Float64Array.from(scores), temperature));
}

/** The vector with each feature left out at the given rate, the rest scaled up to match. */
function withDropout(vector: SparseVector, rate: number, random: () => number): SparseVector {
  const indexes: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < vector.indexes.length; j++) {
    if (random() < rate) continue;
    indexes.push(vector.indexes[j]!);
    values.push(vector.values[j]! / (1 - rate));
  }
  return { indexes: Int32Array.from(indexes), values: Float32Array.from(values) };
}

/**
 * The vector with each word left out at `wordRate`, all its entries together (`words` gives
 * each entry's word; entries of no word, -1, stay), then each remaining entry at
 * `featureRate`, the rest scaled up to match. One pass for both, with the draws in the order
 * of two passes (every word's first, then the entries').
 */
export function withWordDropout(
  vector: SparseVector,
  words: Int32Array,
  wordRate: number,
  random: () => number,
  featureRate = 0,
): SparseVector {
  const out: boolean[] = [];
  for (let j = 0; j < words.length; j++) {
    const word = words[j]!;
    if (word >= 0 && out[word] === undefined) out[word] = random() < wordRate;
  }
  const indexes: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < vector.indexes.length; j++) {
    const word = words[j]!;
    if (word >= 0 && out[word]) continue;
    if (featureRate > 0 && random() < featureRate) continue;
    indexes.push(vector.indexes[j]!);
    // Rounded to 32 bits between the two scalings, as two passes over stored vectors would.
    const kept = word >= 0 ? Math.fround(vector.values[j]! / (1 - wordRate)) : vector.values[j]!;
    values.push(featureRate > 0 ? kept / (1 - featureRate) : kept);
  }
  return { indexes: Int32Array.from(indexes), values: Float32Array.from(values) };
}

/**
 * A linear model over sparse features (a weight per feature and class, a bias per class,
 * softmax on top). `train` fits it as a multinomial logistic regression, by stochastic
 * gradient descent on the cross-entropy with an L2 penalty, the examples shuffled each epoch
 * by a seeded generator, so training is deterministic; `naiveBayes` counts it instead.
 */
export class SoftmaxModel {
  private constructor(
    readonly classes: number,
    readonly features: number,
    /** Feature-major: the weights of one feature for every class sit side by side. */
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  static train(
    vectors: readonly SparseVector[],
    labels: readonly number[],
    classes: number,
    features: number,
    options: SoftmaxTraining,
  ): SoftmaxModel {
    const model = new SoftmaxModel(
      classes,
      features,
      options.from ? Float32Array.from(options.from.weights) : new Float32Array(classes * features),
      options.from ? Float64Array.from(options.from.bias) : new Float64Array(classes),
    );
    const random = seededRandom(options.seed);
    const order = vectors.map((_, i) => i);
    const buffer = new Float64Array(classes);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const rate = options.learningRate / (1 + epoch * 0.1);
      for (const i of shuffled(order, random)) {
        const vector = vectors[i] as SparseVector;
        const words = options.words?.[i];
        const seen =
          options.wordDropout && words
            ? withWordDropout(vector, words, options.wordDropout, random, options.dropout)
            : options.dropout
              ? withDropout(vector, options.dropout, random)
              : vector;
        model.step(seen, labels[i] as number, rate, buffer);
      }
      // The L2 penalty once per epoch over all weights: cheaper than per step, same pull.
      const shrink = Math.max(1 - rate * options.l2 * vectors.length, 0);
      const weights = model.weights;
      for (let w = 0; w < weights.length; w++) weights[w]! *= shrink;
    }
    return model;
  }

  /**
   * Multinomial naive Bayes over the same vectors, written as a model of this shape: a class's
   * weight for a feature is the log of the feature's smoothed share of that class's feature
   * mass (`smoothing` added to every count), its bias the log of the class's share of the
   * examples. One pass over the data, no shuffles: the same examples give the same model.
   * Each feature's weights are centred over the classes, which leaves every probability as it
   * is (a message adds the same amount to all classes) and keeps the numbers small.
   */
  static naiveBayes(
    vectors: readonly SparseVector[],
    labels: readonly number[],
    classes: number,
    features: number,
    smoothing: number,
  ): SoftmaxModel {
    const weights = new Float32Array(classes * features);
    const mass = new Float64Array(classes);
    const examples = new Float64Array(classes);
    vectors.forEach(({ indexes, values }, i) => {
      const label = labels[i] as number;
      examples[label]! += 1;
      for (let j = 0; j < indexes.length; j++) {
        weights[indexes[j]! * classes + label]! += values[j]!;
        mass[label]! += values[j]!;
      }
    });
    const logTotals = Array.from(mass, (total) => Math.log(total + smoothing * features));
    for (let row = 0; row < weights.length; row += classes) {
      let mean = 0;
      for (let k = 0; k < classes; k++) {
        weights[row + k] = Math.log(weights[row + k]! + smoothing) - logTotals[k]!;
        mean += weights[row + k]! / classes;
      }
      for (let k = 0; k < classes; k++) weights[row + k]! -= mean;
    }
    const bias = Float64Array.from(examples, (count) =>
      Math.log((count + 1) / (vectors.length + classes)),
    );
    return new SoftmaxModel(classes, features, weights, bias);
  }

  /** The model as it was trained (not a copy: do not change the arrays). */
  toWeights(): SoftmaxWeights {
    const { classes, features, weights, bias } = this;
    return { classes, features, weights, bias };
  }

  /** A model from stored weights; a `RangeError` when their lengths do not fit. */
  static fromWeights({ classes, features, weights, bias }: SoftmaxWeights): SoftmaxModel {
    if (bias.length !== classes || weights.length !== classes * features)
      throw new RangeError('The stored weights do not fit the model');
    return new SoftmaxModel(classes, features, weights, bias);
  }

  /** One raw score per class. */
  scores(vector: SparseVector, into: Float64Array = new Float64Array(this.classes)): Float64Array {
    const { indexes, values } = vector;
    const { weights, classes } = this;
    into.set(this.bias);
    for (let j = 0; j < indexes.length; j++) {
      const row = indexes[j]! * classes;
      const value = values[j]!;
      for (let k = 0; k < classes; k++) into[k]! += weights[row + k]! * value;
    }
    return into;
  }

  private step(vector: SparseVector, label: number, rate: number, buffer: Float64Array): void {
    const probabilities = softmaxInPlace(this.scores(vector, buffer));
    const { indexes, values } = vector;
    const { weights, classes } = this;
    for (let k = 0; k < classes; k++) {
      // The gradient of the cross-entropy, scaled by the rate, reused for every feature.
      probabilities[k] = rate * (probabilities[k]! - (k === label ? 1 : 0));
      this.bias[k]! -= probabilities[k]!;
    }
    for (let j = 0; j < indexes.length; j++) {
      const row = indexes[j]! * classes;
      const value = values[j]!;
      for (let k = 0; k < classes; k++) weights[row + k]! -= probabilities[k]! * value;
    }
  }
}
