/**
 * A deadline to race against something that must end by itself (a process that exits, a stop
 * that ends at its bound): resolves with `label` after `ms` of real time, so the test can say
 * what did not end instead of timing out. Not a wait for a condition (those poll).
 */
export function deadline<T extends string>(ms: number, label: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(label), ms).unref());
}
