import { Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { DEFAULT_INGEST_CONFIG } from '../../../src/config/ingest.schema';
import { createQueues, createRedisConnection, workerOptions, type EventJob } from '../../../src/jobs/queues';
import { cleanPrefix, REDIS_URL } from './helpers';

/**
 * The retry policy on a real BullMQ Worker: a job whose processor throws an error carrying
 * `retryAfterMs` (a 429 from Slack, Jira or Intercom) is not retried before that time.
 */
const PREFIX = '{cr-test-ingest-retry}';

afterAll(async () => {
  await cleanPrefix(PREFIX);
});

it('waits at least the Retry-After an error carries before the next attempt', async () => {
  await cleanPrefix(PREFIX);
  const queueConn = createRedisConnection('worker', REDIS_URL);
  const workerConn = createRedisConnection('worker', REDIS_URL);
  const config = { ...DEFAULT_INGEST_CONFIG, backoffBaseMs: 10 };
  const queues = createQueues(queueConn, config, PREFIX);
  let failedAt = 0;
  const failed = new Promise<Job>((resolve) => {
    const worker = new Worker<EventJob>(
      'events',
      async () => {
        failedAt = Date.now();
        throw Object.assign(new Error('429 from Slack'), { retryAfterMs: 60_000 });
      },
      workerOptions(workerConn, config, { prefix: PREFIX, concurrency: 1 }),
    );
    worker.on('failed', (job) => {
      if (job) void worker.close().then(() => resolve(job));
    });
  });
  await queues.events.add('intercom.conversation.user.replied', { source: 'intercom', deliveryId: 'notif_retry', topic: 'conversation.user.replied', receivedAt: 0, payload: {} }, { jobId: 'intercom-notif_retry' });
  const job = await failed;
  expect(await job.getState()).toBe('delayed');
  expect(job.attemptsMade).toBe(1);
  const redis = new IORedis(REDIS_URL);
  try {
    const score = Number(await redis.zscore(`${PREFIX}:events:delayed`, 'intercom-notif_retry'));
    const retryAt = Math.floor(score / 0x1000);
    // Between Retry-After and Retry-After + 10 % (the spread), counted from the failure.
    expect(retryAt - failedAt).toBeGreaterThanOrEqual(60_000 - 50);
    expect(retryAt - failedAt).toBeLessThanOrEqual(66_000 + 1_000);
  } finally {
    redis.disconnect();
    await queues.close();
    queueConn.disconnect();
    workerConn.disconnect();
  }
});
