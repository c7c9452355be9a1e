import { useEffect, useState } from 'react';
import { Button, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/service-api.ts';
import { languageOf } from '../i18n/i18n.ts';
import { proposalOf, useDesk, type DeskPartProps } from './desk-store.ts';
import { useDeskFailure } from './desk-names.ts';
import { useConsoleMessage } from '../app/use-console-message.ts';

/** This time tomorrow as a `datetime-local` value (the browser's time zone). */
function tomorrowLocal(): string {
  const at = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * What the agent does with the open conversation: transfer it to another skill group, set a
 * follow-up, resolve it (optionally proposing an article from the first question and the last
 * answer).
 */
export function DeskConversationActions({ desk, onChanged }: DeskPartProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const message = useConsoleMessage();
  const selected = useDesk(desk, (s) => s.selected);
  const groups = useDesk(desk, (s) => s.groups);
  const handoff = useDesk(desk, (s) => s.handoffs.find((h) => h.conversationId === s.selected));
  const { closeConversation } = desk.getState();
  const fail = useDeskFailure();
  const [resolving, setResolving] = useState(false);
  const [proposal, setProposal] = useState({ question: '', answer: '' });
  const [followUp, setFollowUp] = useState<{ due: string; note: string }>();
  const [followUps, setFollowUps] = useState(0);

  useEffect(() => {
    setFollowUps(0);
    if (!selected) return;
    void inboxApi.followUps(selected).then(
      (r) => setFollowUps(r.followUps.length),
      () => {},
    );
  }, [selected]);

  const saveFollowUp = async () => {
    if (!selected || !followUp) return;
    try {
      await inboxApi.createFollowUp(selected, new Date(followUp.due).toISOString(), followUp.note);
      const { followUps: tasks } = await inboxApi.followUps(selected);
      setFollowUps(tasks.length);
      setFollowUp(undefined);
      void message.success(t('inbox.followUpCreated', { count: tasks.length }));
    } catch (error) {
      fail(error);
    }
  };
  const openResolve = () => {
    setProposal(proposalOf(desk.getState().chat));
    setResolving(true);
  };
  const resolve = async (propose: boolean) => {
    if (!selected) return;
    try {
      const result = await inboxApi.resolve(
        selected,
        propose && proposal.question && proposal.answer ? proposal : undefined,
      );
      void message.success(
        result.proposedArticle
          ? t('inbox.resolvedWithArticle', { id: result.proposedArticle })
          : t('inbox.resolved'),
      );
      setResolving(false);
      closeConversation();
      await onChanged();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <Space style={{ marginTop: 8 }}>
        <Select
          placeholder={t('inbox.transfer')}
          aria-label={t('inbox.transferLabel')}
          style={{ width: 180 }}
          disabled={!handoff}
          options={groups
            .filter((g) => g._id !== handoff?.group)
            .map((g) => ({ value: g._id, label: g.title[language] }))}
          onChange={(group: string) =>
            handoff &&
            void inboxApi
              .transfer(handoff._id, group)
              .then(() => {
                closeConversation();
                return onChanged();
              })
              .catch(fail)
          }
        />
        <Button
          data-testid="inbox-follow-up"
          onClick={() => setFollowUp({ due: tomorrowLocal(), note: '' })}
        >
          {t('inbox.followUp')}
          {followUps > 0 && ` (${followUps})`}
        </Button>
        <Button data-testid="inbox-resolve" onClick={openResolve}>
          {t('inbox.resolve')}
        </Button>
      </Space>
      <Modal
        open={!!followUp}
        title={t('inbox.followUpTitle')}
        okButtonProps={{ 'data-testid': 'follow-up-save' }}
        onOk={() => void saveFollowUp()}
        onCancel={() => setFollowUp(undefined)}
      >
        <Input
          type="datetime-local"
          data-testid="follow-up-due"
          aria-label={t('inbox.followUpDue')}
          addonBefore={t('inbox.followUpDue')}
          value={followUp?.due}
          onChange={(e) => setFollowUp((f) => f && { ...f, due: e.target.value })}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          data-testid="follow-up-note"
          aria-label={t('inbox.followUpNoteLabel')}
          placeholder={t('inbox.followUpNote')}
          autoSize={{ minRows: 2 }}
          maxLength={500}
          value={followUp?.note}
          onChange={(e) => setFollowUp((f) => f && { ...f, note: e.target.value })}
        />
      </Modal>
      <Modal
        open={resolving}
        title={t('inbox.resolveTitle')}
        okText={t('inbox.resolveAndPropose')}
        cancelText={t('inbox.resolveOnly')}
        onOk={() => void resolve(true)}
        onCancel={(e) => {
          // The close icon only closes; the second button resolves without a proposal.
          if ((e.currentTarget as HTMLElement).classList.contains('ant-modal-close'))
            setResolving(false);
          else void resolve(false);
        }}
      >
        <Typography.Paragraph type="secondary">{t('inbox.proposeHint')}</Typography.Paragraph>
        <Input
          data-testid="propose-question"
          aria-label={t('inbox.proposeQuestion')}
          value={proposal.question}
          onChange={(e) => setProposal((p) => ({ ...p, question: e.target.value }))}
          style={{ marginBottom: 8 }}
        />
        <Input.TextArea
          data-testid="propose-answer"
          aria-label={t('inbox.proposeAnswer')}
          autoSize={{ minRows: 2 }}
          value={proposal.answer}
          onChange={(e) => setProposal((p) => ({ ...p, answer: e.target.value }))}
        />
      </Modal>
    </>
  );
}
