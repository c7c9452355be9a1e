import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '@xiaoer/server';
import { authBodySchemas, undocumentedRoutes, workflowBodySchemas } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

interface Operation {
  'x-permission'?: string;
  'x-personal-data'?: string;
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, unknown>;
  parameters: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

let h: Harness;
let doc: Document;
beforeAll(async () => {
  h = await startHarness();
  const response = await h.request('GET', '/api/docs', undefined, '');
  expect(response.status).toBe(200);
  doc = (await response.json()) as Document;
});
afterAll(async () => h?.close());

const bodyOf = (path: string, method: string) =>
  doc.paths[path]?.[method]?.requestBody?.content['application/json'].schema;

describe('the OpenAPI document at /api/docs', () => {
  it('should be a valid OpenAPI 3.1 document, served without logging in', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('should describe every route the server has', () => {
    const app = createApp({
      store: { kind: 'ferretdb-sqlite', ping: async () => 1 },
      xiaoer: h.xiaoer,
    });
    expect(undocumentedRoutes(app)).toEqual([]);
    for (const path of ['/api/events', '/api/workflows/{id}', '/api/instances/{id}/cancel'])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('should carry the very schemas the routes validate with, and the permissions they check', () => {
    expect(bodyOf('/api/users', 'post')).toEqual(authBodySchemas.createUser);
    expect(bodyOf('/api/workflows/{id}', 'put')).toEqual(workflowBodySchemas.update);
    expect(doc.paths['/api/workflows/{id}/publish']?.['post']?.['x-permission']).toBe('publish');
    expect(doc.paths['/api/users']?.['get']?.['x-permission']).toBe('admin');
    const list = doc.paths['/api/instances']?.['get'];
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['workflow', 'status', 'correlation', 'page']),
    );
  });

  it('should mean what it says: each documented request body rejects a body that breaks it', async () => {
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json'].schema as
          { type?: string } | undefined;
        if (schema?.type !== 'object' || !operation['x-permission']) continue;
        const url = path.replace(/\{[a-z]+\}/g, 'x');
        const response = await h.request(method.toUpperCase(), url, ['not', 'an', 'object']);
        expect([response.status, `${method} ${path}`]).toEqual([400, `${method} ${path}`]);
        const body = (await response.json()) as { error: { code: string } };
        expect(body.error.code).toBe('invalid-body');
        expect(operation.responses['400']).toBeDefined();
        checked.push(`${method} ${path}`);
      }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('should mean what it says: each documented query refuses unknown, repeated and bad parameters', async () => {
    const checked: string[] = [];
    const refusal = async (url: string) => {
      const response = await h.request('GET', url);
      const body = (await response.json()) as { error: { code: string; details?: object } };
      return [url, response.status, body.error?.code];
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      const operation = methods['get'];
      const query = operation?.parameters.filter((p) => p.in === 'query') ?? [];
      if (!operation || query.length === 0) continue;
      const url = path.replace(/\{[a-zA-Z]+\}/g, 'x');
      expect(operation.responses['400']).toBeDefined();
      expect(await refusal(`${url}?made-up=1`)).toEqual([`${url}?made-up=1`, 400, 'invalid-query']);
      for (const { name, schema } of query) {
        const example = schema['enum'] ? String((schema['enum'] as string[])[0]) : '1';
        const twice = `${url}?${name}=${example}&${name}=${example}`;
        expect(await refusal(twice)).toEqual([twice, 400, 'invalid-query']);
        if (schema['type'] === 'integer' || schema['enum']) {
          const bad = `${url}?${name}=-99999999999`;
          expect(await refusal(bad)).toEqual([bad, 400, 'invalid-query']);
        }
      }
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });

  it("should mark the answers that mask customers' personal data, as docs/security.md lists them", () => {
    const securityDoc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const section = securityDoc.split('**Routes whose answers carry customer data**')[1] ?? '';
    const listed = new Set(
      [...(section.split('\n\n')[1] ?? '').matchAll(/`(?:[A-Z]+ )?(\/api\/[^`]+)`/g)].map(
        (match) => match[1],
      ),
    );
    const marked = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.values(operations)
        .filter((operation) => operation['x-personal-data'])
        .map(() => path.replace(/\{([a-zA-Z]+)\}/g, ':$1')),
    );
    expect(marked.length).toBeGreaterThanOrEqual(15);
    expect(new Set(marked)).toEqual(listed);
  });

  it('should have each of its paths in the API table of docs/runtime.md', () => {
    // docs/server-api.md sends a developer to that table for every route. A row names a path in
    // full or, after one in full, by its last segment (`/cancel`, `/export`, `[/:n]`).
    const runtimeDoc = readFileSync(new URL('../../docs/runtime.md', import.meta.url), 'utf8');
    const table = runtimeDoc.split('\n## API\n')[1]?.split('\n\n')[0] ?? '';
    const rows = table.split('\n').map((row) => row.replace(/:[a-zA-Z]+/g, ':'));
    const named = (row: string, path: string) =>
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-])`).test(row);
    const missing = Object.keys(doc.paths).filter((path) => {
      const normal = path.replace(/\{[a-zA-Z]+\}/g, ':');
      const parent = normal.slice(0, normal.lastIndexOf('/'));
      const last = normal.slice(normal.lastIndexOf('/'));
      return !rows.some(
        (row) => named(row, normal) || (row.includes(parent) && named(row, last) && parent !== ''),
      );
    });
    expect(rows.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });
});
