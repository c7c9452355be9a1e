import {
  acceptedEvents,
  ENGINE_EVENTS,
  type CallEffect,
  type JourneyEvent,
  type JsonObject,
  type SendEffect,
  type WorkflowDocument,
} from '@xiaoer/engine';
import {
  applyStep,
  awaitedAnywhere,
  JourneyTest,
  startingAt,
  START_AT_NODE_FLAG,
  type DroppedEvent,
  type EarlyEventMode,
  type ScenarioStep,
  type Scenario,
  type TimelineEntry,
} from '@xiaoer/engine/testing';

/**
 * What a scenario may set about the run besides its steps: where the virtual clock starts, and
 * whether messages are confirmed as delivered at once (`autoConfirmSends`, default true) or
 * wait for a `sendSucceeded` / `sendFailed` step. The panel keeps them as a scenario has them.
 */
export type RunSettings = Pick<Scenario, 'startAt' | 'autoConfirmSends'>;

/**
 * The step of a replayed scenario the journey refused (an event it cannot take there, an
 * answer to no open call, an `expectNode` elsewhere, a run error): the replay stops before it,
 * as `runScenario` does (its `failedStep`), and the run so far stays.
 */
export interface ReplayRefusal {
  /** Index in the scenario's `steps`. */
  index: number;
  step: ScenarioStep;
  error: Error;
  /** Where the journey was when the step was refused. */
  node: string;
  /** How many steps the scenario has in all. */
  total: number;
}

/** Events the operator picks by hand: the node's awaited events minus what the host answers. */
const HOST_EVENTS = new Set<string>([
  ENGINE_EVENTS.timerFired,
  ENGINE_EVENTS.sendSucceeded,
  ENGINE_EVENTS.sendFailed,
  ENGINE_EVENTS.callSucceeded,
  ENGINE_EVENTS.callFailed,
]);

/** Sample trigger data for a new simulation: an order as the demo shop sends one. */
export const SAMPLE_ORDER: JsonObject = {
  orderId: 'SIM-1001',
  customer: { name: '张三', phone: '13800000000', email: 'zhangsan@example.com', language: 'zh' },
  items: [{ sku: 'TEA-01', title: '龙井茶 / Longjing tea', quantity: 2, price: 88 }],
  total: 176,
  address: { city: '杭州', line1: '西湖区文三路 1 号' },
};

/**
 * Trigger data to start a simulation with: the sample order, plus a placeholder for each field
 * the trigger's data schema requires that the sample lacks.
 */
export function sampleData(workflow: WorkflowDocument): JsonObject {
  const trigger = workflow.nodes.find((n) => n.type === 'trigger');
  const schema = (trigger?.config['data'] ?? {}) as JsonObject;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonObject>;
  const sample: JsonObject = { ...SAMPLE_ORDER };
  for (const key of (schema['required'] ?? []) as string[]) {
    if (key in sample) continue;
    const type = properties[key]?.['type'];
    const choices = properties[key]?.['enum'] ?? properties[key]?.['examples'];
    sample[key] = Array.isArray(choices)
      ? (choices[0] ?? null)
      : type === 'number' || type === 'integer'
        ? 1
        : type === 'boolean'
          ? false
          : type === 'object'
            ? {}
            : type === 'array'
              ? []
              : `sample-${key}`;
  }
  return sample;
}

/**
 * A journey run in the browser with the engine itself, on a virtual clock: the same
 * `JourneyTest` developers use in unit tests. Starting at a node other than the trigger runs a
 * copy of the workflow whose trigger leads straight there and accepts any data. With
 * `early: 'park'` an event the current node does not wait for yet is parked and offered again
 * as the journey moves, as the server does (docs/testing-journeys.md, "Events that come early").
 * A replayed scenario's `startAt` and `autoConfirmSends` (its `settings`) run as `runScenario`
 * runs them, and are saved back unchanged.
 */
export class BrowserSimulation {
  readonly test: JourneyTest<EarlyEventMode>;
  readonly startNode: string | undefined;
  /** What the run does with an event the node does not wait for yet: refuse it, or park it. */
  readonly early: EarlyEventMode;
  /** The scenario's clock start and delivery confirmation, as given (none: the defaults). */
  readonly settings: RunSettings;
  readonly #trigger: JsonObject;
  readonly #workflow: WorkflowDocument;
  /** What the operator did, as scenario steps: saved, it replays the same run. */
  readonly steps: ScenarioStep[] = [];
  #refused: ReplayRefusal | undefined;

  constructor(
    workflow: WorkflowDocument,
    data: JsonObject,
    startNode?: string,
    early: EarlyEventMode = 'throw',
    settings: RunSettings = {},
  ) {
    this.startNode = startNode;
    this.early = early;
    this.settings = {
      ...(settings.startAt !== undefined ? { startAt: settings.startAt } : {}),
      ...(settings.autoConfirmSends !== undefined
        ? { autoConfirmSends: settings.autoConfirmSends }
        : {}),
    };
    this.#trigger = data;
    this.#workflow = workflow;
    this.test = new JourneyTest<EarlyEventMode>(
      startNode ? startingAt(workflow, startNode) : workflow,
      {
        early,
        // As runScenario: an empty start time is the default one.
        ...(settings.startAt ? { startAt: settings.startAt } : {}),
        ...(settings.autoConfirmSends !== undefined
          ? { autoConfirmSends: settings.autoConfirmSends }
          : {}),
      },
    );
    this.test.trigger(startNode ? { ...data, [START_AT_NODE_FLAG]: true } : data);
  }

