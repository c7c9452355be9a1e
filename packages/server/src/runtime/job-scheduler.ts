import { Agenda, InMemoryNotificationChannel } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';

/** Timing of the Agenda jobs that carry timers and effects. */
export interface SchedulerOptions {
  /** How often due jobs are looked for. Agenda's default is 5 s; timers want well under 1 s. */
  pollMs?: number;
  /**
   * How long a job stays locked to the process running it. After a crash (SIGKILL) its jobs
   * run again once this passes, so it bounds how late a timer can be after a crash. Agenda's
   * default is 10 minutes; our jobs take milliseconds.
   */
  lockLifetimeMs?: number;
  /** Names this process in the job documents (`lastModifiedBy`). */
  processName?: string;
}

export const SCHEDULER_DEFAULTS = { pollMs: 300, lockLifetimeMs: 10_000 } as const;

/** The Agenda instance for Xiaoer's jobs, in the `jobs` collection of the store at `uri`. */
export function createScheduler(uri: string, options: SchedulerOptions = {}): Agenda {
  return new Agenda({
    backend: new MongoBackend({ address: uri, collection: 'jobs' }),
    // Jobs saved by this process start at once instead of waiting for the next poll.
    notificationChannel: new InMemoryNotificationChannel(),
    processEvery: options.pollMs ?? SCHEDULER_DEFAULTS.pollMs,
    defaultLockLifetime: options.lockLifetimeMs ?? SCHEDULER_DEFAULTS.lockLifetimeMs,
    removeOnComplete: true,
    ...(options.processName ? { name: options.processName } : {}),
  });
}
