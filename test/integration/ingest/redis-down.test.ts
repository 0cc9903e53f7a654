import { cleanPrefix, countKeys, deliver, fixture, startTestServer, type TestServer } from './helpers';

/**
 * Redis down during a request: simulated by pointing the web app at a port where nothing listens
 * (the shared Redis server keeps running for everyone else). The sender must get a 503 quickly so
 * it retries, and nothing may be written anywhere.
 */
const PREFIX = '{cr-test-ingest-redis-down}';
const SLOW_PREFIX = '{cr-test-ingest-redis-slow}';
let server: TestServer;

beforeAll(async () => {
  await cleanPrefix(PREFIX);
  await cleanPrefix(SLOW_PREFIX);
  server = await startTestServer({ prefix: PREFIX, redisUrl: 'redis://127.0.0.1:1', config: { enqueueTimeoutMs: 500 } });
});

afterAll(async () => {
  await server.close();
  await cleanPrefix(SLOW_PREFIX);
});

describe('when Redis is unreachable', () => {
  it('answers an Intercom webhook 503 with Retry-After, and writes nothing', async () => {
    const res = await deliver(server.url, 'intercom', fixture('intercom/webhook-conversation.user.created.json'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.error).toBe('unavailable');
    expect(await countKeys(PREFIX)).toBe(0);
  });

  it('answers a Jira webhook 503, and writes nothing', async () => {
    const res = await deliver(server.url, 'jira', fixture('jira/webhook-comment_created.json'));
    expect(res.status).toBe(503);
    expect(await countKeys(PREFIX)).toBe(0);
  });

  it('still rejects forged requests with 401 (no Redis needed to say no)', async () => {
    const res = await deliver(server.url, 'jira', fixture('jira/webhook-comment_created.json'), { signature: null });
    expect(res.status).toBe(401);
  });

  it('reports itself unhealthy on /healthz and still serves /metrics', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { redis: string }).redis).toBe('down');
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/care_relay_webhooks_rejected_total\{source="(intercom|jira)",reason="redis_unavailable"\} [1-9]/);
  });
});

describe('when Redis is slow to take the job', () => {
  it('answers 503 once the enqueue timeout passes, not later', async () => {
    const slow = await startTestServer({ prefix: SLOW_PREFIX, config: { enqueueTimeoutMs: 100 } });
    try {
      // An enqueue that never completes, as when Redis hangs mid-request.
      slow.queues.events.add = (() => new Promise(() => undefined)) as never;
      const res = await deliver(slow.url, 'intercom', fixture('intercom/webhook-conversation.admin.replied.json'));
      expect(res.status).toBe(503);
      expect(await slow.queues.events.getJobCounts()).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      await slow.close();
    }
  });
});
