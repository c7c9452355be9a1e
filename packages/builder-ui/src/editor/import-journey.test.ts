import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { MAX_IMPORT_BYTES, importableJourney } from './import-journey.ts';

const file = (text: string) => new Blob([text], { type: 'application/json' });

describe('a journey file chosen for import', () => {
  it('should be accepted when it is a workflow document', async () => {
    const text = await readFile(
      new URL('../../../../workflows/refund.json', import.meta.url),
      'utf8',
    );
    const result = await importableJourney(file(text));
    expect('journey' in result && result.journey.id).toBe('refund');
  });

  it('should be refused with the JSON error when it is not JSON', async () => {
    const result = await importableJourney(file('{"id": "x", "nodes": [}'));
    expect('problems' in result && result.problems[0]?.message.en).toMatch(/^Not valid JSON/);
  });

  it('should be refused with pointers when it is JSON but not a workflow', async () => {
    const result = await importableJourney(
      file(JSON.stringify({ id: 'x', name: '<script>alert(1)</script>', nodes: 'all', edges: [] })),
    );
    expect('problems' in result).toBe(true);
    if ('problems' in result) {
      expect(result.problems.map((p) => p.pointer)).toContain('/nodes');
      expect(result.problems.every((p) => p.message.zh && p.message.en)).toBe(true);
    }
  });

  it('should be refused unread when it is larger than the limit', async () => {
    const result = await importableJourney(file(' '.repeat(MAX_IMPORT_BYTES + 1)));
    expect('problems' in result && result.problems[0]?.message.en).toMatch(/too large/);
  });

  it('should keep journeys with problems the panel can show (an unreachable node)', async () => {
    const document = {
      id: 'x',
      name: 'x',
      version: 1,
      nodes: [
        {
          id: 'a',
          type: 'trigger',
          position: { x: 0, y: 0 },
          config: { event: 'order.created', correlationKey: 'orderId' },
        },
        { id: 'b', type: 'end', position: { x: 0, y: 0 }, config: { status: 'completed' } },
      ],
      edges: [],
    };
    expect('journey' in (await importableJourney(file(JSON.stringify(document))))).toBe(true);
  });
});
