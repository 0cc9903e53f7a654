import { createHash } from 'node:crypto';
import { Queue, type BackoffStrategy, type JobsOptions, type QueueOptions, type WorkerOptions } from 'bullmq';
import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { DEFAULT_INGEST_CONFIG, type IngestConfig } from '../config/ingest.schema';
import { DomainEventSchema, type DomainEvent } from '../domain/events';
import type { Intent } from '../domain/intents';
import { BACKOFF_STRATEGY, backoffDelay, retryAfterMsOf } from './backoff';

/**
 * The BullMQ queues of care-relay, their job payloads, job ids and default options.
 *
 * Every queue uses the prefix `{cr}`: the braces are a Redis Cluster hash tag, so all of a queue's
 * keys (`{cr}:events:wait`, `{cr}:events:<id>`, …) land on one slot, which BullMQ's Lua scripts
 * require. Queue names and job ids may not contain `:` (BullMQ rejects them); the id helpers
 * below encode it.
 */
export const QUEUE_PREFIX = '{cr}';

/** The queues: raw webhook deliveries, side effects (intents), delayed timers, and dead letters. */
export const QUEUE_NAMES = {
  events: 'events',
  effects: 'effects',
  timers: 'timers',
  deadLetter: 'dead-letter',
} as const;
export type QueueKey = keyof typeof QUEUE_NAMES;
export type QueueName = (typeof QUEUE_NAMES)[QueueKey];
export const QueueNameSchema = z.enum(['events', 'effects', 'timers', 'dead-letter']);

export { BACKOFF_STRATEGY };

// ---------------------------------------------------------------------------------------------
// Job payloads
// ---------------------------------------------------------------------------------------------

/**
 * A webhook delivery to normalize (queue `events`). `payload` is the request body exactly as
 * parsed and validated by the web process (src/schemas/intercom-webhook.ts, jira-webhook.ts);
 * the worker parses it again with the same schema to get its type.
 */
export const EventJobSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('intercom'),
    /** The notification id (`notif_…`). */
    deliveryId: z.string().min(1),
    /** The Intercom topic, e.g. `conversation.user.replied`. */
    topic: z.string().min(1),
    /** When the web process received it (epoch ms). The event's own instant is in the payload. */
    receivedAt: z.number(),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({
    source: z.literal('jira'),
    /** `X-Atlassian-Webhook-Identifier`, or a hash of the payload's identity when absent. */
    deliveryId: z.string().min(1),
    /** The `webhookEvent`, e.g. `jira:issue_updated`. */
    topic: z.string().min(1),
    receivedAt: z.number(),
    /** `X-Atlassian-Webhook-Retry` of the delivery that was queued (null on the first attempt). */
    retry: z.number().int().nonnegative().nullable(),
    payload: z.record(z.string(), z.unknown()),
  }),
  z.object({
    /**
     * Domain events already stored by the web process (an agent's action in Slack: a bug filed, a
     * reclassification, a ladder snooze, waiting on the customer). The worker appends them again
     * (a no-op by event id) and runs the decisions, exactly as for a webhook.
     */
    source: z.literal('domain'),
    deliveryId: z.string().min(1),
    /** What caused them, e.g. `slack.view_submission`. */
    topic: z.string().min(1),
    receivedAt: z.number(),
    ticketId: z.string().min(1),
    events: z.array(DomainEventSchema).min(1),
  }),
]);
export type EventJob = z.infer<typeof EventJobSchema>;

/**
 * A side effect to carry out (queue `effects`): one intent from src/domain/intents.ts. Its job id
 * is {@link effectJobId}(intent.key), so an intent decided twice runs once.
 */
export const EffectJobSchema = z.object({
  intent: z.looseObject({ key: z.string().min(1), kind: z.string().min(1) }),
});
export type EffectJob = { intent: Intent };

/**
 * A delayed job (queue `timers`): an SLA at-risk/breach check, a ladder step, a digest. `key` is
 * deterministic (ticket + target + deadline), and the job id is {@link timerJobId}(key).
 */
