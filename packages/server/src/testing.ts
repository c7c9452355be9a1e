/**
 * @xiaoer/server/testing — helpers for integration tests that need the real store.
 */
export { SHARED_TEST_STORE, startTestStore, startOwnStore } from './test-store.ts';
export type { RunningStore } from './store/store-launcher.ts';
export {
  startHarness,
  testConfig,
  cloudEvent,
  SOURCE,
  ADMIN_PASSWORD,
  CHAT_SECRET,
  TEST_PASSWORD_COST,
  type Harness,
} from './test-harness.ts';
/** The production scrypt cost, for a test that checks what a deployment stores. */
export { PASSWORD_COST } from './auth/password.ts';
export { TestClock } from './clock/test-clock.ts';
export { responseContract, type ContractCheck } from './http/response-contract.ts';
