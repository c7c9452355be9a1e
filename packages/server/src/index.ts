export { createProgram, runCli } from './cli/program.ts';
export { createApp, type AppOptions } from './http/app.ts';
export {
  DraftReplay,
  type ReplayReport,
  type ReplayRequest,
  type InstanceReplay,
} from './workflows/draft-replay.ts';
export { openApiDocument, undocumentedRoutes } from './http/openapi.ts';
export { workflowBodySchemas } from './http/workflows.route.ts';
export { authBodySchemas } from './http/auth.route.ts';
export { instanceBodySchemas } from './http/instances.route.ts';
export { LocalizedError } from './localized-error.ts';
export { ApiError, type ApiErrorBody } from './http/api-error.ts';
export { type HealthReport, type StoreProbe } from './http/health.route.ts';
export {
  startServer,
  ListenError,
  type RunningServer,
  type StartServerOptions,
} from './server/start-server.ts';
export { connectStore, probeOf } from './server/store-connection.ts';
export {
  launchStore,
  type LaunchStoreOptions,
  type RunningStore,
  type StoreKind,
} from './store/store-launcher.ts';
export { StoreError, type StoreErrorCode } from './store/store-error.ts';
export {
  FERRETDB_VERSION,
  ensureFerretdb,
  ferretdbBinaryPath,
  ferretdbBuildName,
  FERRETDB_PATCHES,
  patchFerretdbSources,
  xiaoerCacheDir,
  type ProgressReporter,
} from './store/ferretdb-binary.ts';

export {
  createXiaoer,
  RECOVERY_DEFAULTS,
  type Xiaoer,
  type XiaoerOptions,
} from './server/xiaoer.ts';
export type { XiaoerConfig, ChannelConfig } from './server/xiaoer-config.ts';
export {
  KnowledgeBase,
  KNOWLEDGE_DEFAULTS,
  renderAnswer,
  type KnowledgeOptions,
  type KnowledgeAnswer,
  type KnowledgeSearchMatch,
  type PromoteRequest,
} from './knowledge/knowledge-base.ts';
export {
  KnowledgeIndex,
  type SearchFilter,
  type KnowledgeMatch,
} from './knowledge/knowledge-index.ts';
export { tokenize } from './knowledge/tokenize.ts';
export type { KnowledgeArticle } from './knowledge/article.ts';
export {
  articleInputSchema,
  articleUpdateSchema,
  type ArticleInput,
} from './knowledge/article.schema.ts';
export type { ArticleQuery } from './knowledge/article-store.ts';
export type {
  UnansweredGroup,
  UnansweredExample,
  FrequentOptions,
} from './knowledge/unanswered-questions.ts';
export { readSeedArticles, seedKnowledge, SHIPPED_KNOWLEDGE } from './knowledge/seed-articles.ts';
export { knowledgeBodySchemas } from './http/knowledge.query.ts';
export { signedHeaders, signBody, base64Hmac, SIGNATURE_HEADERS } from './intake/signature.ts';
export type { EventSource, SourceKind } from './intake/event-source.ts';
export type { CloudEvent } from './intake/cloud-event.ts';
export {
  HttpOrderSystem,
  DEFAULT_OPERATIONS,
  type HttpOrderSystemConfig,
  type OperationMapping,
} from './connectors/http-order-system.ts';
export {
  WebhookChannel,
  type WebhookChannelConfig,
  type WebhookPreset,
} from './connectors/webhook-channel.ts';
export { SmsChannel, type SmsChannelConfig } from './connectors/sms-channel.ts';
export { SmtpChannel, type SmtpChannelConfig } from './connectors/smtp-channel.ts';
export { LogChannel, LogPublisher } from './connectors/log-channel.ts';
export type {
  CallOutcome,
  Connectors,
  EventPublisher,
  MessageChannel,
  OrderSystemConnector,
  OutgoingMessage,
  PublishedEvent,
} from './connectors/connector.types.ts';
export { DeliveryError } from './connectors/connector.types.ts';
export {
  JourneyRuntime,
  UnknownInstanceError,
  type ApplyResult,
} from './runtime/journey-runtime.ts';
export type {
  InstanceRecord,
  StepRecord,
  InstanceEvent,
  InstanceStatus,
} from './model/instance.model.ts';
export type { EffectRecord, EffectStatus, DeadLetterRecord } from './model/effect.model.ts';
export {
  TimerBuckets,
  TIMER_BUCKET_JOB,
  BUCKET_SHARDS,
  bucketOf,
  bucketJobMarker,
  bucketClosedMarker,
  type TimerBucketOptions,
} from './runtime/timer-buckets.ts';
export { laneId, slotId } from './runtime/timer-lanes.ts';
export {
  createScheduler,
  SCHEDULER_DEFAULTS,
  type SchedulerOptions,
} from './runtime/job-scheduler.ts';
export { createModels, type Models } from './model/models.ts';
