import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate, type WorkflowDocument } from '@xiaoer/engine';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/** `GET /api/templates`: what "New from template" offers, read from workflows/. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shipped = readdirSync(new URL('../../workflows/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('journey templates', () => {
  it('should list the starters first, then every shipped journey', async () => {
    const response = await h.request('GET', '/api/templates');
    expect(response.status).toBe(200);
    const { templates } = (await response.json()) as {
      templates: { id: string; kind: string; nodes: number; trigger: string; name: string }[];
    };
    expect(templates[0]).toMatchObject({
      id: 'order-thank-you',
      kind: 'starter',
      nodes: 4,
      trigger: 'order.created',
    });
    expect(
      templates
        .filter((t) => t.kind === 'shipped')
        .map((t) => t.id)
        .sort(),
    ).toEqual(shipped.sort());
    expect(templates.every((t) => t.name.includes(' / '))).toBe(true);
  });

  it('should give each template as a workflow without problems', async () => {
    const { templates } = (await (await h.request('GET', '/api/templates')).json()) as {
      templates: { id: string }[];
    };
    for (const { id } of templates) {
      const response = await h.request('GET', `/api/templates/${id}`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as WorkflowDocument;
      expect(document.id).toBe(id);
      expect(validate(document).problems).toEqual([]);
    }
  });

  it('should answer an unknown template with 404 in both languages', async () => {
    const response = await h.request('GET', '/api/templates/no-such-journey');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: object } };
    expect(body.error.code).toBe('template-not-found');
    expect(body.error.message).toEqual({
      zh: expect.stringContaining('no-such-journey'),
      en: expect.stringContaining('no-such-journey'),
    });
  });

  it('should refuse callers who are not logged in', async () => {
    const response = await fetch(`${h.url}/api/templates`);
    expect(response.status).toBe(401);
  });
});
