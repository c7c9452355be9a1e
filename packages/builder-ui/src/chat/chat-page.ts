import './chat.css';
import { CHAT_TEXT, type ChatLanguage } from './chat-text.ts';
import { appendLinkedText } from './linked-text.ts';
import { composer } from './chat-composer.ts';
import {
  followMessages,
  isClosed,
  openSession,
  sendMessage,
  type ChatCustomer,
  type ChatMessage,
  type ChatSession,
} from './chat-session.ts';

/**
 * The customer's chat, opened by the shop's page (see `/chat-widget.js`) with the customer in
 * the URL: `chat.html?customer=<id>&tier=vip&lang=zh&order=A10023`. Every text is set with
 * `textContent` (http(s) addresses in a line as links, `linked-text.ts`): what anyone writes
 * is shown, never run.
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
/** The server's limit (`MAX_MESSAGE_LENGTH`), in characters as it counts them (code points). */
const MAX_MESSAGE_LENGTH = 2000;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = element<HTMLOListElement>('chat-messages');
const options = element<HTMLDivElement>('chat-options');
const form = element<HTMLFormElement>('chat-form');
const input = element<HTMLTextAreaElement>('chat-input');
const sendButton = element<HTMLButtonElement>('chat-send');
const status = element<HTMLSpanElement>('chat-status');
const problem = element<HTMLParagraphElement>('chat-error');
document.documentElement.lang = language;
// In the widget's frame: on a phone the widget's close button sits over the header's corner.
if (window.self !== window.top) {
  document.body.classList.add('framed');
  // Esc closes the widget (`/chat-widget.js`); Shift+Tab from its close button, on a phone,
  // comes back to the chat's last control.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') window.parent.postMessage({ xiaoer: 'close' }, '*');
  });
  window.addEventListener('message', (event: MessageEvent<{ xiaoer?: string } | null>) => {
    if (event.source !== window.parent || event.data?.xiaoer !== 'focus-last') return;
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button:not(:disabled), textarea:not(:disabled)',
    );
    controls[controls.length - 1]?.focus();
  });
}
element('chat-title').textContent = text.title;
element('chat-hint').textContent = text.inputHint;
sendButton.textContent = text.send;
input.placeholder = text.placeholder;
input.setAttribute('aria-label', text.inputLabel);
/** What the stream's state says (shown again once a retried send got through). */
let streamText: string = text.connecting;
status.textContent = streamText;

/** Says why a message was not sent (cleared by the next send), with the box it stays in. */
function tell(words: string | undefined) {
  problem.textContent = words ?? '';
  problem.hidden = !words;
  if (words) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', words ? 'chat-hint chat-error' : 'chat-hint');
}

let session: ChatSession | undefined;
const shown = new Set<number>();
function show(message: ChatMessage) {
  if (shown.has(message.seq)) return;
  shown.add(message.seq);
  const item = document.createElement('li');
  item.className = `chat-message from-${message.from}`;
  item.dataset['seq'] = String(message.seq);
  // Each line reads in its own direction (Arabic, Hebrew right to left).
  item.dir = 'auto';
  if (message.agentName) {
    // Who answers, by the name the agent chose (the server never sends a login id).
    const name = document.createElement('span');
    name.className = 'chat-agent-name';
    name.dir = 'auto';
    name.textContent = message.agentName;
    item.append(name, document.createElement('br'));
  }
  // Addresses in it (a knowledge answer's tracking page) are links; the rest stays text.
  appendLinkedText(item, message.text);
  // Read up to the newest line, the log follows; scrolled up to earlier lines, it stays there.
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight <= 48;
  list.append(item);
  if (atEnd || message.from === 'customer') list.scrollTop = list.scrollHeight;
  if (ended) return;
  showOptions(
    (message.options ?? []).map((option) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option.label;
      button.addEventListener('click', () => submit(option.label));
      return button;
    }),
  );
  // A closing notice (an agent closed the chat, or it sat idle): the server says if it is one.
  if (message.from === 'system' && session)
    void isClosed(session, message.seq).then((closed) => closed && end());
}

