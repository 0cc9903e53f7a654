import * as http from 'node:http';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { IntercomAdapter } from '../adapters/intercom/intercom-adapter';
import { createLogger, secretValuesFromEnv } from '../adapters/http/logger';
import { jobsFailed, jobsProcessed, jobsRetried, metricsRegistry } from '../adapters/http/metrics';
import { RedisTicketStore } from '../adapters/redis/ticket-store';
import { DEFAULT_KEY_PREFIX } from '../adapters/redis/ticket-keys';
import { loadEnv } from '../config/env';
import { loadProcessConfig } from '../config/load';
import type { Config } from '../config/schema';
import { systemClock, type Clock, type IntercomPort, type Logger } from '../ports';
import { deadLetterOf, moveToDeadLetter, withDeadLetter } from '../jobs/dead-letter';
import { QueueIntentSink } from '../jobs/effects/dispatch';
import type { Decider } from '../jobs/events/decider';
import { DECIDER_FACTORIES, DECIDERS } from '../jobs/events/deciders';
import { createEventsProcessor } from '../jobs/events/processor';
import { sweepRatings } from '../jobs/events/rating-sweep';
import { QUEUE_PROCESSORS, type ProcessorFactory, type WorkerDeps } from '../jobs/processors';
import { createQueues, createRedisConnection, deadLetterJobId, QUEUE_NAMES, QUEUE_PREFIX, redisUrlFromEnv, workerOptions } from '../jobs/queues';

export interface StartWorkerOptions {
  config: Config;
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  redisUrl?: string;
  /** BullMQ prefix (`{cr}`); tests use their own, braces kept. */
  queuePrefix?: string;
  /** Ticket-store key prefix (`cr`). */
  keyPrefix?: string;
  intercom?: IntercomPort | null;
  /** The decisions to run; default: DECIDERS, then DECIDER_FACTORIES built with the worker's deps. */
  deciders?: readonly Decider[];
  processors?: { effects?: ProcessorFactory; timers?: ProcessorFactory };
  clock?: Clock;
  /** Concurrency of the `events` Worker (default 8). */
  concurrency?: number;
  /** Lock and stall-check tuning (tests shorten them to see stalled-job recovery quickly). */
  lockDuration?: number;
  stalledInterval?: number;
  /** How often a job may stall (its worker died) before it fails (BullMQ default 1). */
  maxStalledCount?: number;
  /** Poll Intercom for ratings of closed tickets (config `intercom.ratingPoll`); default true. */
  ratingPoll?: boolean;
}

export interface RunningWorker {
  deps: WorkerDeps;
  workers: Worker[];
  /** Stops taking jobs, lets the jobs in flight finish, closes the queues and Redis. */
  close(): Promise<void>;
}

