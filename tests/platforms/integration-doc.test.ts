import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPES } from '@xiaoer/server';

const doc = readFileSync(new URL('../../docs/integration.md', import.meta.url), 'utf8');

/** The JSON block under the `### \`type\`` heading of docs/integration.md. */
function documentedSchema(type: string): unknown {
  const section = doc.split(`### \`${type}\``)[1] ?? '';
  const block = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  return block === undefined ? undefined : JSON.parse(block);
}

describe('docs/integration.md', () => {
  it('should show each order event type with the very schema the server serves', () => {
    for (const eventType of ORDER_EVENT_TYPES)
      expect(documentedSchema(eventType.type), eventType.type).toEqual(eventType.data);
  });

  it('should give the signing example in each language it promises', () => {
    for (const language of ['curl', 'Node', 'Python', 'PHP', 'Java'])
      expect(doc).toContain(`${language}:`);
    expect(doc).toContain('X-Xiaoer-Signature: sha256=');
  });
});
