import { useState } from 'react';
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { analyticsApi, type ExportFilter, type ExportTable } from './analytics-api.ts';
import { ConsoleIcon } from '../app/ConsoleIcon.tsx';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** Downloads the server's CSV of a table, filtered as the table is; a refusal shows in zh/en. */
export function ExportButton({ table, filter }: { table: ExportTable; filter: ExportFilter }) {
  const { t, i18n } = useTranslation();
  const message = useConsoleMessage();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const csv = await analyticsApi.exportCsv(table, filter);
      const link = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(csv),
        download: `${table}-${filter.date ?? `${filter.from}_${filter.to}`}.csv`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      void message.error(
        t('analytics.exportFailed', { reason: errorText(error, languageOf(i18n.language)) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<ConsoleIcon icon={DownloadOutlined} />}
      loading={busy}
      data-testid={`export-${table}`}
      onClick={() => void download()}
    >
      {t('analytics.export')}
    </Button>
  );
}
