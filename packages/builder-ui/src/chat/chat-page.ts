import './chat.css';
import { CHAT_TEXT, type ChatLanguage } from './chat-text.ts';
import {
  followMessages,
  openSession,
  sendMessage,
  type ChatCustomer,
  type ChatMessage,
} from './chat-session.ts';

/**
 * The customer's chat, opened by the shop's page (see `/chat-widget.js`) with the customer in
 * the URL: `chat.html?customer=<id>&tier=vip&lang=zh&order=A10023`. Every text is set with
 * `textContent`: what anyone writes is shown, never run.
 */
const params = new URLSearchParams(window.location.search);
const language: ChatLanguage =
  params.get('lang') === 'en' || (!params.get('lang') && !navigator.language.startsWith('zh'))
    ? 'en'
    : 'zh';
const text = CHAT_TEXT[language];
const tier = params.get('tier');
const customer: ChatCustomer = {
  id: params.get('customer') ?? `guest-${crypto.randomUUID().slice(0, 8)}`,
  language,
  ...(tier === 'vip' || tier === 'svip' || tier === 'normal' ? { tier } : {}),
};

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = element<HTMLOListElement>('chat-messages');
const options = element<HTMLDivElement>('chat-options');
const form = element<HTMLFormElement>('chat-form');
const input = element<HTMLInputElement>('chat-input');
const status = element<HTMLSpanElement>('chat-status');
document.documentElement.lang = language;
element('chat-title').textContent = text.title;
element('chat-send').textContent = text.send;
input.placeholder = text.placeholder;
status.textContent = text.connecting;

const shown = new Set<number>();
function show(message: ChatMessage) {
  if (shown.has(message.seq)) return;
  shown.add(message.seq);
  const item = document.createElement('li');
  item.className = `chat-message from-${message.from}`;
  item.dataset['seq'] = String(message.seq);
  if (message.agentName) {
    // Who answers, by the name the agent chose (the server never sends a login id).
    const name = document.createElement('span');
    name.className = 'chat-agent-name';
    name.textContent = message.agentName;
    item.append(name, document.createElement('br'));
  }
  item.append(message.text);
  list.append(item);
  list.scrollTop = list.scrollHeight;
  options.replaceChildren(
    ...(message.options ?? []).map((option) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option.label;
      button.addEventListener('click', () => void submit(option.label));
      return button;
    }),
  );
  if (message.from === 'system' && message.text.includes('The conversation has ended')) end();
}

function end() {
  input.disabled = true;
  status.textContent = text.closed;
}

let submit: (value: string) => Promise<void> = async () => {};

try {
  const sig = params.get('sig');
  const session = await openSession(
    customer,
    params.get('order') ?? undefined,
    sig ? { value: sig, expires: Number(params.get('exp')) } : undefined,
  );
  followMessages(session, show, (online) => {
    if (!input.disabled) status.textContent = online ? text.online : text.connecting;
  });
  submit = async (value: string) => {
    const message = value.trim();
    if (!message) return;
    input.value = '';
    options.replaceChildren();
    const delivered = await sendMessage(session, message, crypto.randomUUID(), () => {
      status.textContent = text.retrying;
    });
    if (!delivered) end();
    else status.textContent = text.online;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(input.value);
  });
} catch {
  status.textContent = text.failed;
  input.disabled = true;
}
