/**
 * Web addresses in a chat line, so the customer's chat and the agent desk can show them as
 * links (a knowledge answer's tracking or returns page). Only `http:` and `https:` addresses
 * become links; everything else, markup included, stays text, shown as written.
 */
export type TextPart = { text: string } | { text: string; href: string };

/**
 * A Markdown link to an http(s) address (knowledge answers are Markdown):
 * `[退货流程](https://shop.example/returns)` shows 退货流程 as the link; else an address as
 * people paste it: `http(s)://` then the characters URLs are made of.
 */
const ADDRESS =
  /\[([^[\]\n]{1,200})\]\((https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+)\)|https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
/** Said after an address, not part of it: 「见 https://x.cn/a.」 links `https://x.cn/a`. */
const TRAILING = /[.,;:!?'"]+$/;

/** The address without trailing punctuation or a closing bracket it did not open. */
function trimmed(address: string): string {
  let end = address.replace(TRAILING, '');
  const count = (character: string) => end.split(character).length - 1;
  while (end.endsWith(')') || end.endsWith(']')) {
    const [open, close] = end.endsWith(')') ? ['(', ')'] : ['[', ']'];
    if (count(open) >= count(close)) break;
    end = end.slice(0, -1).replace(TRAILING, '');
  }
  return end;
}

/** The link an address makes, or undefined when it is not a well-formed http(s) URL. */
function hrefOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `text` as plain parts and links, in order; joined, the parts' text is `text` but for Markdown
 * links, which show their label.
 */
export function linkedParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const [whole, label, target] = match;
    const address = target ?? trimmed(whole);
    const href = hrefOf(address);
    if (!href) continue;
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: label ?? address, href });
    from = match.index + (label ? whole.length : address.length);
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** Link attributes: a new tab that cannot reach back into the chat, and no referrer. */
export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer';

/** Appends `text` to `parent` with its addresses as links; nothing in it is parsed as HTML. */
export function appendLinkedText(parent: HTMLElement, text: string): void {
  for (const part of linkedParts(text)) {
    if (!('href' in part)) {
      parent.append(part.text);
      continue;
    }
    const link = document.createElement('a');
    link.href = part.href;
    link.target = LINK_TARGET;
    link.rel = LINK_REL;
    link.textContent = part.text;
    parent.append(link);
  }
}