  /**
   * Replays a saved scenario as `runScenario` does: a step the journey refuses stops the replay
   * there, the run so far stays and `refused` says which step and why. A trigger the journey
   * refuses throws (there is no run to show).
   */
  static replay(workflow: WorkflowDocument, scenario: Scenario): BrowserSimulation {
    const sim = new BrowserSimulation(
      workflow,
      scenario.trigger,
      scenario.startNode,
      scenario.early,
      { startAt: scenario.startAt, autoConfirmSends: scenario.autoConfirmSends },
    );
    for (const [index, step] of scenario.steps.entries()) {
      try {
        sim.#apply(step);
      } catch (error) {
        sim.#refused = {
          index,
          step,
          error: error instanceof Error ? error : new Error(String(error)),
          node: sim.node,
          total: scenario.steps.length,
        };
        break;
      }
    }
    return sim;
  }

  /** The step a replay stopped at, when the journey refused one (see `replay`). */
  get refused(): ReplayRefusal | undefined {
    return this.#refused;
  }

  /** This run as a scenario (the engine's format, as `xiaoer simulate` reads it). */
  toScenario(name: string): Scenario {
    return {
      name,
      trigger: this.#trigger,
      ...(this.startNode ? { startNode: this.startNode } : {}),
      ...(this.early === 'park' ? { early: this.early } : {}),
      ...this.settings,
      steps: [...this.steps],
    };
  }

  #apply(step: ScenarioStep): void {
    applyStep(this.test, step);
    this.steps.push(step);
  }

  get node(): string {
    return this.test.node;
  }
  get status(): string {
    return this.test.status;
  }
  get now(): string {
    return this.test.clock.now;
  }
  get timeline(): TimelineEntry[] {
    return this.test.timeline;
  }
  get data(): JsonObject {
    return this.test.data;
  }
  /** Nodes the journey has been in, and the edges it took (`source/outcome`). */
  get visited(): Set<string> {
    return new Set(this.test.visited);
  }
  get takenOutcomes(): Set<string> {
    return new Set(this.test.path.map((p) => `${p.nodeId}/${p.outcome}`));
  }
  /** Event types the current node waits for that the operator can send. */
  get waitingFor(): string[] {
    if (this.status !== 'active') return [];
    return acceptedEvents(this.test.machine, this.test.snapshot).filter((t) => !HOST_EVENTS.has(t));
  }
  /**
   * With `early: 'park'`: the event types the operator can send before the journey waits for
   * them, those another node of the journey waits for (the current node's are `waitingFor`).
   */
  get earlyChoices(): string[] {
    if (this.early !== 'park' || this.status !== 'active') return [];
    const now = new Set(this.waitingFor);
    return [...awaitedAnywhere(this.test.machine)].filter(
      (t) => !HOST_EVENTS.has(t) && !now.has(t),
    );
  }
  /** Events parked with the journey and not taken yet, oldest first. */
  get parked(): JourneyEvent[] {
    return this.test.parked;
  }
  /** Events the journey let go without taking them, each with where it was and why. */
  get dropped(): DroppedEvent[] {
    return this.test.dropped;
  }
  /**
   * The choices of the question the journey waits on (an "ask customer" node with options):
   * replying with one takes its outcome, as the customer's words would.
   */
  get replyOptions(): { id: string; label: { zh: string; en?: string } }[] {
    if (!this.waitingFor.includes(ENGINE_EVENTS.customerReplied)) return [];
    const node = this.#workflow.nodes.find((n) => n.id === this.test.node);
    const options = node?.type === 'askCustomer' ? node.config['options'] : undefined;
    return Array.isArray(options)
      ? (options as { id: string; label: { zh: string; en?: string } }[])
      : [];
  }
  /** The customer answers the question (an option id, or any words). */
  reply(text: string): void {
    this.#apply({ reply: text });
  }

  /** The message waiting for its channel to report delivery (with `autoConfirmSends: false`). */
  get awaitingDelivery(): SendEffect | undefined {
    if (this.status !== 'active') return undefined;
    return [...this.test.effects]
      .reverse()
      .find(
        (e): e is SendEffect => e.kind === 'send' && e.expectsResult && !this.test.answered(e.id),
      );
  }
  /** The channel reports the waiting message delivered, or not delivered. */
  answerDelivery(delivered: boolean): void {
    this.#apply(delivered ? { sendSucceeded: true } : { sendFailed: true });
  }

  /** Order-system calls waiting for an answer. */
  get openCalls(): CallEffect[] {
    return this.status === 'active' ? this.test.calls.filter((c) => !this.test.answered(c.id)) : [];
  }
  get nextTimerAt(): string | undefined {
    return this.test.nextTimer?.dueAt;
  }

  send(type: string, data: JsonObject): void {
    this.#apply({ event: type, data });
  }
  advance(duration: string): void {
    this.#apply({ advance: duration });
  }
  /** Moves the clock to the next timer (a wait's 2 days) so that it fires; nothing without one. */
  advanceToNextTimer(): void {
    const due = this.nextTimerAt;
    if (!due) return;
    const seconds = Math.ceil((Date.parse(due) - Date.parse(this.now)) / 1000);
    this.advance(`${Math.max(seconds, 0)}s`);
  }
  answerCall(call: CallEffect, succeed: boolean): void {
    this.#apply(succeed ? { callSucceeded: call.operation } : { callFailed: call.operation });
  }
}
