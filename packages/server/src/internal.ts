/**
 * @xiaoer/server/internal — NOT an API. The server's inner parts that Xiaoer's own tests,
 * benchmarks and scripts reach (the runtime's pieces, models, routing, analytics, quality,
 * intents, knowledge, the platform adapters, the demo data...). Names here change or go away in
 * any release without notice; embedders use `@xiaoer/server` (docs/server-api.md) and
 * `@xiaoer/server/testing`. Prefer importing the curated name when there is one.
 */
export {
  DraftReplay,
  type ReplayReport,
  type ReplayRequest,
  type InstanceReplay,
} from './workflows/draft-replay.ts';
export { openApiDocument, undocumentedRoutes } from './http/openapi.ts';
export { workflowBodySchemas } from './http/workflows.route.ts';
export { authBodySchemas } from './http/auth.route.ts';
export { LoginLockout } from './auth/login-lockout.ts';
export { AdminsChangingError, AuthService, LastAdminError } from './auth/auth-service.ts';
export { INSTANCE_STREAMS_PER_USER, instanceBodySchemas } from './http/instances.route.ts';
export { CONVERSATION_STREAMS_PER_USER } from './http/chat.route.ts';
export { STREAM_RECHECK_MS } from './http/signed-out-streams.ts';
export { routingBodySchemas } from './http/routing.schema.ts';
export { ApiError } from './http/api-error.ts';
export { fromEngineError } from './errors/engine-errors.ts';
export {
  GroupCommit,
  DuplicateKeyError,
  type CommitWindow,
  type UpdateOperation,
} from './model/group-commit.ts';
export { dropDatabase, postgresAdminUrl } from './store/postgres-database.ts';
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
export { backfillOutcomes } from './instances/outcome-backfill.ts';
export { outcomeOf } from './model/instance-outcome.ts';
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
export { publishDirectory, SHIPPED_WORKFLOWS } from './workflows/publish-directory.ts';
export { knowledgeBodySchemas } from './http/knowledge.query.ts';
export { base64Hmac } from './intake/signature.ts';
export { translateShopify, SHOPIFY_TOPICS } from './intake/platforms/shopify.adapter.ts';
export {
  translateWooCommerce,
  WOOCOMMERCE_STATUSES,
} from './intake/platforms/woocommerce.adapter.ts';
export { parsePlatformJson } from './intake/platforms/platform-json.ts';
export { translateYouzan, youzanSign, YOUZAN_TYPES } from './intake/platforms/youzan.adapter.ts';
export { translateMapped } from './intake/platforms/mapped.adapter.ts';
export { translateTmc, TAOBAO_TOPICS } from './intake/platforms/taobao.adapter.ts';
export { topSign, TmcPoller } from './connectors/taobao-tmc.ts';
export { EARLY_EVENT_RETENTION_MS, EarlyEvents } from './runtime/early-events.ts';
export { ReceivedEventLog, type ReceivedEventFilter } from './intake/log/received-event-log.ts';
export type { Translation, PlatformEvent } from './intake/platforms/platform-json.ts';
export { HttpOrderSystem, DEFAULT_OPERATIONS } from './connectors/http-order-system.ts';
export { WebhookChannel } from './connectors/webhook-channel.ts';
export { SmsChannel } from './connectors/sms-channel.ts';
export { SmtpChannel } from './connectors/smtp-channel.ts';
export { LogChannel, LogPublisher } from './connectors/log-channel.ts';
export {
  JourneyRuntime,
  UnknownInstanceError,
  type ApplyResult,
} from './runtime/journey-runtime.ts';
export type { OutboxEntry, StepRecord } from './model/instance.model.ts';
export type { EffectRecord, EffectStatus, DeadLetterRecord } from './model/effect.model.ts';
export {
  TimerBuckets,
  TIMER_BUCKET_JOB,
  BUCKET_SHARDS,
  FAR_AHEAD_MS,
  FAR_MARK,
  farBucketOf,
  bucketOf,
  bucketJobMarker,
  bucketClosedMarker,
  type TimerBucketOptions,
} from './runtime/timer-buckets.ts';
export { coverageId, LANE_WINDOW, laneId, slotId } from './runtime/timer-lanes.ts';
export {
  mayHoldBefore,
  FULL_SWEEP_EVERY,
  OLDEST_READ_UP_TO,
  oldestTime,
} from './model/oldest-entry.ts';
export {
  createScheduler,
  drainJobs,
  SCHEDULER_DEFAULTS,
  type SchedulerOptions,
} from './runtime/job-scheduler.ts';
export {
  BORROWED_MODELS,
  createModels,
  MODEL_OWNERS,
  type ModelOwner,
  type Models,
} from './model/models.ts';
export {
  Router,
  returnedHandoffId,
  type RouterOptions,
  type EnqueueResult,
} from './routing/router.ts';
export type {
  AssignedEvent,
  AssignedListener,
  HandoffRequest,
  QueueSummary,
} from './routing/handoff-request.ts';
export {
  RoutingDirectory,
  DEFAULT_MAX_CONCURRENT,
  type AgentChange,
  type SkillGroupChange,
} from './routing/routing-directory.ts';
export { RoutingError, type RoutingErrorCode } from './routing/routing-error.ts';
export { AssignmentClaims, type ClaimResult } from './routing/assignment-claims.ts';
export {
  orderQueue,
  rankOf,
  tierOf,
  QUEUE_ORDER_DEFAULTS,
  CUSTOMER_TIERS,
  type CustomerTier,
  type QueueOrderOptions,
  type WaitingHandoff,
} from './routing/queue-order.ts';
export {
  selectAgent,
  isAvailable,
  AGENT_STATUSES,
  type AgentStatus,
  type AgentCandidate,
} from './routing/agent-selection.ts';
export {
  queuePosition,
  positionText,
  estimateWaitMinutes,
  DEFAULT_HANDLING_MS,
  type QueuePosition,
} from './routing/queue-position.ts';
export type {
  SkillGroupRecord,
  AgentRecord,
  HandoffRecord,
  HandoffStatus,
} from './model/routing.model.ts';
export {
  DEMO_AGENTS,
  DEMO_AGENT_PASSWORD,
  DEMO_SKILL_GROUPS,
  seedDemoRouting,
} from './server/demo-routing.ts';
export { INTENT_IDS, UNKNOWN_INTENT, type ShippedIntentId } from './intents/intent-ids.ts';
export {
  SHIPPED_INTENTS,
  IntentFileError,
  intentFileSchema,
  readIntentFile,
  loadIntentDefinitions,
  intentExamples,
  INTENT_GROUPS,
  type IntentGroup,
  type IntentDefinition,
  type IntentExample,
} from './intents/intent-files.ts';
export { IntentClassifier, type IntentClassifierOptions } from './intents/intent-classifier.ts';
export { trainOffThread } from './intents/intent-training.ts';
export {
  cachedIntentClassifier,
  defaultIntentModelDirectory,
} from './intents/intent-model-cache.ts';
export { socialIntentsOf } from './intents/intent-recognizer.ts';
export {
  extractEntities,
  DEFAULT_ORDER_NUMBER,
  type EntityPatterns,
  type MessageEntities,
  type TrackingNumber,
} from './intents/message-entities.ts';
export type { MoneyAmount } from './intents/message-amounts.ts';
export type { MentionedDate } from './intents/message-dates.ts';
export type { ChineseAddress } from './intents/chinese-address.ts';
export { messageLanguage, type MessageLanguage } from './intents/message-language.ts';
export { OpenAiCompatibleClassifier } from './intents/openai-compatible-classifier.ts';
export {
  FallbackClassifier,
  type AttributedClassification,
} from './intents/fallback-classifier.ts';
export {
  IntentProviderError,
  type IntentProviderErrorCode,
} from './intents/intent-provider-error.ts';
export {
  createIntentRecognizer,
  intentRecognitionConfigSchema,
} from './intents/intent-recognizer.ts';
export { customerSignatureValid } from './conversations/customer-signature.ts';
export { ConversationStore } from './conversations/conversation-store.ts';
export {
  ServiceMetrics,
  METRICS_CACHE_MS,
  type ServiceMetricsOptions,
} from './metrics/service-metrics.ts';
export { readStore, type StoreReadings } from './metrics/store-readings.ts';
export { httpMetrics } from './http/http-metrics.ts';
export { RouteLabels, UNMATCHED_ROUTE } from './http/route-labels.ts';
export { cachedReading } from './metrics/cached-reading.ts';
export { metricsRouter, type MetricsRouteOptions } from './http/metrics.route.ts';
export {
  receivedOutcomeOf,
  type ReceivedOutcome,
  type ReceivedListener,
} from './intake/received-outcome.ts';
export type { AttemptOutcome, AttemptListener } from './runtime/effect-executor.ts';
export { EffectExecutor, OUTGOING_CONCURRENCY } from './runtime/effect-executor.ts';
export { effectRecord, TIMER_JOB, unwrittenInstanceRetryMs } from './runtime/effect-dispatcher.ts';
export type { CommittedListener } from './runtime/step-log.ts';
export { OutboxNotes } from './runtime/outbox-notes.ts';
export {
  erlangC,
  serviceLevel,
  averageWait,
  agentsNeeded,
  trafficOf,
  type QueueLoad,
} from './analytics/erlang-c.ts';
export {
  Analytics,
  ANALYTICS_DEFAULTS,
  type AnalyticsOptions,
  type PeriodQuery,
} from './analytics/analytics.ts';
export {
  AnalyticsRollup,
  type RollupOptions,
  type RollupResult,
} from './analytics/analytics-rollup.ts';
export { FactRecorder } from './analytics/fact-recorder.ts';
export { StoredSourceRegistry } from './sources/stored-sources.ts';
export { JourneyFlow, FLOW_MAX_DAYS } from './analytics/journey-flow.ts';
export { ServiceFacts, type QualityScore, type CommittedStep } from './analytics/service-facts.ts';
export type * from './analytics/analytics-facts.ts';
export type * from './analytics/analytics-report.types.ts';
export {
  addToConversationDay,
  emptyConversationDay,
  emptyJourneyDay,
  type ConversationDay,
  type JourneyDay,
} from './analytics/rollup-documents.ts';
export { localTime, isTimeZone, type LocalTime } from './analytics/local-time.ts';
export { staffingPlan, DEFAULT_HANDLING_SECONDS } from './analytics/staffing-plan.ts';
export { dashboardReport } from './analytics/dashboard-report.ts';
export { journeyFunnel } from './analytics/journey-funnel.ts';
export {
  RULE_IDS,
  containsPhrase,
  type RuleId,
  type RuleParams,
  type PhraseLists,
  type QualityRule,
  type Finding,
  type TranscriptMessage,
  type InspectionInput,
  type RuleCheck,
} from './quality/quality-rule.ts';
export { RULE_CHECKS } from './quality/rule-checks.ts';
export { DEFAULT_RULES, type RuleSetting } from './quality/default-rules.ts';
export { rulesChangeSchema, RULE_PARAM_SCHEMAS } from './quality/rule-schema.ts';
export {
  inspectConversation,
  FULL_SCORE,
  type Inspection,
} from './quality/inspect-conversation.ts';
export { chineseValence, messageValence } from './quality/customer-sentiment.ts';
export { ZH_LEXICON } from './quality/zh-sentiment-lexicon.ts';
export {
  QualityInspector,
  type QualityInspectorOptions,
  type QualityReportEvent,
  type QualityReportListener,
} from './quality/quality-inspector.ts';
export {
  QualityReports,
  effectiveScore,
  MAX_REPORTS_LISTED,
  MAX_REPORTS_AVERAGED,
  type QualityReport,
  type ReportQuery,
  type AgentQuality,
} from './quality/quality-reports.ts';
export { QualityRuleStore, type Ruleset, type RulesChange } from './quality/rule-store.ts';
export { FollowUpStore } from './quality/follow-up-store.ts';
export type {
  QualityReportRecord,
  QualityOverride,
  FollowUpRecord,
} from './model/quality.model.ts';
export type { EndHook } from './routing/router.ts';
export { qualityBodySchemas } from './http/quality.route.ts';
export { eventJson, inboxEntryOf, type EventRecord } from './model/event.model.ts';
export { EventInbox, INBOX_RELEASE_DELAY_MS } from './runtime/event-inbox.ts';
export { errorForLog, serverLogger, withSafeErrors } from './errors/error-for-log.ts';
export { abandoned, ProcessLiveness } from './runtime/process-liveness.ts';
export { replaceById } from './model/replace-by-id.ts';
