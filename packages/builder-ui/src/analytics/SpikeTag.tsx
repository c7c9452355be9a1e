import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The red mark of an intent whose last day was at least three times its usual. */
export function SpikeTag({ intent }: { intent: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid={`spike-${intent}`}>
      {t('analytics.spike')}
    </Tag>
  );
}
