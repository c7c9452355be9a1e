/** Scores of held-out messages with the index of their true class. */
export interface ScoredExample {
  scores: ArrayLike<number>;
  label: number;
}

/** −log softmax(scores / T)[label], computed as log-sum-exp without building the vector. */
function negativeLogProbability({ scores, label }: ScoredExample, temperature: number): number {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) max = Math.max(max, scores[k]! / temperature);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) sum += Math.exp(scores[k]! / temperature - max);
  return max + Math.log(sum) - scores[label]! / temperature;
}

function negativeLogLikelihood(examples: readonly ScoredExample[], temperature: number): number {
  let total = 0;
  for (const example of examples) total += negativeLogProbability(example, temperature);
  return total / examples.length;
}

/**
 * Temperature scaling (Guo et al., 2017): the one temperature T that makes softmax(scores / T)
 * fit held-out answers best (least negative log-likelihood). It changes how sure the model
 * says it is, never which intent comes first. Searched on a log grid from 0.05 to 20, then
 * refined around the best point.
 */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  if (examples.length === 0) return 1;
  let best = 1;
  let bestLoss = negativeLogLikelihood(examples, 1);
  const consider = (temperature: number) => {
    const loss = negativeLogLikelihood(examples, temperature);
    if (loss < bestLoss) [best, bestLoss] = [temperature, loss];
  };
  for (let exponent = -3; exponent <= 3; exponent += 0.1) consider(Math.exp(exponent));
  const coarse = best;
  for (let factor = 0.9; factor <= 1.1; factor += 0.01) consider(coarse * factor);
  return best;
}
