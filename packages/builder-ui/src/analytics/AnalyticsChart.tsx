import { Suspense, lazy } from 'react';
import { Alert, Spin } from 'antd';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './chart-option.ts';

// echarts comes with the first chart drawn, in its own chunk: the page's tables and numbers
// show without waiting for it.
const EChart = lazy(async () => ({ default: (await import('./EChart.tsx')).EChart }));

/**
 * A chart of the analytics page in a box of its own: while echarts loads a spinner, and if it
 * cannot draw (no canvas) a short note instead of a broken page.
 */
export function AnalyticsChart({
  option,
  height = 280,
  testId,
}: {
  option: ChartOption;
  height?: number;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} className="analytics-chart" style={{ minHeight: height }}>
      <ErrorBoundary
        fallback={<Alert type="warning" showIcon title={t('analytics.chartFailed')} />}
        resetKeys={[option]}
      >
        <Suspense fallback={<Spin />}>
          <EChart option={option} height={height} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