/** Builds the worker's dependencies and starts a BullMQ Worker per queue that has a processor. */
export function startWorker(options: StartWorkerOptions): RunningWorker {
  const env = options.env ?? process.env;
  const redis: Redis = createRedisConnection('worker', options.redisUrl ?? redisUrlFromEnv(env));
  const prefix = options.queuePrefix ?? QUEUE_PREFIX;
  const ingest = options.config.ingest;
  const queues = createQueues(redis, ingest, prefix);
  const store = new RedisTicketStore(redis, { prefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX });
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const deps: WorkerDeps = {
    config: options.config,
    env,
    redis,
    store,
    intercom: options.intercom ?? null,
    sink: new QueueIntentSink(queues.effects),
    queues,
    clock,
    logger,
    keyPrefix: options.keyPrefix ?? DEFAULT_KEY_PREFIX,
  };
  const base = workerOptions(redis, ingest, {
    prefix,
    ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
    ...(options.maxStalledCount !== undefined ? { maxStalledCount: options.maxStalledCount } : {}),
  });

  const workers: Worker[] = [];
  const start = (queue: 'events' | 'effects' | 'timers', processor: (job: Job) => Promise<unknown>, concurrency: number) => {
    const wrapped = withDeadLetter(queue, processor, queues.deadLetter, { logger, now: () => clock.now() });
    const worker = new Worker(QUEUE_NAMES[queue], wrapped, { ...base, concurrency });
    worker.on('completed', () => jobsProcessed.inc({ queue }));
    worker.on('failed', (job, err) => {
      jobsFailed.inc({ queue });
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade < attempts && !job.finishedOn) {
        jobsRetried.inc({ queue });
        logger.warn({ queue, jobId: job.id, attemptsMade: job.attemptsMade, err: err.message }, 'job failed; will be retried');
        return;
      }
      // Failed for good. The wrapper dead-lettered it already, unless it never ran: a job whose
      // worker died more than `maxStalledCount` times is failed by BullMQ without calling it.
      void (async () => {
        if (await queues.deadLetter.getJob(deadLetterJobId(queue, String(job.id)))) return;
        await moveToDeadLetter(queues.deadLetter, { ...deadLetterOf(queue, job, err, clock.now()), attemptsMade: job.attemptsMade }, logger);
      })().catch((e: unknown) => logger.error({ queue, jobId: job.id, err: (e as Error).message }, 'could not dead-letter a failed job'));
    });
    worker.on('error', (err) => logger.error({ queue, err: err.message }, 'worker error'));
    workers.push(worker);
  };

  const deciders = options.deciders ?? [...DECIDERS, ...DECIDER_FACTORIES.map((make) => make(deps))];
  start('events', createEventsProcessor({ store, sink: deps.sink, intercom: deps.intercom, deciders, config: options.config, clock, logger }) as (job: Job) => Promise<unknown>, options.concurrency ?? 8);
  const processors = options.processors ?? QUEUE_PROCESSORS;
  if (processors.effects) start('effects', processors.effects(deps), options.concurrency ?? 8);
  if (processors.timers) start('timers', processors.timers(deps), options.concurrency ?? 8);

  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const poll = options.config.intercom.ratingPoll;
  let sweep: NodeJS.Timeout | null = null;
  if (deps.intercom && poll.enabled && options.ratingPoll !== false) {
    const intercom = deps.intercom;
    const lockKey = `${keyPrefix}:lock:rating-sweep`;
    sweep = setInterval(() => {
      // One worker sweeps per interval: the lock expires just before the next tick.
      void redis
        .set(lockKey, String(process.pid), 'PX', Math.max(1_000, Math.round(poll.every * 0.9)), 'NX')
        .then(async (got) => {
          if (got !== 'OK') return;
          const r = await sweepRatings({ store, intercom, sink: deps.sink, deciders, config: options.config, clock, logger }, poll.window);
          if (r.checked > 0) logger.info({ ...r }, 'rating poll');
        })
        .catch((err: unknown) => logger.error({ err: (err as Error).message }, 'rating poll failed'));
    }, poll.every);
    sweep.unref();
  }

  return {
    deps,
    workers,
    close: async () => {
      if (sweep) clearInterval(sweep);
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      await redis.quit().catch(() => undefined);
    },
  };
}

/** Serves the worker's Prometheus counters (processed, failed, retried, dead-lettered) when WORKER_METRICS_PORT is set. */
function serveMetrics(port: number, logger: Logger): http.Server {
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metricsRegistry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text))
      .catch(() => res.writeHead(500).end());
  });
  server.listen(port, () => logger.info({ port }, 'worker metrics on /metrics'));
  return server;
}

/** The `worker` process (Procfile): configuration, adapters, workers, graceful shutdown on SIGTERM. */
export async function main(): Promise<void> {
  const env = loadEnv('worker');
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: secretValuesFromEnv(process.env), base: { process: 'worker' } });
  const { config, warnings } = loadProcessConfig();
  for (const w of warnings) logger.warn({ warning: w }, 'configuration warning');
  const botAdminId = process.env.INTERCOM_BOT_ADMIN_ID?.trim();
  const intercomConfig = botAdminId ? { ...config.intercom, botAdminId } : config.intercom;
  const cache = createRedisConnection('worker', env.REDIS_URL);
  const intercom = env.INTERCOM_ACCESS_TOKEN
    ? new IntercomAdapter({ token: env.INTERCOM_ACCESS_TOKEN, config: intercomConfig, cache, ...(env.INTERCOM_BASE_URL ? { baseUrl: env.INTERCOM_BASE_URL } : {}) })
    : null;
  const running = startWorker({ config: { ...config, intercom: intercomConfig }, logger, redisUrl: env.REDIS_URL, intercom });
  const metricsPort = Number(process.env.WORKER_METRICS_PORT ?? '');
  const metrics = Number.isInteger(metricsPort) && metricsPort > 0 ? serveMetrics(metricsPort, logger) : null;
  logger.info({ queues: running.workers.map((w) => w.name) }, 'worker started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing the jobs in flight');
    // Jobs not finished before a hard kill are recovered by another worker (BullMQ stalled-job check).
    const hardStop = setTimeout(() => process.exit(1), 25_000);
    hardStop.unref();
    Promise.all([running.close(), cache.quit().catch(() => undefined), new Promise<void>((r) => (metrics ? metrics.close(() => r()) : r()))])
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err: (err as Error).message }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  });
}
