import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Says that the page shows customers' personal data masked: the server masks it for roles that
 * neither operate nor handle conversations (`personalData: 'masked'` on `/api/auth/me`).
 */
export function PersonalDataHint() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('instances.personalDataHiddenHint')}>
      <Tag color="gold" data-testid="personal-data-hidden" tabIndex={0}>
        {t('instances.personalDataHidden')}
      </Tag>
    </Tooltip>
  );
}
