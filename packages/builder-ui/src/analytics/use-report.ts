import { useEffect, useState } from 'react';

/** A report being fetched: the last answer, or the failure, while `loading` says it is on its way. */
export interface ReportState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Fetches a report with `load` whenever its `key` (the filters, as text) changes; an answer
 * to older filters that comes late is dropped. A null key fetches nothing.
 */
export function useReport<T>(key: string | null, load: () => Promise<T>): ReportState<T> {
  const [state, setState] = useState<ReportState<T>>({
    data: undefined,
    error: undefined,
    loading: key !== null,
  });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `key` names everything `load` depends on.
  }, [key]);
  return state;
}
