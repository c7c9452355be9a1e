import { useCallback, useState } from 'react';
import {
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi, ROLES, type Role, type UserView } from '../api/admin-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useAdminList } from './use-admin-list.ts';
import { deskApi } from '../api/desk-api.ts';
import { LoginLockCell } from './LoginLockCell.tsx';
import { numberControls } from '../app/antd-icons.tsx';

/**
 * Users and their roles: add one, change a role, disable or enable an account, end the login
 * lock too many failed logins set; and each one's agent profile — the name customers see, the
 * skill groups whose queues they serve (choosing a first one makes a user an agent) and how
 * many conversations they take at once.
 */
export function UsersTab() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => adminApi.users().then((r) => r.users), []);
  const { rows, act } = useAdminList(load);
  const loadAgents = useCallback(() => deskApi.agents().then((r) => r.agents), []);
  const agents = useAdminList(loadAgents);
  const profiles = new Map((agents.rows ?? []).map((a) => [a._id, a]));
  const loadGroups = useCallback(() => deskApi.skillGroups().then((r) => r.skillGroups), []);
  const groups = useAdminList(loadGroups);
  const groupOptions = (groups.rows ?? []).map((group) => ({
    value: group._id,
    label: group.title[language],
  }));
  const [adding, setAdding] = useState(false);
  /** The user whose password the admin is resetting. */
  const [resetting, setResetting] = useState<string>();
  const passwordRules = [{ required: true, min: 8, max: 200, message: t('admin.passwordRule') }];
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));
  /** A row's control is named by its column and its user: a screen reader says whose it is. */
  const nameOf = (field: string, id: string) => t('admin.fieldOf', { field, id });
  return (
    <>
      <Button type="primary" data-testid="user-add" onClick={() => setAdding(true)}>
        {t('admin.addUser')}
      </Button>
      <Table<UserView>
        rowKey="id"
        size="small"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        // On a narrow window the table scrolls sideways in itself, not the page under the header.
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': `user-${row.id}` }) as object}
        columns={[
          { title: t('admin.user'), dataIndex: 'id' },
          {
            title: t('profile.column'),
            key: 'displayName',
            render: (_: unknown, row) =>
              profiles.has(row.id) ? (
                <Input
                  size="small"
                  style={{ width: 160 }}
                  maxLength={80}
                  data-testid={`user-name-${row.id}`}
                  aria-label={nameOf(t('profile.column'), row.id)}
                  defaultValue={profiles.get(row.id)?.displayName}
                  key={profiles.get(row.id)?.displayName}
                  onBlur={(e) => {
                    const next = e.target.value.trim();
                    if (next && next !== profiles.get(row.id)?.displayName)
                      void agents.act(
                        () => deskApi.saveAgent(row.id, { displayName: next }),
                        t('admin.updated'),
                      );
                  }}
                  onPressEnter={(e) => e.currentTarget.blur()}
                />
              ) : (
                <Typography.Text type="secondary">{t('profile.notAgent')}</Typography.Text>
              ),
          },
          {
            title: t('admin.skills'),
            key: 'skills',
            render: (_: unknown, row) => (
              <Select
                mode="multiple"
                size="small"
                style={{ minWidth: 180 }}
                data-testid={`user-skills-${row.id}`}
                aria-label={nameOf(t('admin.skills'), row.id)}
                placeholder={t('admin.skillsPlaceholder')}
                notFoundContent={t('admin.noSkillGroups')}
                optionFilterProp="label"
                value={profiles.get(row.id)?.skills ?? []}
                options={groupOptions}
                // Groups added on their own tab since this one loaded are offered too.
                onOpenChange={(open) => open && groups.reload()}
                onChange={(skills: string[]) =>
                  void agents.act(() => deskApi.saveAgent(row.id, { skills }), t('admin.updated'))
                }
              />
            ),
          },
          {
            title: t('admin.maxConcurrent'),
            key: 'maxConcurrent',
            render: (_: unknown, row) => {
              const profile = profiles.get(row.id);
              if (!profile) return <Typography.Text type="secondary">—</Typography.Text>;
              return (
                <InputNumber
                  controls={numberControls}
                  size="small"
                  min={1}
                  max={50}
                  precision={0}
                  style={{ width: 72 }}
                  data-testid={`user-capacity-${row.id}`}
                  aria-label={nameOf(t('admin.maxConcurrent'), row.id)}
                  defaultValue={profile.maxConcurrent}
                  key={profile.maxConcurrent}
                  onBlur={(e) => {
                    const next = Number(e.target.value);
                    if (
                      Number.isInteger(next) &&
                      next >= 1 &&
                      next <= 50 &&
                      next !== profile.maxConcurrent
                    )
                      void agents.act(
                        () => deskApi.saveAgent(row.id, { maxConcurrent: next }),
                        t('admin.updated'),
                      );
                  }}
                  onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
                />
              );
            },
          },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            render: (role: Role, row) => (
              <Select
                size="small"
                style={{ width: 140 }}
                aria-label={nameOf(t('admin.role'), row.id)}
                value={role}
                options={roleOptions}
                onChange={(next) =>
                  void act(() => adminApi.updateUser(row.id, { role: next }), t('admin.updated'))
                }
              />
            ),
          },
          {
            title: t('admin.enabled'),
            dataIndex: 'disabled',
            render: (disabled: boolean, row) => (
              <Switch
                size="small"
                aria-label={nameOf(t('admin.enabled'), row.id)}
                checked={!disabled}
                onChange={(on) =>
                  void act(() => adminApi.updateUser(row.id, { disabled: !on }), t('admin.updated'))
                }
              />
            ),
          },
          {
            title: t('admin.loginLock'),
            key: 'loginLock',
            render: (_: unknown, row) => (
              <LoginLockCell
                user={row}
                onUnlock={() => void act(() => adminApi.endLoginLock(row.id), t('admin.unlocked'))}
              />
            ),
          },
          {
            title: t('admin.created'),
            dataIndex: 'createdAt',
            render: (at: string) => formatDateTime(at, language),
          },
          {
            title: '',
            key: 'password',
            render: (_: unknown, row) => (
              <Button
                size="small"
                data-testid={`user-reset-${row.id}`}
                onClick={() => setResetting(row.id)}
              >
                {t('admin.resetPassword')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={resetting !== undefined}
        title={t('admin.resetPasswordTitle', { id: resetting })}
        footer={null}
        onCancel={() => setResetting(undefined)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={({ password }: { password: string }) => {
            if (resetting === undefined) return;
            void act(
              () => adminApi.updateUser(resetting, { password }),
              t('admin.passwordReset'),
            ).then((ok) => ok && setResetting(undefined));
          }}
        >
          <Form.Item
            label={t('admin.newPassword')}
            name="password"
            extra={t('admin.resetPasswordHint')}
            rules={passwordRules}
          >
            <Input.Password data-testid="user-reset-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="user-reset-submit">
            {t('admin.resetPassword')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={adding}
        title={t('admin.addUser')}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{ role: 'agent' }}
          onFinish={(values: { id: string; password: string; role: Role }) =>
            void act(() => adminApi.createUser(values), t('admin.userAdded')).then(
              (ok) => ok && setAdding(false),
            )
          }
        >
          <Form.Item
            label={t('admin.user')}
            name="id"
            rules={[
              {
                required: true,
                pattern: /^[a-zA-Z0-9_.@-]{1,64}$/,
                message: t('admin.userIdRule'),
              },
            ]}
          >
            <Input data-testid="user-new-id" />
          </Form.Item>
          <Form.Item label={t('admin.password')} name="password" rules={passwordRules}>
            <Input.Password data-testid="user-new-password" />
          </Form.Item>
          <Form.Item label={t('admin.role')} name="role">
            <Select options={roleOptions} />
          </Form.Item>
          <Tag>{t('admin.rolesHint')}</Tag>
          <div style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" data-testid="user-new-submit">
              {t('admin.addUser')}
            </Button>
          </div>
        </Form>
      </Modal>
    </>
  );
}
