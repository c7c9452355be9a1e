/**
 * @xiaoer/engine — the journey engine: workflow schema and validation, node types, the
 * compiler to XState v5 and the pure `start`/`step` functions. No I/O, no clock, no randomness.
 */
export type {
  JsonValue,
  JsonObject,
  LocalizedText,
  MessageText,
  NodePosition,
  WorkflowNode,
  WorkflowEdge,
  WorkflowDocument,
} from './workflow/workflow.types.ts';
export { bilingualHalf } from './workflow/bilingual-text.ts';
export { workflowSchema } from './workflow/workflow.schema.ts';
export { parseWorkflow } from './workflow/parse-workflow.ts';

export { validate, type ValidationResult } from './validation/validate.ts';
export type { Problem } from './validation/problem.ts';
export { problemMessages, type ProblemCode } from './validation/problem-messages.ts';
export { knownVariables } from './validation/variable.checks.ts';
export { variablesByNode } from './validation/variables-by-node.ts';

export { nodeTypes, getNodeType } from './nodes/registry.ts';
export type {
  NodeType,
  AnyNodeType,
  NodeCategory,
  Outcome,
  JsonSchema,
  VariableRead,
  NodeStateConfig,
  CompileContext,
} from './nodes/node-type.ts';
export type { TriggerConfig } from './nodes/trigger/trigger.node.ts';
export type { SendMessageConfig } from './nodes/send-message/send-message.node.ts';
export { waitTiming, type WaitConfig } from './nodes/wait/wait.node.ts';
export type { TimerTiming } from './nodes/shared/timers.ts';
export type { WaitForEventConfig } from './nodes/wait-for-event/wait-for-event.node.ts';
export type { ConditionConfig, ConditionBranch } from './nodes/condition/condition.node.ts';
export {
  ORDER_OPERATIONS,
  type CallOrderSystemConfig,
  type RetryPolicy,
} from './nodes/call-order-system/call-order-system.node.ts';
export type { AskCustomerConfig, AskOption } from './nodes/ask-customer/ask-customer.node.ts';
export type { SetDataConfig } from './nodes/set-data/set-data.node.ts';
export type { EmitEventConfig } from './nodes/emit-event/emit-event.node.ts';
export type { EndConfig } from './nodes/end/end.node.ts';
export type { ClassifyIntentConfig } from './nodes/classify-intent/classify-intent.node.ts';
export type { AnswerFromKnowledgeBaseConfig } from './nodes/answer-from-knowledge-base/answer-from-knowledge-base.node.ts';
export {
  HANDOFF_EVENTS,
  type HandoffToAgentConfig,
} from './nodes/handoff-to-agent/handoff-to-agent.node.ts';
export { SERVICE_OPERATIONS, SERVICE_OPERATION_PREFIX } from './nodes/shared/service-call.ts';

export {
  compile,
  journeyOf,
  type JourneyMachine,
  type JourneyOutput,
  type CompiledJourney,
} from './runtime/compile.ts';
export {
  start,
  step,
  acceptedEvents,
  type StepResult,
  type JourneySnapshot,
  type PathStep,
} from './runtime/step.ts';
export { triggerDataProblems, type TriggerDataProblem } from './runtime/trigger-data.ts';
export {
  ENGINE_EVENTS,
  type JourneyEvent,
  type JourneyContext,
  type JourneyInput,
  type NodeVisit,
} from './runtime/journey-context.ts';
export {
  CHANNELS,
  type Channel,
  type Effect,
  type EffectKind,
  type SendEffect,
  type CallEffect,
  type ScheduleEffect,
  type CancelEffect,
  type EmitEffect,
} from './runtime/effect.types.ts';

export {
  renderTemplate,
  renderValue,
  readPath,
  templateVariables,
  type TemplateFormat,
} from './expressions/template.ts';
export {
  evaluateCondition,
  evaluateExpression,
  conditionVariables,
  type Condition,
} from './expressions/json-logic.ts';
export { isStorableKey, findUnstorableKey } from './expressions/data-keys.ts';
export { parseDuration } from './time/duration.ts';
export type { AllowedHours } from './time/allowed-hours.ts';

export {
  XiaoerError,
  WorkflowValidationError,
  InvalidEventError,
  EventNotAcceptedError,
  TriggerMismatchError,
  JourneyEndedError,
  InvalidSnapshotError,
} from './errors.ts';
export { journeyFormatMarkdown } from './docs/journey-format.ts';
export { localizedSchemaError, schemaErrorPointer } from './validation/schema-validator.ts';
