import type { HTMLAttributes } from 'react';

/** A table row's props naming it for the browser tests (`onRow={(r) => rowTestId(…)}`). */
export const rowTestId = (testId: string) =>
  ({ 'data-testid': testId }) as HTMLAttributes<HTMLElement>;
