import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of care-relay, served by the web process at `GET /metrics`.
 *
 * One registry per process; the worker counts processed/failed/retried/dead-lettered jobs with the
 * counters below (and may serve them itself). Label values are bounded: `source` is
 * intercom|jira|slack, `queue` a queue name, `reason` one of {@link RejectReason}.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'care_relay_' });

/** Why a webhook was turned away. */
export type RejectReason =
  | 'signature_missing'
  | 'signature_invalid'
  | 'content_type'
  | 'too_large'
  | 'bad_json'
  | 'invalid_payload'
  | 'redis_unavailable';

export const webhooksReceived = new Counter({
  name: 'care_relay_webhooks_received_total',
  help: 'Webhook requests received (POST), by source.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

export const webhooksRejected = new Counter({
  name: 'care_relay_webhooks_rejected_total',
  help: 'Webhook requests answered 4xx/5xx, by source and reason.',
  labelNames: ['source', 'reason'] as const,
  registers: [metricsRegistry],
});

export const webhooksIgnored = new Counter({
  name: 'care_relay_webhooks_ignored_total',
  help: 'Signed webhooks with a topic the relay does not handle (answered 202), or pings.',
  labelNames: ['source', 'topic'] as const,
  registers: [metricsRegistry],
});

export const jobsQueued = new Counter({
  name: 'care_relay_jobs_queued_total',
  help: 'Jobs handed to a queue (a redelivery with an existing job id is absorbed by BullMQ but counted here).',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

export const jobsProcessed = new Counter({
  name: 'care_relay_jobs_processed_total',
  help: 'Jobs completed by a worker.',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

export const jobsFailed = new Counter({
  name: 'care_relay_jobs_failed_total',
  help: 'Job attempts that threw (each failed attempt counts once).',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

export const jobsRetried = new Counter({
  name: 'care_relay_jobs_retried_total',
  help: 'Failed attempts that will be retried after a backoff.',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

export const jobsDeadLettered = new Counter({
  name: 'care_relay_jobs_dead_lettered_total',
  help: 'Jobs moved to the dead-letter queue after their last attempt.',
  labelNames: ['queue'] as const,
  registers: [metricsRegistry],
});

export const queueDepth = new Gauge({
  name: 'care_relay_queue_depth',
  help: 'Jobs per queue and state (waiting, active, delayed, failed), sampled when /metrics is read.',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
});

export const webhookAckSeconds = new Histogram({
  name: 'care_relay_webhook_ack_seconds',
  help: 'Time from request start to the answer of a webhook, by source and status code.',
  labelNames: ['source', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

/** Anything with BullMQ's `getJobCounts` (a Queue). */
export interface CountableQueue {
  name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

/** The states sampled into {@link queueDepth}. */
export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

/** Samples each queue's job counts into {@link queueDepth}; returns them too (for /healthz). */
export async function sampleQueueDepth(queues: CountableQueue[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const q of queues) {
    const counts = await q.getJobCounts(...DEPTH_STATES);
    out[q.name] = counts;
    for (const state of DEPTH_STATES) queueDepth.set({ queue: q.name, state }, counts[state] ?? 0);
  }
  return out;
}
