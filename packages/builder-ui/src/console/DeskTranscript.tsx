import { useMemo, useRef } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpenChat } from './desk-store.ts';
import { LinkedText } from './LinkedText.tsx';
import { inOrder, useScrollToNewest } from './use-desk-attention.ts';

/** The open conversation's lines by sequence (addresses as links), scrolled to the newest. */
export function DeskTranscript({ chat }: { chat: OpenChat }) {
  const { t } = useTranslation();
  const lines = useMemo(() => inOrder(chat.messages), [chat]);
  const transcript = useRef<HTMLDivElement>(null);
  useScrollToNewest(
    transcript,
    lines.length,
    chat.conversation._id,
    lines.at(-1)?.from === 'agent',
  );
  return (
    // A log: a screen reader says each new line once (the page mounts a new one per
    // conversation, so opening one does not read out its whole history).
    <div
      className="inbox-messages"
      data-testid="inbox-messages"
      ref={transcript}
      role="log"
      aria-label={t('inbox.transcript')}
    >
      {lines.map((m) => (
        <div key={m.seq} className={`chat-line from-${m.from}`}>
          <Typography.Text type="secondary">
            {t(`inbox.from.${m.from}`)}
            {m.agentName && ` · ${m.agentName}`}
          </Typography.Text>
          <div>
            <LinkedText text={m.text} />
          </div>
        </div>
      ))}
    </div>
  );
}
