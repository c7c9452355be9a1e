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

/**
 * Sends a message until the server has it: each has its own id, so a retry after a lost
 * answer is the same message, not a second one. Resolves false when the chat is closed.
 */
export async function sendMessage(
  session: ChatSession,
  text: string,
  clientId: string,
  onRetry: () => void,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`/api/chat/conversations/${session.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chat-token': session.token },
        body: JSON.stringify({ text, clientId }),
      });
      if (response.ok) return true;
      if (response.status === 409) return false;
      if (response.status < 500) throw new Error(`refused: ${response.status}`);
    } catch (error) {
      if ((error as Error).message.startsWith('refused')) throw error;
    }
    onRetry();
    await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** attempt)));
  }
}

/**
 * Follows the conversation's messages. The browser's EventSource reconnects by itself and
 * sends the last message number it saw, so nothing said while offline is lost.
 */
export function followMessages(
  session: ChatSession,
  onMessage: (message: ChatMessage) => void,
  onState: (online: boolean) => void,
): () => void {
  const source = new EventSource(
    `/api/chat/conversations/${session.id}/stream?token=${encodeURIComponent(session.token)}`,
  );
  source.addEventListener('message', (event) => onMessage(JSON.parse(event.data) as ChatMessage));
  source.addEventListener('open', () => onState(true));
  source.addEventListener('error', () => onState(false));
  return () => source.close();
}
