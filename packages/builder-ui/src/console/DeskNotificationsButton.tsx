import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks the browser for notifications, until the agent answered (then it is gone). */
export function DeskNotificationsButton() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  if (permission !== 'default') return null;
  return (
    <Button
      size="small"
      data-testid="desk-notifications"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t('desk.enableNotifications')}
    </Button>
  );
}
