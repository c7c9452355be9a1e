import type {
  JsonObject,
  JsonValue,
  LocalizedText,
  WorkflowNode,
} from '../workflow/workflow.types.ts';
import type { JourneyContext, JourneyEvent } from '../runtime/journey-context.ts';
import type { Effect } from '../runtime/effect.types.ts';

/** Palette groups in the editor. */
export type NodeCategory = 'trigger' | 'message' | 'flow' | 'data' | 'orders' | 'customer';

/** A JSON Schema (draft 2020-12) object; UI hints live under `x-ui`. */
export type JsonSchema = { [key: string]: JsonValue };

/** One exit of a node: an outcome handle on the canvas, an edge in the document. */
export interface Outcome {
  id: string;
  title: LocalizedText;
}

/** A variable read by a node, with a JSON Pointer relative to the node's `config`. */
export interface VariableRead {
  path: string;
  pointer: string;
}

/** A problem a node type finds in its own config beyond the schema. */
export interface ConfigProblem {
  code:
    | 'duration.invalid'
    | 'timezone.invalid'
    | 'template.invalid'
    | 'condition.invalid'
    | 'option.duplicateId'
    | 'dataSchema.invalid';
  pointer: string;
  value: string;
}

/** Serializable reference to an implementation supplied once through `setup()`. */
export interface ActionRef {
  type: 'enter' | 'effect' | 'update' | 'outcome';
  params: JsonObject;
}
export interface GuardRef {
  type: 'check' | 'effectIs' | 'timerIs';
  params: JsonObject;
}
export interface TransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  reenter?: boolean;
}

/** What `compile()` of a node returns: plain JSON, turned into an XState state node. */
export interface NodeStateConfig {
  type?: 'final';
  entry?: ActionRef[];
  on?: Record<string, TransitionConfig[]>;
  always?: TransitionConfig[];
  output?: JsonObject;
}

/** Helpers a node's `compile()` uses to build its transitions. */
export interface CompileContext {
  /** Enter the node: counts the visit. Always first in `entry`. */
  enter(): ActionRef;
  /** Produce the node's named effect (built by the node type's `effects[name]`). */
  effect(name: string): ActionRef;
  /** Change journey data through the node type's `updates[name]`. */
  update(name: string): ActionRef;
  /** A guard evaluated by the node type's `guards[name]`, with extra params. */
  check(name: string, params?: JsonObject): GuardRef;
  /** Only the result event of this visit's named effect passes. */
  effectIs(name: string): GuardRef;
  /** Only this visit's named timer passes. */
  timerIs(name: string): GuardRef;
  /** Leave the node through an outcome, running `actions` first. */
  go(outcome: string, actions?: ActionRef[]): TransitionConfig;
}

/** What node behaviour sees at run time. */
export interface NodeRuntimeArgs<Config> {
  node: WorkflowNode<Config & object>;
  context: JourneyContext;
  event: JourneyEvent;
  /** The time of the event being processed. */
  at: string;
  params: JsonObject;
}

/**
 * A node type: self-describing data (titles, category, config schema, outcomes) plus its
 * behaviour. The registry lists them; the editor renders palette and forms from the same data.
 */
export interface NodeType<Config = JsonObject> {
  type: string;
  title: LocalizedText;
  description: LocalizedText;
  category: NodeCategory;
  configSchema: JsonSchema;
  /** A valid starting config for a node dropped on the canvas. */
  defaultConfig: Config;
  outcomes(config: Config): Outcome[];
  /** True when the node pauses for time or the outside world (a loop must pass one). */
  waits: boolean;
  /** Event types the node accepts while the journey sits in it. */
  awaits(config: Config): string[];
  /** Variables the node reads, for "unknown variable" checks. */
  reads(config: Config): VariableRead[];
  /** Variables the node assigns into journey data. */
  writes(config: Config): string[];
  /** Checks beyond the JSON Schema (durations, templates, time zones...). */
  check?(config: Config): ConfigProblem[];
  compile(node: WorkflowNode<Config & object>, c: CompileContext): NodeStateConfig;
  effects?: Record<string, (args: NodeRuntimeArgs<Config>) => Effect | null>;
  updates?: Record<string, (args: NodeRuntimeArgs<Config>) => Partial<JourneyContext>>;
  guards?: Record<string, (args: NodeRuntimeArgs<Config>) => boolean>;
}

/**
 * A node type seen from outside: its config is JSON. The registry erases each type's own
 * config type to this, because configs are only trusted after their `configSchema` passed.
 */
export type AnyNodeType = NodeType<JsonObject>;

/** Declares a node type with its config type checked. */
export function defineNodeType<Config>(definition: NodeType<Config>): NodeType<Config> {
  return definition;
}
