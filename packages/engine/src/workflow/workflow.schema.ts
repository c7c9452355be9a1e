import type { JsonSchema } from '../nodes/node-type.ts';

export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/**
 * JSON Schema (draft 2020-12) of a workflow document's structure. Each node's `config` is
 * checked afterwards against its node type's own `configSchema`.
 */
export const workflowSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://xiaoer.dev/schemas/workflow.json',
  title: 'Xiaoer journey',
  type: 'object',
  required: ['id', 'name', 'version', 'nodes', 'edges'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: ID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    description: { type: 'string', maxLength: 2000 },
    nodes: {
      type: 'array',
      maxItems: 5000,
      items: {
        type: 'object',
        required: ['id', 'type', 'position', 'config'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          type: { type: 'string', minLength: 1, maxLength: 64 },
          label: { type: 'string', maxLength: 200 },
          position: {
            type: 'object',
            required: ['x', 'y'],
            additionalProperties: false,
            properties: { x: { type: 'number' }, y: { type: 'number' } },
          },
          config: { type: 'object' },
        },
      },
    },
    edges: {
      type: 'array',
      maxItems: 20000,
      items: {
        type: 'object',
        required: ['id', 'source', 'sourceHandle', 'target'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          source: { type: 'string', pattern: ID_PATTERN },
          sourceHandle: { type: 'string', minLength: 1, maxLength: 64 },
          target: { type: 'string', pattern: ID_PATTERN },
        },
      },
    },
  },
};
