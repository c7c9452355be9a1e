import { useCallback, useState } from 'react';
import { Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deskApi, type SkillGroupChange, type SkillGroupView } from '../api/desk-api.ts';
import { intentsApi } from '../api/intents-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { useAdminList } from './use-admin-list.ts';

/** A skill group's id, as the server takes it in its URL: `after-sales`. */
const GROUP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

interface GroupForm {
  id: string;
  titleZh: string;
  titleEn: string;
  /** The shipped intents the server knows (the select offers only those). */
  intents: SkillGroupChange['intents'];
}

/**
 * Skill groups: the intents each serves. A chat handed to a person waits in the queue of the
 * group serving its intent, for the agents with that skill (set on the users tab).
 */
export function SkillGroupsTab() {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const load = useCallback(() => deskApi.skillGroups().then((r) => r.skillGroups), []);
  const { rows, act } = useAdminList(load);
  // Groups serve the shipped intents; an operator's own intent names its queue itself.
  const loadIntents = useCallback(
    () => intentsApi.list().then((r) => r.intents.filter((intent) => !intent.custom)),
    [],
  );
  const intents = useAdminList(loadIntents);
  const titles = new Map((intents.rows ?? []).map((i) => [i.intent, i.title[language]]));
  const [editing, setEditing] = useState<SkillGroupView | 'new'>();
  const group = editing === 'new' ? undefined : editing;
  const save = (values: GroupForm) => {
    const change: SkillGroupChange = {
      title: { zh: values.titleZh.trim(), en: values.titleEn.trim() },
      intents: values.intents,
    };
    // A new group is created (refused when the id is taken meanwhile), an edited one saved.
    const send = group
      ? () => deskApi.saveSkillGroup(group._id, change)
      : () => deskApi.createSkillGroup(values.id, change);
    void act(send, t('admin.skillGroupSaved')).then((ok) => ok && setEditing(undefined));
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.skillGroupsHint')}</Typography.Paragraph>
      <Button type="primary" data-testid="skill-group-add" onClick={() => setEditing('new')}>
        {t('admin.addSkillGroup')}
      </Button>
      <Table<SkillGroupView>
        rowKey="_id"
        size="small"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('admin.noSkillGroups') }}
        onRow={(row) => ({ 'data-testid': `skill-group-${row._id}` }) as object}
        columns={[
          {
            title: t('admin.skillGroupId'),
            dataIndex: '_id',
            // The id the admin chose, as stored: the API and routing name the group by it.
            render: (id: string) => (
              <code translate="no" data-raw>
                {id}
              </code>
            ),
          },
          {
            title: t('admin.skillGroupTitle'),
            key: 'title',
            render: (_: unknown, row) => row.title[language],
          },
          {
            title: t('admin.skillGroupIntents'),
            key: 'intents',
            render: (_: unknown, row) =>
              row.intents.map((intent) => <Tag key={intent}>{titles.get(intent) ?? intent}</Tag>),
          },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, row) => (
              <Button
                size="small"
                data-testid={`skill-group-edit-${row._id}`}
                onClick={() => setEditing(row)}
              >
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={group ? group.title[language] : t('admin.addSkillGroup')}
        footer={null}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <Form<GroupForm>
          layout="vertical"
          initialValues={
            group
              ? {
                  id: group._id,
                  titleZh: group.title.zh,
                  titleEn: group.title.en,
                  intents: group.intents,
                }
              : { intents: [] }
          }
          onFinish={save}
        >
          <Form.Item
            label={t('admin.skillGroupId')}
            name="id"
            extra={group ? undefined : t('admin.skillGroupIdRule')}
            rules={[
              { required: true, pattern: GROUP_ID, message: t('admin.skillGroupIdRule') },
              // A hint before sending; the server refuses a taken id too (409).
              {
                validator: (_, id: string | undefined) =>
                  !group && rows?.some((row) => row._id === id)
                    ? Promise.reject(new Error(t('admin.skillGroupIdTaken', { id })))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input disabled={group !== undefined} data-testid="skill-group-id" />
          </Form.Item>
          <Form.Item
            label={t('admin.skillGroupTitleZh')}
            name="titleZh"
            rules={[{ required: true, whitespace: true, max: 80 }]}
          >
            <Input data-testid="skill-group-title-zh" />
          </Form.Item>
          <Form.Item
            label={t('admin.skillGroupTitleEn')}
            name="titleEn"
            rules={[{ required: true, whitespace: true, max: 80 }]}
          >
            <Input data-testid="skill-group-title-en" />
          </Form.Item>
          <Form.Item label={t('admin.skillGroupIntents')} name="intents">
            <Select
              mode="multiple"
              data-testid="skill-group-intents"
              optionFilterProp="label"
              options={(intents.rows ?? []).map((i) => ({
                value: i.intent,
                label: i.title[language],
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="skill-group-save">
            {t('admin.save')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
