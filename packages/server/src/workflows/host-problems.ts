import {
  problemMessages,
  validate,
  type Problem,
  type ValidationResult,
  type WorkflowDocument,
} from '@xiaoer/engine';
import { isChatOnlyType } from '../intake/chat-only-events.ts';

/**
 * What this server refuses in a journey beyond the engine's own rules: an `emitEvent` node
 * publishing an event only the chat may send (`conversation.*`). The intake would refuse it
 * when the journey runs (its effect dead-lettered); said here, the editor shows it on the node
 * and publishing is refused, before any customer meets it.
 */
export function hostProblems(document: WorkflowDocument): Problem[] {
  return document.nodes.flatMap((node, index): Problem[] => {
    if (node.type !== 'emitEvent') return [];
    const event = (node.config as { event?: unknown }).event;
    if (typeof event !== 'string' || !isChatOnlyType(event)) return [];
    return [
      {
        code: 'config.invalid',
        pointer: `/nodes/${index}/config/event`,
        nodeId: node.id,
        message: problemMessages['config.invalid']({
          nodeId: node.id,
          reason: {
            zh: `"${event.slice(0, 100)}" 是聊天自己发出的事件，旅程不能发布它`,
            en: `"${event.slice(0, 100)}" is the chat's own event; a journey cannot publish it`,
          },
        }),
      },
    ];
  });
}

/**
 * The engine's `validate`, then {@link hostProblems} for a document well-formed enough to read:
 * what the editor, the validate route and publishing check on this server.
 */
export function validateOnThisServer(input: unknown): ValidationResult {
  const checked = validate(input);
  if (checked.problems.some((p) => p.code === 'json.invalid' || p.code === 'schema.violation'))
    return checked;
  const document = (typeof input === 'string' ? JSON.parse(input) : input) as WorkflowDocument;
  const refused = hostProblems(document);
  return refused.length === 0
    ? checked
    : { valid: false, problems: [...checked.problems, ...refused] };
}
