import { createMachine } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { compile, journeyOf } from '../runtime/compile.ts';
import type { PathStep } from '../runtime/step.ts';

/** A way through a journey, from the trigger to an end node, as the outcomes taken. */
export type JourneyPath = PathStep[];

const SEPARATOR = '→';

/** A readable key for a path: `start:next → ship:received → ...`. */
export function pathKey(path: JourneyPath): string {
  return path.map((s) => `${s.nodeId}:${s.outcome}`).join(` ${SEPARATOR} `);
}

/**
 * Every simple path (no node twice) from the trigger to an end node. The journey's graph of
 * outcomes is compiled into an outline state machine and traversed with `xstate/graph`.
 */
export function journeyPaths(workflow: WorkflowDocument): JourneyPath[] {
  const { workflow: doc, nodes, trigger } = journeyOf(compile(workflow));
  const states: Record<string, object> = {};
  const events: { type: string }[] = [];
  for (const { node, type } of nodes.values()) {
    const on: Record<string, string> = {};
    for (const outcome of type.outcomes(node.config)) {
      const edge = doc.edges.find((e) => e.source === node.id && e.sourceHandle === outcome.id);
      if (!edge) continue;
      const eventType = `${node.id}${SEPARATOR}${outcome.id}`;
      on[eventType] = edge.target;
      events.push({ type: eventType });
    }
    states[node.id] = node.type === 'end' ? { type: 'final' } : { on };
  }
  const outline = createMachine({ id: 'outline', initial: trigger.id, states: states as never });
  const paths = getSimplePaths(outline, {
    events,
    toState: (snapshot) => snapshot.status === 'done',
    serializeState: (snapshot) => String(snapshot.value),
  });
  return paths.map((p) =>
    p.steps
      .filter((s) => s.event.type.includes(SEPARATOR))
      .map((s) => {
        const [nodeId, outcome] = s.event.type.split(SEPARATOR) as [string, string];
        return { nodeId, outcome, target: String(s.state.value) };
      }),
  );
}

/**
 * Removes loops from a recorded run (cut back to a node's first visit whenever it reappears),
 * so a run that looped maps onto the simple path it followed.
 */
export function withoutLoops(run: JourneyPath): JourneyPath {
  const result: JourneyPath = [];
  for (const step of run) {
    const seen = result.findIndex((s) => s.nodeId === step.nodeId);
    if (seen >= 0) result.splice(seen);
    result.push(step);
  }
  return result;
}

/**
 * Tracks which of a journey's paths the tests walked. Record each finished test run, then ask
 * for what is left.
 *
 * @example
 * const coverage = new PathCoverage(workflow);
 * coverage.record(test.path);
 * expect(coverage.uncovered().map(pathKey)).toEqual([]);
 */
export class PathCoverage {
  readonly paths: JourneyPath[];
  readonly #covered = new Set<string>();

  constructor(workflow: WorkflowDocument) {
    this.paths = journeyPaths(workflow);
  }

  record(run: JourneyPath): void {
    this.#covered.add(pathKey(withoutLoops(run)));
  }

  covered(): JourneyPath[] {
    return this.paths.filter((p) => this.#covered.has(pathKey(p)));
  }

  uncovered(): JourneyPath[] {
    return this.paths.filter((p) => !this.#covered.has(pathKey(p)));
  }

  /** A short report: `3/4 paths covered` and the missing ones. */
  report(): string {
    const missing = this.uncovered();
    const lines = [`${this.paths.length - missing.length}/${this.paths.length} paths covered`];
    for (const path of missing) lines.push(`  missing: ${pathKey(path)}`);
    return lines.join('\n');
  }
}
