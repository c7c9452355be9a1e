import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowDocument } from '@xiaoer/engine';
import { templatesApi, type JourneyTemplate } from '../api/api-client.ts';
import { TemplatePicker, useTemplates } from '../pages/TemplatePicker.tsx';

/**
 * What an empty canvas says: the three steps to a journey (a trigger, the steps, an end), and
 * a template to start from instead.
 */
export function EmptyCanvasGuide({
  canEdit,
  onTemplate,
}: {
  canEdit: boolean;
  onTemplate: (document: WorkflowDocument) => void;
}) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const [picked, setPicked] = useState<JourneyTemplate>();
  return (
    <div className="empty-canvas-guide" data-testid="empty-canvas-guide">
      <Card size="small" title={t('guide.title')}>
        <ol>
          <li>{t('guide.trigger')}</li>
          <li>{t('guide.steps')}</li>
          <li>{t('guide.end')}</li>
          <li>{t('guide.publish')}</li>
        </ol>
        {canEdit && (
          <>
            <Typography.Paragraph strong>{t('guide.orTemplate')}</Typography.Paragraph>
            <div className="empty-canvas-templates">
              <TemplatePicker templates={templates} value={picked?.id} onChange={setPicked} />
            </div>
            <Space style={{ marginTop: 8 }}>
              <Button
                type="primary"
                disabled={!picked}
                data-testid="guide-use-template"
                onClick={() => picked && void templatesApi.get(picked.id).then(onTemplate)}
              >
                {t('guide.use')}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </div>
  );
}