/**
 * The choices under the last line, in place of the earlier ones. A choice that had the focus
 * (pressed, or reached with Tab) hands it to the text box, or to the first new button once the
 * chat ended, not to the page's body.
 */
function showOptions(buttons: HTMLButtonElement[]) {
  const hadFocus = options.contains(document.activeElement);
  options.replaceChildren(...buttons);
  if (hadFocus) (ended ? buttons[0] : input)?.focus();
}

/** Whether the customer is in the chat: on its box, its buttons, or nowhere in particular. */
const focusInChat = () =>
  document.hasFocus() &&
  (!document.activeElement ||
    document.activeElement === document.body ||
    form.contains(document.activeElement) ||
    options.contains(document.activeElement));

let ended = false;
function end() {
  if (ended) return;
  ended = true;
  // The box and Send are disabled: a customer who was in them goes on at "Start a new chat".
  const wasInChat = focusInChat();
  input.disabled = true;
  sendButton.disabled = true;
  status.textContent = text.closed;
  // The kept conversation is closed: opening the page again starts a new one.
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'chat-new';
  again.textContent = text.newChat;
  again.addEventListener('click', () => window.location.reload());
  options.replaceChildren(again);
  if (wasInChat) again.focus();
}

/**
 * Messages not yet sent, in the order written: one at a time, so a message that waits for the
 * network is not overtaken by the next. When the server refuses one, it and those after it go
 * back into the box (before anything typed since), with the reason.
 */
const queue: string[] = [];
let draining = false;
async function drain(open: ChatSession) {
  if (draining) return;
  draining = true;
  while (queue.length > 0) {
    const outcome = await sendMessage(open, queue[0] as string, crypto.randomUUID(), () => {
      status.textContent = text.retrying;
    });
    if (outcome.kind === 'sent') {
      queue.shift();
      if (!ended) status.textContent = streamText;
      continue;
    }
    const back = queue.splice(0).join('\n');
    input.value = input.value ? `${back}\n${input.value}` : back;
    box.fit();
    if (outcome.kind === 'closed') {
      tell(text.notSentClosed);
      end();
    } else if (outcome.code === 'chat-rate-limited') tell(text.rateLimited);
    else tell(outcome.message?.[language] ?? text.refused);
  }
  draining = false;
}

function submit(value: string) {
  const message = value.trim();
  if (!message || ended || !session) return;
  const length = [...message].length;
  if (length > MAX_MESSAGE_LENGTH) return tell(text.tooLong(length, MAX_MESSAGE_LENGTH));
  tell(undefined);
  if (value === input.value) {
    input.value = '';
    box.fit();
  }
  showOptions([]);
  queue.push(message);
  void drain(session);
}

const box = composer(input, () => submit(input.value));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit(input.value);
  // The customer goes on typing where they were (a click on Send took the focus away).
  if (!ended) input.focus();
});

try {
  session = await openSession(
    customer,
    params.get('order') ?? undefined,
    params.get('sig')
      ? { value: params.get('sig') as string, expires: Number(params.get('exp')) }
      : undefined,
  );
  let online = false;
  followMessages(session, show, (state) => {
    if (ended) return;
    if (state === 'online') online = true;
    streamText = state === 'online' ? text.online : online ? text.reconnecting : text.connecting;
    status.textContent = streamText;
  });
} catch {
  // Said as an alert, as a refused message is; a customer who was in the box being disabled
  // has the focus on it, not on the page's body.
  const wasInChat = focusInChat();
  status.textContent = text.failed;
  input.disabled = true;
  sendButton.disabled = true;
  problem.textContent = text.failed;
  problem.hidden = false;
  problem.tabIndex = -1;
  if (wasInChat) problem.focus();
}
