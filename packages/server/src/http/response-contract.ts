import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface DocumentOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components: { schemas: Record<string, unknown> };
}

/** What a real answer broke of its declared schema; empty when it keeps the contract. */
export type ContractCheck = (
  method: string,
  path: string,
  status: number,
  body: unknown,
) => string[];

/**
 * Checks real answers against the JSON schemas the OpenAPI document declares for them
 * (`responds()`), for contract tests: `path` is the document's (`/api/instances/{id}`).
 * A status without a declared JSON schema is itself a breach.
 */
export function responseContract(document: OpenApiDocument): ContractCheck {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema({ $id: 'xiaoer:components', components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  return (method, path, status, body) => {
    const key = `${method.toLowerCase()} ${path} ${status}`;
    let check = compiled.get(key);
    if (!check) {
      const operation = document.paths[path]?.[method.toLowerCase()];
      const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return [`no JSON schema is declared for ${key}`];
      const resolved = JSON.parse(
        JSON.stringify(schema).replaceAll('"#/components/', '"xiaoer:components#/components/'),
      ) as object;
      check = ajv.compile(resolved);
      compiled.set(key, check);
    }
    if (check(body)) return [];
    return (check.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
