import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';

/** A failed report: the API's own zh/en message, in the language shown. */
export function ApiErrorAlert({ error, testId }: { error: unknown; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error, languageOf(i18n.language))}
    />
  );
}
