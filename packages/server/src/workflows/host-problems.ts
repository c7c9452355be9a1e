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
 * what the editor, the validate route, publishing and `xiaoer validate` check on this server.
 * Accepts a parsed document or JSON text (parsed once).
 */
export function validateOnThisServer(input: unknown): ValidationResult {
  let document = input;
  if (typeof input === 'string')
    try {
      document = JSON.parse(input);
    } catch {
      return validate(input); // says where the text broke (json.invalid)
    }
  const checked = validate(document);
  if (checked.problems.some((p) => p.code === 'json.invalid' || p.code === 'schema.violation'))
    return checked;
  const refused = hostProblems(document as WorkflowDocument);
  return refused.length === 0
    ? checked
    : { valid: false, problems: [...checked.problems, ...refused] };
}
