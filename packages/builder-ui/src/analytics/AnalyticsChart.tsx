import { Suspense, lazy } from 'react';
import { Alert, Spin } from 'antd';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import type { ChartOption, ChartText } from './chart-option.ts';

// echarts comes with the first chart drawn, in its own chunk: the page's tables and numbers
// show without waiting for it.
const EChart = lazy(async () => ({ default: (await import('./EChart.tsx')).EChart }));

/**
 * A chart of the analytics page in a box of its own: while echarts loads a spinner, and if it
 * cannot draw (no canvas) a short note instead of a broken page. With `text`, the box is a
 * figure named by its title whose words (a line each, not drawn) stand for the canvas, which
 * screen readers then skip.
 */
export function AnalyticsChart({
  option,
  height = 280,
  testId,
  text,
}: {
  option: ChartOption;
  height?: number;
  testId: string;
  text?: ChartText;
}) {
  const { t } = useTranslation();
  return (
    <div
      data-testid={testId}
      className="analytics-chart"
      style={{ minHeight: height }}
      {...(text ? { role: 'figure', 'aria-label': text.title } : {})}
    >
      {text && (
        <ul className="visually-hidden" data-testid={`${testId}-text`}>
          {text.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      <ErrorBoundary
        fallback={<Alert type="warning" showIcon title={t('analytics.chartFailed')} />}
        resetKeys={[option]}
      >
        <Suspense fallback={<Spin />}>
          <div aria-hidden={text ? true : undefined}>
            <EChart option={option} height={height} />
          </div>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
