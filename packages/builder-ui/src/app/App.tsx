import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { EllipsisOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from 'react-error-boundary';
import { api, currentUser, type Me } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';
import { LoginPage } from '../pages/LoginPage.tsx';
import { WorkflowsPage } from '../pages/WorkflowsPage.tsx';
import { InstancesPage } from '../console/InstancesPage.tsx';
import { useHashRoute } from './use-hash-route.ts';
import { PageFailure } from './PageFailure.tsx';
import { ConsoleConfig } from './ConsoleConfig.tsx';
import { ConsoleIcon } from './ConsoleIcon.tsx';

const EDITORS = ['admin', 'operator'];
const AGENTS = ['admin', 'operator', 'agent'];

// The canvas, forms, rule builder and engine load with the first page that draws a journey:
// the login page and the lists come up without them.
const EditorPage = lazy(async () => ({
  default: (await import('../editor/EditorPage.tsx')).EditorPage,
}));
const InstancePage = lazy(async () => ({
  default: (await import('../console/InstancePage.tsx')).InstancePage,
}));
const AgentInboxPage = lazy(async () => ({
  default: (await import('../console/AgentInboxPage.tsx')).AgentInboxPage,
}));
const KnowledgePage = lazy(async () => ({
  default: (await import('../console/KnowledgePage.tsx')).KnowledgePage,
}));
// The charts (echarts) load with the analytics page only.
const AnalyticsPage = lazy(async () => ({
  default: (await import('../analytics/AnalyticsPage.tsx')).AnalyticsPage,
}));
const EventsPage = lazy(async () => ({
  default: (await import('../console/EventsPage.tsx')).EventsPage,
}));
const QualityPage = lazy(async () => ({
  default: (await import('../console/QualityPage.tsx')).QualityPage,
}));
const QuickRepliesPage = lazy(async () => ({
  default: (await import('../console/QuickRepliesPage.tsx')).QuickRepliesPage,
}));
const AdminPage = lazy(async () => ({
  default: (await import('../admin/AdminPage.tsx')).AdminPage,
}));

/** The console: login, then the journeys and the editor; Chinese or English, switchable. */
export function App() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [me, setMe] = useState<Me | null>();
  const [route, go] = useHashRoute();
  const refresh = useCallback(() => void currentUser().then(setMe, () => setMe(null)), []);
  useEffect(refresh, [refresh]);
  // Screen readers, fonts and the browser's translate offer follow the language shown.
  useEffect(() => {
    document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  }, [language]);
  const canEdit = EDITORS.includes(me?.role ?? '');
  return (
    <ConsoleConfig language={language}>
      <AntApp>
        <Layout className="shell">
          <Layout.Header className="shell-header">
            {/* The menu takes the room the title and the account's controls leave: on a narrow
                window the sections that do not fit go under its "more" item, and the language
                switch and logout stay on screen. */}
            <div className="shell-nav">
              <Typography.Text strong className="shell-title">
                {t('app.title')}
              </Typography.Text>
              {me && (
                <Menu
                  theme="dark"
                  mode="horizontal"
                  className="shell-menu"
                  overflowedIndicator={
                    <span data-testid="nav-more" aria-label={t('app.moreSections')}>
                      <ConsoleIcon icon={EllipsisOutlined} />
                    </span>
                  }
                  selectedKeys={[
                    route.screen === 'instance'
                      ? 'instances'
                      : route.screen === 'editor'
                        ? 'workflows'
                        : route.screen,
                  ]}
                  onClick={({ key }) =>
                    go({
                      screen: key as
                        | 'workflows'
                        | 'instances'
                        | 'events'
                        | 'inbox'
                        | 'knowledge'
                        | 'analytics'
                        | 'quality'
                        | 'quick-replies'
                        | 'admin',
                    })
                  }
                  items={[
                    { key: 'workflows', label: t('app.journeys') },
                    {
                      key: 'instances',
                      label: <span data-testid="nav-instances">{t('instances.nav')}</span>,
                    },
                    {
                      key: 'events',
                      label: <span data-testid="nav-events">{t('events.nav')}</span>,
                    },
                    ...(AGENTS.includes(me.role ?? '')
                      ? [
                          {
                            key: 'inbox',
                            label: <span data-testid="nav-inbox">{t('inbox.nav')}</span>,
                          },
                        ]
                      : []),
                    {
                      key: 'knowledge',
                      label: <span data-testid="nav-knowledge">{t('knowledge.nav')}</span>,
                    },
                    {
                      key: 'analytics',
                      label: <span data-testid="nav-analytics">{t('analytics.nav')}</span>,
                    },
                    {
                      key: 'quality',
                      label: <span data-testid="nav-quality">{t('quality.nav')}</span>,
                    },
                    ...(canEdit
                      ? [
                          {
                            key: 'quick-replies',
                            label: (
                              <span data-testid="nav-quick-replies">{t('quickReplies.nav')}</span>
                            ),
                          },
                        ]
                      : []),
                    ...(me.role === 'admin' || me.role === 'operator'
                      ? [
                          {
                            key: 'admin',
                            label: <span data-testid="nav-admin">{t('admin.nav')}</span>,
                          },
                        ]
                      : []),
                  ]}
                />
              )}
            </div>
            <Space className="shell-account">
              {me && (
                <Typography.Text className="shell-user" data-testid="user">
                  {me.id} · {t(`admin.roles.${me.role}`, { defaultValue: me.role })}
                </Typography.Text>
              )}
              {/* The other language's name, written and spoken in it: read by a screen reader
                  as Chinese. */}
              <Button
                size="small"
                data-testid="language"
                onClick={() => void i18n.changeLanguage(language === 'en' ? 'zh' : 'en')}
              >
                <span lang={language === 'en' ? 'zh-CN' : 'en'}>{t('app.language')}</span>
              </Button>
              {me && (
                <Button
                  size="small"
                  data-testid="logout"
                  onClick={() => void api('POST', '/auth/logout').then(() => setMe(null))}
                >
                  {t('app.logout')}
                </Button>
              )}
            </Space>
          </Layout.Header>
          <Layout.Content className="shell-content">
            <ErrorBoundary FallbackComponent={PageFailure} resetKeys={[route]}>
              <Suspense fallback={<Spin />}>
                {me === undefined ? (
                  <Spin />
                ) : me === null ? (
                  <LoginPage onLoggedIn={refresh} />
                ) : route.screen === 'inbox' ? (
                  <AgentInboxPage userId={me.id} />
                ) : route.screen === 'knowledge' ? (
                  <KnowledgePage canEdit={canEdit} />
                ) : route.screen === 'analytics' ? (
                  <AnalyticsPage
                    onShowOnCanvas={(id) =>
                      go({ screen: 'editor', workflowId: id, overlay: 'funnel' })
                    }
                  />
                ) : route.screen === 'quality' ? (
                  <QualityPage canEdit={canEdit} canOperate={canEdit} />
                ) : route.screen === 'quick-replies' && canEdit ? (
                  <QuickRepliesPage />
                ) : route.screen === 'admin' && canEdit ? (
                  <AdminPage
                    isAdmin={me.role === 'admin'}
                    onOpenInstance={(id) => go({ screen: 'instance', instanceId: id })}
                  />
                ) : route.screen === 'events' ? (
                  <EventsPage onOpenInstance={(id) => go({ screen: 'instance', instanceId: id })} />
                ) : route.screen === 'instances' ? (
                  <InstancesPage
                    canOperate={canEdit}
                    onOpen={(id) => go({ screen: 'instance', instanceId: id })}
                  />
                ) : route.screen === 'instance' ? (
                  <InstancePage
                    instanceId={route.instanceId}
                    canOperate={canEdit}
                    personalDataMasked={me.personalData === 'masked'}
                    onBack={() => go({ screen: 'instances' })}
                  />
                ) : route.screen === 'editor' ? (
                  <EditorPage
                    workflowId={route.workflowId}
                    overlay={route.overlay}
                    canEdit={canEdit}
                    canPublish={canEdit}
                    onBack={() => go({ screen: 'workflows' })}
                  />
                ) : (
                  // The journeys list; also where a page the role may not see leads (an agent
                  // logging in on a link to the admin page), rather than a page of refusals.
                  <WorkflowsPage
                    canEdit={canEdit}
                    onOpen={(id) => go({ screen: 'editor', workflowId: id })}
                  />
                )}
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConsoleConfig>
  );
}
