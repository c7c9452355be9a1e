/**
 * The links in `element` as `[text, href]` pairs, once every one was checked to open a new tab
 * without a referrer (`target="_blank"`, `rel="noopener noreferrer"`).
 */
export function safeLinksIn(element: Element): [string | null, string | null][] {
  const links = [...element.querySelectorAll('a')];
  for (const link of links)
    if (link.target !== '_blank' || link.rel !== 'noopener noreferrer')
      throw new Error(`unsafe link ${link.outerHTML}`);
  return links.map((link) => [link.textContent, link.getAttribute('href')]);
}
