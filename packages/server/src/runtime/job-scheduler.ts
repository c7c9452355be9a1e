import { Agenda, InMemoryNotificationChannel, type JobNotification } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { StoreError } from '../store/store-error.ts';
import { redactedUri } from '../store/redacted-uri.ts';

/** Timing of the Agenda jobs that carry timers and effects. */
export interface SchedulerOptions {
  /** How often due jobs are looked for. Agenda's default is 5 s; timers want well under 1 s. */
  pollMs?: number;
  /**
   * How long a timer job stays locked to the process running it. After a crash (SIGKILL) its
   * jobs run again once this passes, so it bounds how late a timer can be after a crash.
   * Agenda's default is 10 minutes; firing a timer takes milliseconds. Default 5 s.
   */
  timerLockMs?: number;
  /**
   * The same for effect jobs (messages, order-system calls). Must exceed the longest connector
   * timeout: an attempt older than this is presumed dead and taken over. Default 30 s.
   */
  effectLockMs?: number;
  /** Names this process in the job documents (`lastModifiedBy`). */
  processName?: string;
}

export const SCHEDULER_DEFAULTS = {
  pollMs: 300,
  timerLockMs: 5_000,
  effectLockMs: 30_000,
} as const;

/**
 * Agenda's in-process notification makes a job saved here start at once instead of at the next
 * poll, but its `publish` waits until the processor has locked every due job, which takes
 * long with a backlog. Saving a job must not wait for that: notify and return.
 */
class PromptNotifications extends InMemoryNotificationChannel {
  override async publish(notification: JobNotification): Promise<void> {
    super.publish(notification).catch(() => undefined);
  }
}

/**
 * Agenda's MongoDB backend, which remembers its connecting: Agenda connects it when it is
 * built, but closes it only in `stop()` or `drain()` after a `start()`. An Agenda built and
 * never started (a start that failed half-way) kept its client open, and that client kept
 * `xiaoer serve` running after it said why it could not start.
 *
 * Agenda's constructor connects with no handler for a failure: a store it could not reach was
 * an unhandled rejection, and `agenda.start()`, which waits for the connection, waited forever.
 * Here a failure is kept for {@link startScheduler}, and Agenda gets a promise that never settles.
 */
class ClosableBackend extends MongoBackend {
  #connecting: Promise<void> | undefined;
  /** Settles once connecting has: with why it failed, or with undefined. */
  #outcome: Promise<{ failure: unknown } | undefined> = Promise.resolve(undefined);

  override connect(): Promise<void> {
    if (!this.#connecting) {
      const attempt = super.connect();
      this.#outcome = attempt.then(
        () => undefined,
        (failure: unknown) => ({ failure }),
      );
      this.#connecting = attempt.catch(() => new Promise<never>(() => undefined));
    }
    return this.#connecting;
  }

  /** Why connecting failed, once it settled; undefined when it succeeded. */
  async failure(): Promise<{ failure: unknown } | undefined> {
    void this.connect();
    return this.#outcome;
  }

  /** Closes the client once connecting settled (a client made after a close would stay open). */
  async close(): Promise<void> {
    await this.#outcome;
    await this.disconnect();
  }
}

/** Each scheduler's backend (Agenda keeps its own private). */
const backends = new WeakMap<Agenda, ClosableBackend>();
/** Where each scheduler's store is, fit for messages (no password). */
const locations = new WeakMap<Agenda, string>();

/**
 * The Agenda instance for Xiaoer's jobs, in the `jobs` collection of the store at `uri`.
 * `storeTimeoutMs` is how long its client looks for the store before it gives up (the driver's
 * `serverSelectionTimeoutMS`): the server passes its own connection's, so a store that stops
 * answering is reported by both in the same time (the driver's default is 30 s). Not in the
 * configuration file.
 */
export function createScheduler(
  uri: string,
  options: SchedulerOptions = {},
  storeTimeoutMs?: number,
): Agenda {
  const backend = new ClosableBackend({
    address: uri,
    collection: 'jobs',
    sort: {},
    ...(storeTimeoutMs === undefined
      ? {}
      : { options: { serverSelectionTimeoutMS: storeTimeoutMs } }),
  });
  const agenda = new Agenda({
    // No sort on the due-job query: FerretDB 1.x sorts in memory, so with a sort every lock
    // attempt read and parsed every job, and jobs waited 6–16 s to start under load. Without
    // one the scan stops at the first due job. Every job it can return is due; only the order
    // among due jobs becomes storage order (about scheduling order) instead of due time.
    backend,
    // Jobs saved by this process start at once instead of waiting for the next poll.
    notificationChannel: new PromptNotifications(),
    processEvery: options.pollMs ?? SCHEDULER_DEFAULTS.pollMs,
    // Jobs are short; Agenda's default of 20 at a time makes a burst queue up behind them.
    maxConcurrency: 64,
    defaultLockLifetime: options.timerLockMs ?? SCHEDULER_DEFAULTS.timerLockMs,
    removeOnComplete: true,
    ...(options.processName ? { name: options.processName } : {}),
  });
  backends.set(agenda, backend);
  locations.set(agenda, redactedUri(uri));
  return agenda;
}

/**
 * Starts taking jobs once the scheduler's client is connected; rejects with a
 * `store-unreachable` {@link StoreError} when it could not connect (before, the start waited
 * forever).
 */
export async function startScheduler(agenda: Agenda): Promise<void> {
  const failed = await backends.get(agenda)?.failure();
  if (failed) {
    const reason =
      failed.failure instanceof Error ? failed.failure.message : String(failed.failure);
    const location = locations.get(agenda) ?? '';
    throw new StoreError(
      'store-unreachable',
      {
        zh: `任务调度连接不上数据库 ${location}：${reason}`,
        en: `The job scheduler cannot reach the store at ${location}: ${reason}`,
      },
      { cause: failed.failure },
    );
  }
  await agenda.start();
}

/**
 * Lets go of everything the scheduler opened, started or not: stops taking jobs, unlocks those
 * it locked (not with `force`, which does not wait for the store: a shutdown cut short), and
 * closes its client.
 */
export async function closeScheduler(agenda: Agenda, force = false): Promise<void> {
  // Agenda's stop ends the job processor before it first waits (for the unlocking).
  const stopping = agenda.stop();
  try {
    if (force) stopping.catch(() => undefined);
    else await stopping;
  } finally {
    await backends.get(agenda)?.close();
  }
}

/** How often {@link drainJobs} looks whether any job still runs (ms). */
const DRAIN_CHECK_MS = 20;

/**
 * Stops taking jobs and waits for those running to end, at most `timeoutMs` (then disconnects
 * Agenda from the store). Agenda's own drain looks at its running jobs only just after a job's
 * `complete`, and a job leaves that list later (after its document is saved): a job that ended
 * just as the server stopped kept the stop waiting the whole timeout. Here the running jobs are
 * also looked at every {@link DRAIN_CHECK_MS}, and the wait ends once none runs.
 */
export async function drainJobs(
  agenda: Agenda,
  timeoutMs: number,
): Promise<{ running: number; timedOut: boolean }> {
  const noneRunning = new AbortController();
  const look = setInterval(() => {
    void agenda.getRunningStats().then(
      ({ runningJobs }) => {
        if (runningJobs === 0) noneRunning.abort();
      },
      () => undefined,
    );
  }, DRAIN_CHECK_MS);
  try {
    const { running, timedOut } = await agenda.drain({
      timeout: timeoutMs,
      signal: noneRunning.signal,
    });
    return { running, timedOut };
  } finally {
    clearInterval(look);
  }
}
