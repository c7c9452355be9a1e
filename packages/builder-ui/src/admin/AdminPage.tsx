import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersTab } from './UsersTab.tsx';
import { SkillGroupsTab } from './SkillGroupsTab.tsx';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { DeadLettersTab } from './DeadLettersTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { ConnectionsTab } from './ConnectionsTab.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';

/**
 * Administration: users and roles (with their agent profiles), skill groups, API keys, sources and channels (with a test send), dead
 * letters with retry, the audit log. Operators see the sources only (they add webhook senders
 * and rotate their secrets).
 */
export function AdminPage({
  onOpenInstance,
  isAdmin = true,
}: {
  onOpenInstance: (id: string) => void;
  isAdmin?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="admin-page">
      <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      {!isAdmin ? (
        <SourcesPanel />
      ) : (
        <Tabs
          items={[
            { key: 'users', label: t('admin.users'), children: <UsersTab /> },
            {
              key: 'skill-groups',
              label: <span data-testid="admin-skill-groups-tab">{t('admin.skillGroups')}</span>,
              children: <SkillGroupsTab />,
            },
            { key: 'keys', label: t('admin.apiKeys'), children: <ApiKeysTab /> },
            {
              key: 'connections',
              label: <span data-testid="admin-connections-tab">{t('sources.tab')}</span>,
              children: <ConnectionsTab />,
            },
            {
              key: 'dead',
              label: <span data-testid="admin-dead-tab">{t('admin.deadLetters')}</span>,
              children: <DeadLettersTab canOperate onOpenInstance={onOpenInstance} />,
            },
            {
              key: 'audit',
              label: <span data-testid="admin-audit-tab">{t('admin.audit')}</span>,
              children: <AuditTab />,
            },
          ]}
        />
      )}
    </div>
  );
}
