/**
 * @xiaoer/server — the public API, chosen on purpose (docs/server-api.md). Everything here is
 * kept compatible; `tests/architecture/public-exports.test.ts` pins the list, so adding a name
 * is a deliberate change. Test helpers are in `@xiaoer/server/testing`; the rest of the code is
 * reached by Xiaoer's own tests, benchmarks and scripts through `@xiaoer/server/internal`,
 * which is not an API and changes without notice.
 */

// Running Xiaoer: the whole server, or its parts in a process of your own.
export {
  startServer,
  ListenError,
  type RunningServer,
  type StartServerOptions,
} from './server/start-server.ts';
export {
  createXiaoer,
  RECOVERY_DEFAULTS,
  type Xiaoer,
  type XiaoerOptions,
} from './server/xiaoer.ts';
export { createApp, type AppOptions } from './http/app.ts';
export type { HealthReport, StoreProbe } from './http/health.route.ts';
export { connectStore, probeOf } from './server/store-connection.ts';
export {
  launchStore,
  type LaunchStoreOptions,
  type RunningStore,
  type StoreKind,
} from './store/store-launcher.ts';
export { StoreError, type StoreErrorCode } from './store/store-error.ts';
export { createProgram, runCli } from './cli/program.ts';

// Configuration (the `--config` file) and time.
export { parseConfig } from './server/xiaoer-config.schema.ts';
export type { XiaoerConfig, ChannelConfig } from './server/xiaoer-config.ts';
export type { EventSource, SourceKind } from './intake/event-source.ts';
export type { EventMapping } from './intake/platforms/mapped.adapter.ts';
export type { TaobaoTmcConfig } from './intake/platforms/taobao.adapter.ts';
export type { HttpOrderSystemConfig, OperationMapping } from './connectors/http-order-system.ts';
export type { WebhookChannelConfig, WebhookPreset } from './connectors/webhook-channel.ts';
export type { SmsChannelConfig } from './connectors/sms-channel.ts';
export type { SmtpChannelConfig } from './connectors/smtp-channel.ts';
export type { OpenAiCompatibleConfig } from './intents/openai-compatible-classifier.ts';
export type { IntentRecognitionConfig } from './intents/intent-recognizer.ts';
export { systemClock, type Clock, type Cancel } from './clock/clock.ts';

// Errors: one kind per failure, zh/en text, one HTTP status per kind.
export { DomainError, type DomainErrorOptions } from './errors/domain-error.ts';
export { ERROR_KINDS, type ErrorKind } from './errors/error-kinds.ts';
export { HTTP_STATUS } from './http/error-handler.ts';
export type { ApiErrorBody } from './http/api-error.ts';
export { LocalizedError } from './localized-error.ts';

// Sending events (docs/integration.md) and what became of them.
export { signedHeaders, signBody, SIGNATURE_HEADERS } from './intake/signature.ts';
export { signCustomer, type CustomerSignature } from './conversations/customer-signature.ts';
export type { CloudEvent } from './intake/cloud-event.ts';
export { ORDER_EVENT_TYPES, type EventTypeContract } from './intake/event-types.ts';
export { RECEIVED_OUTCOMES, type ReceivedEventOutcome } from './model/received-event.model.ts';
export { INSTANCE_OUTCOMES, type InstanceOutcome } from './model/instance-outcome.ts';
export type { InstanceRecord, InstanceEvent, InstanceStatus } from './model/instance.model.ts';

// Connectors: the seams a journey's messages, calls and events leave by.
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
export type {
  IntentClassification,
  IntentRecognizer,
  IntentScore,
} from './intents/intent-classification.ts';
