/** One held-out message: the true intent, the predicted one and the confidence in it. */
export interface Prediction {
  expected: string;
  predicted: string;
  confidence: number;
}

export interface IntentScores {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function accuracy(predictions: readonly Prediction[]): number {
  return predictions.filter((p) => p.expected === p.predicted).length / predictions.length;
}

/** Precision, recall and F1 of each intent (a one-vs-rest count). */
export function perIntentScores(
  predictions: readonly Prediction[],
  intents: readonly string[],
): IntentScores[] {
  return intents.map((intent) => {
    const truePositives = predictions.filter(
      (p) => p.expected === intent && p.predicted === intent,
    ).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    const precision = predicted ? truePositives / predicted : 0;
    const recall = support ? truePositives / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { intent, precision, recall, f1, support };
  });
}

export function macroF1(scores: readonly IntentScores[]): number {
  return scores.reduce((sum, score) => sum + score.f1, 0) / scores.length;
}

/**
 * Expected calibration error: predictions put in `bins` equal-width confidence bins; the
 * mean gap between a bin's confidence and its accuracy, weighted by the bin's size.
 */
export function expectedCalibrationError(predictions: readonly Prediction[], bins = 10): number {
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    const members = predictions.filter(
      (p) => Math.min(Math.floor(p.confidence * bins), bins - 1) === bin,
    );
    if (members.length === 0) continue;
    const confidence = members.reduce((sum, p) => sum + p.confidence, 0) / members.length;
    error += (members.length / predictions.length) * Math.abs(confidence - accuracy(members));
  }
  return error;
}

/** Counts of [expected][predicted]. */
export function confusion(
  predictions: readonly Prediction[],
  intents: readonly string[],
): number[][] {
  const table = intents.map(() => intents.map(() => 0));
  for (const p of predictions) {
    const row = table[intents.indexOf(p.expected)];
    const column = intents.indexOf(p.predicted);
    if (row && column >= 0) row[column] = (row[column] ?? 0) + 1;
  }
  return table;
}

/** The value below which `fraction` of the sorted samples fall. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
