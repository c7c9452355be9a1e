import { Button, Result } from 'antd';
import type { FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

/**
 * What a page that failed to load or draw shows instead of a blank screen or a stack trace:
 * a short reason and a way back. A script of an older build (a deploy while the page was
 * open) is the usual cause, so reloading is offered first.
 */
export function PageFailure({ resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      data-testid="page-failure"
      title={t('app.failed')}
      subTitle={t('app.failedHint')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>,
        <Button key="retry" onClick={resetErrorBoundary}>
          {t('app.retry')}
        </Button>,
      ]}
    />
  );
}
