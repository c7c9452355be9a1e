export { createProgram, runCli } from './cli/program.ts';
export { createApp, type AppOptions } from './http/app.ts';
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
  xiaoerCacheDir,
  type ProgressReporter,
} from './store/ferretdb-binary.ts';
