import { useCallback, useEffect, useState } from 'react';
import { Alert, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { inboxApi, type ChatLine } from '../api/service-api.ts';
import { deskApi } from '../api/desk-api.ts';
import { createDeskStore, useDesk } from './desk-store.ts';
import { useDeskFailure } from './desk-names.ts';
import { DeskStatusBar } from './DeskStatusBar.tsx';
import { DeskConversationList } from './DeskConversationList.tsx';
import { DeskTranscript } from './DeskTranscript.tsx';
import { DeskComposer } from './DeskComposer.tsx';
import { DeskConversationActions } from './DeskConversationActions.tsx';
import { DeskContextPanel } from './DeskContextPanel.tsx';

/**
 * An agent's desk: their status, the queues, the conversations handed to them with the whole
 * context (transcript, intents, the order, the journey that handed over), quick replies from
 * the knowledge base, transfer, and resolve with an optional article proposal. The page keeps
 * the desk's store and its live feeds (the inbox stream, the open conversation's stream); each
 * part reads the store: `DeskStatusBar`, `DeskConversationList`, `DeskTranscript`,
 * `DeskComposer`, `DeskConversationActions`, `DeskContextPanel`.
 */
export function AgentInboxPage({
  userId,
}: {
  /** The console user's id (`me.id`). */ userId: string;
}) {
  const { t } = useTranslation();
  const [desk] = useState(createDeskStore);
  const selected = useDesk(desk, (s) => s.selected);
  const chat = useDesk(desk, (s) => s.chat);
  const {
    showInbox: show,
    showAnswered,
    showGroups,
    showQueues,
    opened,
    addLine,
  } = desk.getState();
  const fail = useDeskFailure();
  // An admin or operator without an agent profile has no inbox: the desk says so and shows
  // the queues, instead of an empty desk whose status buttons fail. Whether the user has one is
  // read from the agents' list (an agent's id is their console user's) before anything of the
  // agent's own is asked for: the inbox and its stream would answer such a user with a 404.
  const [isAgent, setIsAgent] = useState<boolean>();

  // After the agent's own change, at once (the stream follows too, a moment later); an answer
  // overtaken by the stream is dropped (desk-store.ts, showAnswered).
  const refresh = useCallback(async () => {
    const streamedBefore = desk.getState().streamedViews;
    const [inbox, summary] = await Promise.all([inboxApi.inbox(), inboxApi.queues()]);
    showAnswered({ ...inbox, ...summary }, streamedBefore);
  }, [desk, showAnswered]);
  // The inbox and the queues as the server streams them, instead of asking every 2 s.
  useEffect(() => {
    let left = false;
    let stop: (() => void) | undefined;
    void inboxApi.groups().then((g) => showGroups(g.skillGroups), fail);
    deskApi.agents().then(({ agents }) => {
      if (left) return;
      const agent = agents.some((a) => a._id === userId);
      setIsAgent(agent);
      if (agent) stop = inboxApi.followInbox(show);
      else void inboxApi.queues().then((q) => !left && showQueues(q.queues), fail);
    }, fail);
    return () => {
      left = true;
      stop?.();
    };
  }, [userId, show, showGroups, showQueues, fail]);

  // The open conversation: read once, then its new lines as the server streams them.
  useEffect(() => {
    if (!selected) return;
    let stop: (() => void) | undefined;
    let left = false;
    const add = (line: ChatLine) => addLine(selected, line);
    inboxApi.conversation(selected).then((loaded) => {
      if (left) return;
      opened(loaded);
      const after = Math.max(0, ...loaded.messages.map((m) => m.seq));
      stop = inboxApi.follow(selected, after, add);
    }, fail);
    return () => {
      left = true;
      stop?.();
    };
  }, [selected, fail, addLine, opened]);

  return (
    <div className="page inbox" data-testid="inbox">
      <DeskStatusBar desk={desk} onChanged={refresh} isAgent={isAgent !== false} />
      {isAgent === false ? (
        <Alert
          type="info"
          showIcon
          data-testid="inbox-not-agent"
          message={t('inbox.notAgent.title')}
          description={t('inbox.notAgent.how')}
        />
      ) : (
        <div className="inbox-panes">
          <DeskConversationList desk={desk} />
          <div className="inbox-chat">
            {!chat ? (
              <Empty description={t('inbox.pick')} />
            ) : (
              <>
                <DeskTranscript key={chat.conversation._id} chat={chat} />
                <DeskComposer desk={desk} chat={chat} />
                <DeskConversationActions desk={desk} onChanged={refresh} />
              </>
            )}
          </div>
          <DeskContextPanel desk={desk} />
        </div>
      )}
    </div>
  );
}
