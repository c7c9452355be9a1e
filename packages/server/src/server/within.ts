/**
 * Waits for `work` at most `boundMs`: true when it ended in time (resolved or failed: its
 * failure is thrown), false when the bound came first, then it goes on unwatched.
 */
export async function endsWithin(work: Promise<unknown>, boundMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<'cut'>((resolve) => {
    timer = setTimeout(() => resolve('cut'), boundMs);
  });
  try {
    if ((await Promise.race([work, cut])) !== 'cut') return true;
  } finally {
    clearTimeout(timer);
  }
  work.catch(() => undefined);
  return false;
}
