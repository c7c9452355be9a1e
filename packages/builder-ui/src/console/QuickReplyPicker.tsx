import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { quickRepliesApi, type QuickReply } from '../api/desk-api.ts';
import { quickReplyText, type QuickReplyValues } from './quick-reply-text.ts';

/**
 * The desk composer's quick replies: picking one hands its text, in the customer's language
 * with the placeholders filled from the conversation, to `onPick` (one without a value stays
 * written as `{{name}}`).
 */
export function QuickReplyPicker({
  language,
  values,
  onPick,
}: {
  language: 'zh' | 'en';
  values: QuickReplyValues;
  onPick: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [replies, setReplies] = useState<QuickReply[]>([]);
  useEffect(() => {
    void quickRepliesApi.list().then(
      (r) => setReplies(r.quickReplies),
      () => setReplies([]),
    );
  }, []);
  if (replies.length === 0) return null;
  return (
    <Select
      data-testid="quick-reply-picker"
      placeholder={t('quickReplies.pick')}
      aria-label={t('quickReplies.pickLabel')}
      style={{ width: 180 }}
      value={null}
      showSearch
      optionFilterProp="label"
      options={replies.map((r) => ({ value: r.id, label: r.title }))}
      onChange={(id: string) => {
        const reply = replies.find((r) => r.id === id);
        if (!reply) return;
        onPick(quickReplyText(reply.text, language, values));
      }}
    />
  );
}
