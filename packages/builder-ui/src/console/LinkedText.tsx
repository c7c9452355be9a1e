import { Fragment } from 'react';
import { LINK_REL, LINK_TARGET, linkedParts } from '../chat/linked-text.ts';

/**
 * A chat line with its http(s) addresses as links that open a new tab; the rest is text
 * (React escapes it), markup and other schemes included.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkedParts(text).map((part, index) =>
        'href' in part ? (
          <a key={index} href={part.href} target={LINK_TARGET} rel={LINK_REL}>
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