export const TimerJobSchema = z.object({
  key: z.string().min(1),
  kind: z.string().min(1),
  ticketId: z.string().nullable(),
  /** When it is due (epoch ms); the job's delay is `dueAt − now`. */
  dueAt: z.number(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimerJob = z.infer<typeof TimerJobSchema>;

/** A job that used all its attempts, copied to `dead-letter` with what is needed to replay it. */
export const DeadLetterJobSchema = z.object({
  queue: QueueNameSchema.exclude(['dead-letter']),
  jobId: z.string(),
  name: z.string(),
  data: z.unknown(),
  failedReason: z.string(),
  attemptsMade: z.number().int(),
  failedAt: z.number(),
  stacktrace: z.array(z.string()).optional(),
});
export type DeadLetterJob = z.infer<typeof DeadLetterJobSchema>;

// ---------------------------------------------------------------------------------------------
// Deterministic job ids
// ---------------------------------------------------------------------------------------------

/** Makes any text a valid BullMQ custom id: `%` and `:` are percent-encoded (reversibly). */
export function encodeJobId(text: string): string {
  return text.replace(/%/g, '%25').replace(/:/g, '%3A');
}

/** The inverse of {@link encodeJobId}. */
export function decodeJobId(id: string): string {
  return id.replace(/%3A/g, ':').replace(/%25/g, '%');
}

/** Job id of an Intercom notification: `intercom-<notification id>`. */
export function intercomJobId(notificationId: string): string {
  return `intercom-${encodeJobId(notificationId)}`;
}

/** What identifies one Jira webhook delivery when `X-Atlassian-Webhook-Identifier` is absent. */
export interface JiraDeliveryIdentity {
  webhookEvent: string;
  timestamp?: number | null;
  issueId?: string | null;
  changelogId?: string | null;
  commentId?: string | null;
}

/** A stable hash of a Jira delivery's identity (same event redelivered → same hash). */
export function jiraIdentityHash(identity: JiraDeliveryIdentity): string {
  const parts = [
    identity.webhookEvent,
    identity.issueId ?? '',
    identity.timestamp ?? '',
    identity.changelogId ?? '',
    identity.commentId ?? '',
  ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 32);
}

/**
 * Job id of a Jira delivery: `jira-<X-Atlassian-Webhook-Identifier>` (the same across Jira's
 * retries), else `jira-h-<hash of the payload's identity>`.
 */
export function jiraJobId(webhookIdentifier: string | null | undefined, identity: JiraDeliveryIdentity): string {
  const header = webhookIdentifier?.trim();
  if (header) return `jira-${encodeJobId(header)}`;
  return `jira-h-${jiraIdentityHash(identity)}`;
}

/** Job id of a side effect: `effect-<intent key>` (encoded). */
/** The job id of domain events recorded by the web process: the same events are one job. */
export function domainEventsJobId(ticketId: string, eventIds: readonly string[]): string {
  const digest = createHash('sha256').update([ticketId, ...[...eventIds].sort()].join('\n')).digest('hex').slice(0, 32);
  return `domain-${digest}`;
}

/**
 * Hands domain events the web process already stored (an agent's action in Slack) to the worker as
 * one `domain` job on the `events` queue, so the decisions run at once. The same events are one job.
 */
export function enqueueDomainEvents(events: Queue<EventJob>, now: () => number): (ticketId: string, recorded: DomainEvent[]) => Promise<void> {
  return async (ticketId, recorded) => {
    const ids = recorded.map((e) => e.id);
    await events.add('slack', { source: 'domain', deliveryId: ids.join(','), topic: 'slack.action', receivedAt: now(), ticketId, events: recorded }, { jobId: domainEventsJobId(ticketId, ids) });
  };
}

export function effectJobId(intentKey: string): string {
  return `effect-${encodeJobId(intentKey)}`;
}

/** Job id of a timer: `timer-<key>` (encoded). */
export function timerJobId(key: string): string {
  return `timer-${encodeJobId(key)}`;
}

/** Job id of a dead letter: `<queue>-<original job id>`. */
export function deadLetterJobId(queue: QueueName, jobId: string): string {
  return `${queue}-${jobId}`;
}

// ---------------------------------------------------------------------------------------------
// Redis connections
// ---------------------------------------------------------------------------------------------

/** The Redis URL from the environment (`REDIS_URL`), else the local default. */
export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
}

/**
 * A Redis connection for a role:
 * - `worker`: BullMQ Workers block on Redis and must survive outages, so requests never give up
 *   (`maxRetriesPerRequest: null`, required by BullMQ) and the client reconnects forever.
 * - `web`: the webhook handlers must fail fast when Redis is down so the sender gets a 503 and
 *   retries: no offline queue (a command while disconnected fails at once), short connect and
 *   command timeouts, one retry per request. It still reconnects in the background.
 */
export function createRedisConnection(role: 'web' | 'worker', url: string = redisUrlFromEnv(), extra: RedisOptions = {}): Redis {
  const base: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          // Requests arriving together share one write to Redis (fewer syscalls on both sides).
          enableAutoPipelining: true,
          connectTimeout: 1_000,
          commandTimeout: 1_500,
          retryStrategy: (times) => Math.min(times * 200, 2_000),
        };
  return new IORedis(url, { ...base, ...extra });
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/** Default options of jobs added to a queue (attempts, backoff, retention). */
export function defaultJobOptions(queue: QueueName, config: IngestConfig = DEFAULT_INGEST_CONFIG): JobsOptions {
  const seconds = (ms: number) => Math.round(ms / 1000);
  const keepFailed = { age: seconds(config.keepFailed), count: config.keepMaxCount };
  const backoff = { type: BACKOFF_STRATEGY, delay: config.backoffBaseMs };
  switch (queue) {
    case 'events':
      return { attempts: config.attempts, backoff, removeOnComplete: { age: seconds(config.keepCompleted), count: config.keepMaxCount }, removeOnFail: keepFailed };
    case 'effects':
      return { attempts: config.attempts, backoff, removeOnComplete: { age: seconds(config.keepCompletedEffects), count: config.keepMaxCount }, removeOnFail: keepFailed };
    case 'timers':
      return { attempts: config.attempts, backoff, removeOnComplete: { age: seconds(config.keepCompleted), count: config.keepMaxCount }, removeOnFail: keepFailed };
    case 'dead-letter':
      // Dead letters wait for an operator (`care-relay dlq …`): never retried, never trimmed.
      return { attempts: 1, removeOnComplete: false, removeOnFail: false };
  }
}

/**
 * The BullMQ backoff strategy named {@link BACKOFF_STRATEGY}: exponential with jitter, honouring a
 * `retryAfterMs` on the error. Pass it as `settings.backoffStrategy` of every Worker (done by
 * {@link workerOptions}).
 */
export function createBackoffStrategy(config: IngestConfig = DEFAULT_INGEST_CONFIG, random: () => number = Math.random): BackoffStrategy {
  return (attemptsMade, type, err, job) => {
    if (type !== BACKOFF_STRATEGY) return 0;
    const base = job?.opts?.backoff && typeof job.opts.backoff === 'object' && job.opts.backoff.delay ? job.opts.backoff.delay : config.backoffBaseMs;
    return backoffDelay({ attemptsMade, baseMs: base, maxMs: config.backoffMaxMs, retryAfterMs: retryAfterMsOf(err), random: random() });
  };
}

/** Options for a Queue: prefix, connection and default job options. */
export function queueOptions(queue: QueueName, connection: Redis, config: IngestConfig = DEFAULT_INGEST_CONFIG, prefix: string = QUEUE_PREFIX): QueueOptions {
  return { connection, prefix, defaultJobOptions: defaultJobOptions(queue, config) };
}

/**
 * Options for a Worker: prefix, connection (use a `worker` connection) and the backoff strategy.
 * Merge your own (concurrency, a test `prefix`, …) on top.
 */
export function workerOptions(connection: Redis, config: IngestConfig = DEFAULT_INGEST_CONFIG, extra: Partial<WorkerOptions> = {}): WorkerOptions {
  return { connection, prefix: QUEUE_PREFIX, ...extra, settings: { ...extra.settings, backoffStrategy: createBackoffStrategy(config) } };
}

/** The four queues, sharing one connection. */
export interface Queues {
  events: Queue<EventJob>;
  effects: Queue<EffectJob>;
  timers: Queue<TimerJob>;
  deadLetter: Queue<DeadLetterJob>;
  close(): Promise<void>;
}

/**
 * Opens the four queues on a connection (it is not closed by `close()`: its owner closes it).
 * `prefix` is {@link QUEUE_PREFIX} in production; tests pass their own (e.g. `{cr-test-ingest}`)
 * so they never touch each other's jobs — keep the braces (cluster hash tag).
 */
export function createQueues(connection: Redis, config: IngestConfig = DEFAULT_INGEST_CONFIG, prefix: string = QUEUE_PREFIX): Queues {
  const events = new Queue<EventJob>(QUEUE_NAMES.events, queueOptions('events', connection, config, prefix));
  const effects = new Queue<EffectJob>(QUEUE_NAMES.effects, queueOptions('effects', connection, config, prefix));
  const timers = new Queue<TimerJob>(QUEUE_NAMES.timers, queueOptions('timers', connection, config, prefix));
  const deadLetter = new Queue<DeadLetterJob>(QUEUE_NAMES.deadLetter, queueOptions('dead-letter', connection, config, prefix));
  return {
    events,
    effects,
    timers,
    deadLetter,
    close: async () => {
      await Promise.all([events.close(), effects.close(), timers.close(), deadLetter.close()]);
    },
  };
}
