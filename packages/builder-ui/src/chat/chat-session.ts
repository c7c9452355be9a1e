/** A conversation the page opened, kept so a reload continues it. */
export interface ChatSession {
  id: string;
  token: string;
}

export interface ChatCustomer {
  id: string;
  tier?: 'normal' | 'vip' | 'svip';
  language: 'zh' | 'en';
  name?: string;
}

export interface ChatMessage {
  seq: number;
  from: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  options?: { id: string; label: string }[];
  /** The answering agent's display name. */
  agentName?: string;
}

const storageKey = (customerId: string) => `xiaoer.chat.${customerId}`;

/** The customer's open conversation, or a new one. */
export async function openSession(
  customer: ChatCustomer,
  orderId: string | undefined,
  signature?: { expires: number; value: string },
): Promise<ChatSession> {
  const kept = sessionStorage.getItem(storageKey(customer.id));
  if (kept) {
    const session = JSON.parse(kept) as ChatSession;
    const check = await fetch(`/api/chat/conversations/${session.id}/messages?after=0`, {
      headers: { 'x-chat-token': session.token },
    });
    if (check.ok && ((await check.json()) as { status: string }).status !== 'closed')
      return session;
  }
  const response = await fetch('/api/chat/conversations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer,
      ...(orderId ? { orderId } : {}),
      ...(signature ? { signature } : {}),
    }),
  });
  if (!response.ok) throw new Error(`open: ${response.status}`);
  const session = (await response.json()) as ChatSession;
  sessionStorage.setItem(storageKey(customer.id), JSON.stringify(session));
  return session;
}

/** How a send ended: delivered, refused for good (the text is the customer's to keep), or closed. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'closed' }
  | { kind: 'refused'; code: string; message?: { zh: string; en: string } };

/** The error body of a refused request (`{ error: { code, message: { zh, en } } }`). */
async function refusal(response: Response): Promise<SendOutcome> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: { zh: string; en: string } } } | undefined;
  return {
    kind: 'refused',
    code: body?.error?.code ?? `http-${response.status}`,
    ...(body?.error?.message ? { message: body.error.message } : {}),
  };
}

/**
 * Sends a message until the server has it: each has its own id, so a retry after a lost
 * answer (no network, a server restarting) is the same message, not a second one. A refusal
 * (too many messages, a bad one) is not retried: it is returned, for the page to say so.
 */
export async function sendMessage(
  session: ChatSession,
  text: string,
  clientId: string,
  onRetry: () => void,
): Promise<SendOutcome> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`/api/chat/conversations/${session.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chat-token': session.token },
      body: JSON.stringify({ text, clientId }),
    }).catch(() => undefined);
    if (response?.ok) return { kind: 'sent' };
    if (response?.status === 409) return { kind: 'closed' };
    if (response && response.status < 500) return refusal(response);
    onRetry();
    await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** attempt)));
  }
}

/** Whether the conversation is closed (an agent or the idle timer may close it). */
export async function isClosed(session: ChatSession, after: number): Promise<boolean> {
  const response = await fetch(`/api/chat/conversations/${session.id}/messages?after=${after}`, {
    headers: { 'x-chat-token': session.token },
  }).catch(() => undefined);
  if (!response?.ok) return false;
  return ((await response.json()) as { status: string }).status === 'closed';
}

/** The stream's state as the page shows it. */
export type StreamState = 'online' | 'reconnecting';

/**
 * Follows the conversation's messages. The browser's EventSource reconnects by itself after a
 * dropped connection and sends the last message number it saw; it gives up for good on an
 * answer that is not a stream (a restarting server's 503, a proxy's 502, a 429), so then the
 * stream is opened again here, after the last message shown. Nothing is lost; a message that
 * comes twice has the same number (the page shows it once).
 */
export function followMessages(
  session: ChatSession,
  onMessage: (message: ChatMessage) => void,
  onState: (state: StreamState) => void,
): () => void {
  let last = 0;
  let attempt = 0;
  let stopped = false;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    const token = encodeURIComponent(session.token);
    source = new EventSource(
      `/api/chat/conversations/${session.id}/stream?token=${token}&after=${last}`,
    );
    source.addEventListener('message', (event) => {
      const message = JSON.parse(event.data) as ChatMessage;
      last = Math.max(last, message.seq);
      onMessage(message);
    });
    source.addEventListener('open', () => {
      attempt = 0;
      onState('online');
    });
    source.addEventListener('error', () => {
      onState('reconnecting');
      if (stopped || source?.readyState !== EventSource.CLOSED) return;
      timer = setTimeout(open, Math.min(30_000, 1000 * 2 ** attempt++));
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
