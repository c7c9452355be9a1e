import { nodeTypes } from '../nodes/registry.ts';
import type { AnyNodeType } from '../nodes/node-type.ts';

const fence = (json: unknown) => `\`\`\`json\n${JSON.stringify(json, null, 2)}\n\`\`\``;

/** One node type: what it does, its outcomes for its default config, its config schema. */
function nodeSection(type: AnyNodeType): string {
  const outcomes = type
    .outcomes(type.defaultConfig)
    .map((o) => `\`${o.id}\` (${o.title.zh} / ${o.title.en})`)
    .join(', ');
  return [
    `### \`${type.type}\` — ${type.title.zh} / ${type.title.en}`,
    '',
    `${type.description.zh}. ${type.description.en}.`,
    '',
    `Category \`${type.category}\`; ${type.waits ? 'waits for the outside world or time' : 'passes straight on'}. ` +
      `Outcomes with the default config: ${outcomes || 'none (it ends the journey)'}.`,
    '',
    'Default config:',
    '',
    fence(type.defaultConfig),
    '',
    'Config schema:',
    '',
    fence(type.configSchema),
  ].join('\n');
}

/**
 * The journey file format as Markdown, generated from the node registry so it cannot drift:
 * `docs/journey-format.md` is this text (a test compares them).
 */
export function journeyFormatMarkdown(): string {
  return `# Journey file format / 旅程文件格式

<!-- Generated from the engine's node registry by \`npm run docs:journey-format\`; do not edit. -->

A journey is one JSON document:

${fence({
  id: 'order-lifecycle',
  name: '订单全程关怀 / Order lifecycle',
  version: 1,
  nodes: [
    {
      id: 'orderCreated',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: { event: 'order.created', correlationKey: 'orderId' },
    },
    { id: 'done', type: 'end', position: { x: 280, y: 0 }, config: { status: 'completed' } },
  ],
  edges: [
    { id: 'orderCreated-next', source: 'orderCreated', sourceHandle: 'next', target: 'done' },
  ],
})}

Each node has an \`id\`, a \`type\` below, a \`position\` for the editor, an optional \`label\`
and its \`config\`; each edge leaves a node by one of its outcomes (\`sourceHandle\`) to another
node. Templates such as \`{{customer.name}}\` are Mustache over the journey data (the trigger's
data, plus what nodes save). Validate a file with \`xiaoer validate <file>\` (the engine's rules
and the server's own, as publishing checks them) or \`validate()\` from \`@xiaoer/engine\` (the
engine's rules).

## Node types / 节点类型

${nodeTypes.map(nodeSection).join('\n\n')}
`;
}
