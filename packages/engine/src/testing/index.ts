/**
 * @xiaoer/engine/testing — test journeys as state machines: a virtual clock, scripted events,
 * assertions on nodes, data and effects, and path coverage with `xstate/graph`.
 */
export {
  JourneyTest,
  journeyTest,
  JourneyAssertionError,
  type JourneyTestOptions,
  type Moved,
  type TimelineEntry,
} from './journey-test.ts';
export type { DroppedEvent, DropReason, EarlyEventMode } from './parked-events.ts';
export { awaitedAnywhere } from './early-events.ts';
export { VirtualClock } from './virtual-clock.ts';
export {
  PathCoverage,
  journeyPaths,
  pathKey,
  withoutLoops,
  type JourneyPath,
} from './journey-paths.ts';
export { walkPath, type WalkFixtures } from './walk-path.ts';
export {
  runScenario,
  applyStep,
  scenarioSchema,
  SCENARIO_STEP_KINDS,
  type Scenario,
  type ScenarioStep,
  type ScenarioResult,
  type ScenarioProblem,
} from './scenario.ts';
export { startingAt, START_AT_NODE_FLAG } from './start-at-node.ts';
export {
  replayRecorded,
  type RecordedStep,
  type ReplayOutcome,
  type ReplayDifference,
  type BehaviourItem,
  type TracedItem,
} from './replay.ts';
