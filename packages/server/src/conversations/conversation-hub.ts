import type { MessageRecord } from '../model/conversation.model.ts';
import type { ConversationStore } from './conversation-store.ts';
import { systemClock, type Cancel, type Clock } from '../clock/clock.ts';

type Listener = (message: MessageRecord) => void;

/** Conversations whose hints one `find` of the sweep reads. */
const SWEEP_SLICE = 100;

/** Per listener, the newest message number it has been given. */
type Subscription = Map<Listener, number>;

/**
 * Hands new messages to the open chat streams of this process. A message appended here is
 * delivered at once; one appended by another server process is found by a sweep that reads
 * the numbering hints of the subscribed conversations a hundred to a `find`, then the messages
 * of those that moved on, and starts again `sweepEveryMs` after it ended.
 */
export class ConversationHub {
  readonly #store: ConversationStore;
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #sweepEveryMs: number;
  readonly #clock: Clock;
  #timer: Cancel | undefined;
  #closed = false;

  constructor(store: ConversationStore, options: { sweepEveryMs?: number; clock?: Clock } = {}) {
    this.#store = store;
    this.#sweepEveryMs = options.sweepEveryMs ?? 1000;
    this.#clock = options.clock ?? systemClock;
  }

  /** Listens for messages after `after`; returns the function that stops listening. */
  subscribe(conversationId: string, after: number, listener: Listener): () => void {
    let subscription = this.#subscriptions.get(conversationId);
    if (!subscription) {
      subscription = new Map();
      this.#subscriptions.set(conversationId, subscription);
    }
    subscription.set(listener, after);
    this.#schedule();
    return () => {
      subscription.delete(listener);
      if (subscription.size === 0) this.#subscriptions.delete(conversationId);
    };
  }

  /** Called after this process appended a message. */
  published(message: MessageRecord): void {
    this.#deliver(message);
  }

  get openStreams(): number {
    let count = 0;
    for (const subscription of this.#subscriptions.values()) count += subscription.size;
    return count;
  }

  close(): void {
    this.#closed = true;
    this.#timer?.();
  }

  #deliver(message: MessageRecord): void {
    const subscription = this.#subscriptions.get(message.conversationId);
    if (!subscription) return;
    let gap = false;
    for (const [listener, seen] of subscription)
      if (message.seq === seen + 1) {
        subscription.set(listener, message.seq);
        listener(message);
      } else if (message.seq > seen + 1) gap = true;
    // An earlier message (from another process) is not here yet: read them in order.
    if (gap) void this.#catchUp(message.conversationId);
  }

  async #catchUp(conversationId: string): Promise<void> {
    const subscription = this.#subscriptions.get(conversationId);
    if (!subscription) return;
    const seen = Math.min(...subscription.values());
    const missed = await this.#store.messagesAfter(conversationId, seen, 100).catch(() => []);
    for (const message of missed) this.#deliverInOrder(message);
  }

  #deliverInOrder(message: MessageRecord): void {
    const subscription = this.#subscriptions.get(message.conversationId);
    if (!subscription) return;
    for (const [listener, seen] of subscription)
      if (message.seq === seen + 1) {
        subscription.set(listener, message.seq);
        listener(message);
      }
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = this.#clock.after(this.#sweepEveryMs, () => this.#sweep());
  }

  async #sweep(): Promise<void> {
    try {
      const ids = [...this.#subscriptions.keys()];
      // A slice at a time: what answers meanwhile waits behind one short read, not all of them.
      for (let from = 0; from < ids.length && !this.#closed; from += SWEEP_SLICE)
        await this.#sweepSlice(ids.slice(from, from + SWEEP_SLICE));
    } catch {
      // The store is unavailable for a moment: the next sweep tries again.
    }
    this.#timer = undefined;
    if (this.#subscriptions.size > 0) this.#schedule();
  }

  /** Reads the hints of `ids` in one `find`, then the messages of those that moved on. */
  async #sweepSlice(ids: string[]): Promise<void> {
    const hints = await this.#store.lastSeqs(ids);
    // A message past the hint is one whose append is under way: the next sweep has it.
    const behind = ids.flatMap((conversationId) => {
      const subscription = this.#subscriptions.get(conversationId);
      const hint = hints.get(conversationId);
      if (!subscription || hint === undefined) return [];
      const seen = Math.min(...subscription.values());
      return hint > seen ? [{ conversationId, seen, hint }] : [];
    });
    await Promise.all(
      behind.map(async ({ conversationId, seen, hint }) => {
        const missed = await this.#store.messagesAfter(conversationId, seen, 100, hint);
        for (const message of missed) this.#deliverInOrder(message);
      }),
    );
  }
}
