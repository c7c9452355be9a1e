import { expect, vi } from 'vitest';
import { DEMO_CUSTOMER_ID } from '@xiaoer/demo-shop';
import { signCustomer } from '@xiaoer/server';
import { CHAT_SECRET, type Harness } from '@xiaoer/server/testing';

/** A customer as a shop's page names them. */
export interface ClaimedCustomer {
  id: string;
  tier?: 'normal' | 'vip' | 'svip';
  language?: 'zh' | 'en';
  name?: string;
}

export interface ChatMessage {
  seq: number;
  from: 'customer' | 'bot' | 'agent' | 'system';
  text: string;
  options?: { id: string; label: string }[];
}

/** A customer's side of one conversation, as the chat page drives it. */
export class ChatClient {
  constructor(
    readonly h: Harness,
    readonly id: string,
    readonly token: string,
  ) {}

  /**
   * Opens a chat the way a shop's page does: for a customer the shop signed (with the harness's
   * `chat.customerSecret`), or anonymously with `{ anonymous: true }`.
   */
  static async open(
    h: Harness,
    customer: ClaimedCustomer = { id: DEMO_CUSTOMER_ID, tier: 'vip', language: 'zh' },
    orderId?: string,
    { anonymous = false, secret = CHAT_SECRET }: { anonymous?: boolean; secret?: string } = {},
  ): Promise<ChatClient> {
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const signature = anonymous
      ? undefined
      : signCustomer(secret, { id: customer.id, tier: customer.tier ?? 'normal' }, expires);
    const response = await fetch(`${h.url}/api/chat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customer,
        ...(orderId ? { orderId } : {}),
        ...(signature ? { signature } : {}),
      }),
    });
    expect(response.status).toBe(201);
    const { id, token } = (await response.json()) as { id: string; token: string };
    return new ChatClient(h, id, token);
  }

  call(method: string, path: string, body?: unknown, token = this.token): Promise<Response> {
    return fetch(`${this.h.url}/api/chat/conversations/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-chat-token': token },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  async say(text: string, clientId?: string): Promise<ChatMessage> {
    const response = await this.call('POST', '/messages', {
      text,
      ...(clientId ? { clientId } : {}),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { message: ChatMessage }).message;
  }

  async messages(after = 0): Promise<ChatMessage[]> {
    const response = await this.call('GET', `/messages?after=${after}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { messages: ChatMessage[] }).messages;
  }

  /** Waits until a message from the shop's side satisfies `match`, and returns it. */
  async waitFor(match: (message: ChatMessage) => boolean, timeout = 15_000): Promise<ChatMessage> {
    return vi.waitFor(
      async () => {
        const found = (await this.messages()).find(match);
        if (!found) throw new Error('not yet');
        return found;
      },
      { timeout, interval: 100 },
    );
  }
}

/** Reads server-sent events from a stream until `count` messages came (or it times out). */
export async function readStream(
  url: string,
  count: number,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ ids: number[]; messages: ChatMessage[] }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const response = await fetch(url, { headers, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const ids: number[] = [];
  const messages: ChatMessage[] = [];
  let buffer = '';
  try {
    while (messages.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) {
          ids.push(Number(id));
          messages.push(JSON.parse(data) as ChatMessage);
        }
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { ids, messages };
}
