import { useEffect, useState } from 'react';
import { Radio, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { templatesApi, type JourneyTemplate } from '../api/api-client.ts';
import { languageOf } from '../i18n/i18n.ts';

/** A journey's `中文 / English` text in the language shown. */
export function inLanguage(text: string, language: 'zh' | 'en'): string {
  const [zh, en] = text.split(' / ');
  return (language === 'en' ? en : zh) ?? text;
}

/** The templates to start from (`GET /api/templates`), loaded once per mount. */
export function useTemplates(): JourneyTemplate[] | undefined {
  const [templates, setTemplates] = useState<JourneyTemplate[]>();
  useEffect(() => {
    templatesApi.list().then(
      (r) => setTemplates(r.templates),
      () => setTemplates([]),
    );
  }, []);
  return templates;
}

/**
 * The templates as a list to choose one from: starters first, then the shipped journeys, each
 * with its trigger, size and what it does.
 */
export function TemplatePicker({
  templates,
  value,
  onChange,
}: {
  templates: JourneyTemplate[] | undefined;
  value: string | undefined;
  onChange: (template: JourneyTemplate) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  if (!templates) return <Spin />;
  return (
    <Radio.Group
      value={value}
      className="template-picker"
      data-testid="template-picker"
      onChange={(e) => {
        const picked = templates.find((x) => x.id === e.target.value);
        if (picked) onChange(picked);
      }}
    >
      <Space direction="vertical">
        {templates.map((template) => (
          <Radio key={template.id} value={template.id} data-testid={`template-${template.id}`}>
            <Typography.Text strong>{inLanguage(template.name, language)}</Typography.Text>{' '}
            <Tag color={template.kind === 'starter' ? 'blue' : 'default'}>
              {t(`templates.${template.kind}`)}
            </Tag>
            <Tag>{t('templates.nodes', { count: template.nodes })}</Tag>
            <code>{template.trigger}</code>
            <div className="template-description">{inLanguage(template.description, language)}</div>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
}
