import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type {
  ChatLine,
  ConversationView,
  Handoff,
  InboxView,
  QueueSummary,
  SkillGroup,
} from '../api/service-api.ts';

/** The conversation open on the desk: its record and its lines as they arrive. */
export interface OpenChat {
  conversation: ConversationView;
  messages: ChatLine[];
}

/**
 * What the agent desk holds: the inbox stream's view, the skill groups, the pick, the open
 * conversation and the reply being written (kept when the agent moves to another conversation).
 */
export interface DeskState {
  status: string | undefined;
  /** Why the agent is away when they did not choose it (`no-desk`: presence set it). */
  awayReason: string | null | undefined;
  myName: string | undefined;
  handoffs: Handoff[];
  queues: QueueSummary[];
  groups: SkillGroup[];
  selected: string | undefined;
  chat: OpenChat | undefined;
  /**
   * The conversation the agent resolved or transferred, and where it stood in the list, until
   * it has left the list (the keyboard's focus then goes to the list: `DeskConversationList`).
   */
  leaving: { conversationId: string; index: number } | undefined;
  /** The list took the focus from the conversation that left. */
  left: () => void;
  /** The composer's text (quick-reply placeholders it still has: `placeholdersLeft`). */
  draft: string;
  /** How many views the inbox stream has given: {@link showAnswered} compares it. */
  streamedViews: number;
  /** The inbox and queues as the server's stream sent them. */
  showInbox: (view: InboxView) => void;
  /**
   * The inbox and queues read on request, `streamedBefore` being {@link streamedViews} when the
   * read began. Dropped when the stream gave a view since: that view may be newer, and the
   * stream gives any later change by itself, whereas this answer, put back over a newer view,
   * would stay (the stream sends only views that differ from the last one it sent).
   */
  showAnswered: (view: InboxView, streamedBefore: number) => void;
  select: (conversationId: string | undefined) => void;
  /** The selected conversation as read whole (a late answer for another one is dropped). */
  opened: (chat: OpenChat) => void;
  /** One streamed line: added once, and only to the conversation it belongs to. */
  addLine: (conversationId: string, line: ChatLine) => void;
  /** The open conversation left the desk (resolved or transferred). */
  closeConversation: () => void;
  showGroups: (groups: SkillGroup[]) => void;
  /** The queues alone, for someone who watches them without being an agent. */
  showQueues: (queues: QueueSummary[]) => void;
  /** A new draft, or a change of the last one. */
  setDraft: (draft: string | ((last: string) => string)) => void;
  /** The reply went out: the composer is empty again. */
  sent: () => void;
}

export type DeskStore = StoreApi<DeskState>;

/** The props of a part of the desk that changes the agent's inbox. */
export interface DeskPartProps {
  desk: DeskStore;
  /** The agent changed something the inbox shows: read it again at once. */
  onChanged: () => Promise<void>;
}

/** What an inbox view sets on the desk. */
function inboxOf(
  view: InboxView,
): Pick<DeskState, 'status' | 'awayReason' | 'myName' | 'handoffs' | 'queues'> {
  return {
    status: view.agent.status,
    awayReason: view.agent.awayReason,
    myName: view.agent.displayName,
    handoffs: view.handoffs,
    queues: view.queues,
  };
}

export function createDeskStore(): DeskStore {
  return createStore<DeskState>()((set) => ({
    status: undefined,
    awayReason: undefined,
    myName: undefined,
    handoffs: [],
    queues: [],
    groups: [],
    selected: undefined,
    chat: undefined,
    leaving: undefined,
    draft: '',
    streamedViews: 0,
    showInbox: (view) => set((s) => ({ ...inboxOf(view), streamedViews: s.streamedViews + 1 })),
    showAnswered: (view, streamedBefore) =>
      set((s) => (s.streamedViews === streamedBefore ? inboxOf(view) : {})),
    select: (selected) => set({ selected }),
    opened: (chat) => set((s) => (s.selected === chat.conversation._id ? { chat } : {})),
    addLine: (conversationId, line) =>
      set((s) =>
        s.chat?.conversation._id === conversationId &&
        !s.chat.messages.some((m) => m.seq === line.seq)
          ? { chat: { ...s.chat, messages: [...s.chat.messages, line] } }
          : {},
      ),
    closeConversation: () =>
      set((s) => ({
        selected: undefined,
        chat: undefined,
        leaving: s.selected
          ? {
              conversationId: s.selected,
              index: s.handoffs.findIndex((h) => h.conversationId === s.selected),
            }
          : undefined,
      })),
    left: () => set({ leaving: undefined }),
    showGroups: (groups) => set({ groups }),
    showQueues: (queues) => set({ queues }),
    setDraft: (draft) =>
      set((s) => ({ draft: typeof draft === 'string' ? draft : draft(s.draft) })),
    sent: () => set({ draft: '' }),
  }));
}

/** The desk's one store for the page's lifetime, and a hook reading a slice of it. */
export function useDesk<T>(store: DeskStore, selector: (state: DeskState) => T): T {
  return useStore(store, selector);
}

/** What the resolve dialog proposes as an article: the first question and the last answer. */
export function proposalOf(chat: OpenChat | undefined): { question: string; answer: string } {
  return {
    question: chat?.messages.find((m) => m.from === 'customer')?.text ?? '',
    answer: chat?.messages.filter((m) => m.from === 'agent').at(-1)?.text ?? '',
  };
}
