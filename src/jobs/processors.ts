import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisTicketStore } from '../adapters/redis/ticket-store';
import type { Config } from '../config/schema';
import type { Clock, IntentSink, IntercomPort, Logger } from '../ports';
import type { Queues } from './queues';
import { timersProcessorFactory } from './timers/wiring';
import { effectsProcessorFactory } from './effects/wiring';
import { withWeeklyReport } from './report/wiring';

/** What the worker hands to the processors of its queues (built once, in src/app/worker.ts). */
export interface WorkerDeps {
  config: Config;
  env: NodeJS.ProcessEnv;
  /** The worker's Redis connection (BullMQ-ready: `maxRetriesPerRequest: null`). */
  redis: Redis;
  store: RedisTicketStore;
  intercom: IntercomPort | null;
  sink: IntentSink;
  queues: Queues;
  clock: Clock;
  logger: Logger;
  /** The ticket store's key prefix (`cr`; the demo and tests use their own), for jobs that scan every ticket. */
  keyPrefix?: string;
}

/** Builds a queue's processor from the worker's dependencies. */
export type ProcessorFactory = (deps: WorkerDeps) => (job: Job) => Promise<unknown>;

/**
 * Processors of the `effects` and `timers` queues, registered by their owners: import your factory
 * and set it here. The worker starts a BullMQ Worker for every queue that has one (the `events`
 * processor is built in); failed last attempts go to the dead-letter queue like any other job.
 */
export const QUEUE_PROCESSORS: { effects?: ProcessorFactory; timers?: ProcessorFactory } = { timers: withWeeklyReport(timersProcessorFactory), effects: effectsProcessorFactory };
