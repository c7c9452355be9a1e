import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/admin-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';

/**
 * A user's login lock (too many failed logins, `http.loginLockout`): until when it lasts, and
 * Unlock, which ends it now; a dash while the user name is not locked.
 */
export function LoginLockCell({ user, onUnlock }: { user: UserView; onUnlock: () => void }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  if (!user.loginLockedUntil) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size="small">
      <Tooltip title={t('admin.lockedHint')}>
        <Tag color="red" data-testid={`user-locked-${user.id}`}>
          {t('admin.lockedUntil', { at: formatDateTime(user.loginLockedUntil, language) })}
        </Tag>
      </Tooltip>
      <Popconfirm title={t('admin.unlockConfirm', { id: user.id })} onConfirm={onUnlock}>
        <Button size="small" data-testid={`user-unlock-${user.id}`}>
          {t('admin.unlock')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
