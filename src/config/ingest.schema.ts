import { z } from 'zod';
import { DurationSchema } from './duration';

/**
 * The `ingest` section of the configuration (config/ingest.yaml): how webhooks are received and
 * how queued jobs are retried and kept. Every key has a default, so an empty file is valid.
 */
export const IngestConfigSchema = z
  .object({
  /** Largest webhook body accepted, in bytes; a larger one is answered 413. */
  bodyLimitBytes: z.number().int().min(1024).max(10 * 1024 * 1024).default(512 * 1024),
  /** How long the web process waits for Redis to take a job before answering 503, in ms. */
  enqueueTimeoutMs: z.number().int().min(50).max(30_000).default(2_000),
  /** Attempts per job (the first one included) before it moves to the dead-letter queue. */
  attempts: z.number().int().min(1).max(50).default(8),
  /** Delay before the first retry, in ms; doubles on each failure (with jitter). */
  backoffBaseMs: z.number().int().min(10).max(3_600_000).default(2_000),
  /** Cap of the exponential delay, in ms (a remote `Retry-After` may still ask for longer). */
  backoffMaxMs: z.number().int().min(10).max(86_400_000).default(600_000),
  /**
   * How long finished `events` jobs are kept. While a job exists, a redelivery with the same job id
   * is absorbed by BullMQ; Jira retries for ~30 minutes, so keep well beyond that.
   */
  keepCompleted: DurationSchema.default(24 * 3_600_000),
  /** How long finished `effects` jobs are kept (their id is the intent key: a repeat runs once). */
  keepCompletedEffects: DurationSchema.default(7 * 24 * 3_600_000),
  /** How long failed jobs are kept in their own queue (their copy in `dead-letter` stays). */
  keepFailed: DurationSchema.default(7 * 24 * 3_600_000),
  /** Upper bound of finished jobs kept per queue, whatever their age (memory guard). */
  keepMaxCount: z.number().int().min(100).default(200_000),
  })
  // A missing config/ingest.yaml means all defaults.
  .prefault({});
export type IngestConfig = z.infer<typeof IngestConfigSchema>;

/** The defaults, for code that runs without a loaded configuration (tests, bench). */
export const DEFAULT_INGEST_CONFIG: IngestConfig = IngestConfigSchema.parse({});
