import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import nock from 'nock';
import type { Job } from 'bullmq';
import { ChannelPacer } from '../../../src/adapters/slack/channel-pacer';
import { RedisChannelPacer, slackPaceKey } from '../../../src/adapters/slack/redis-channel-pacer';
import { SlackClient, slackClientFromEnv } from '../../../src/adapters/slack/slack-client';
import { effectsProcessorFactory } from '../../../src/jobs/effects/wiring';
import type { WorkerDeps } from '../../../src/jobs/processors';
import { MemoryTicketStore, repoConfig } from '../../helpers/slack-jira';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `crtest-slackpace-${randomUUID().slice(0, 8)}`;
const SLACK = 'https://slack.test';
const INTERVAL = 1100;
const T0 = Date.UTC(2026, 0, 14, 8, 41);

/** Sleeps are recorded, never slept: the tests check reserved slots, not the clock on the wall. */
const recorder = (into: number[]) => async (ms: number) => void into.push(ms);

describe('Slack posts to one channel are paced across worker processes through Redis', () => {
  let a: Redis;
  let b: Redis;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    a = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    b = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  });
  afterEach(async () => {
    nock.cleanAll();
    const keys = await a.keys(`${PREFIX}*`);
    if (keys.length) await a.del(...keys);
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await a.quit();
    await b.quit();
  });

  it('books a channel\'s slots one interval apart from its first free instant, each other channel from now', async () => {
    const sleeps: number[] = [];
    const pacer = new RedisChannelPacer(a, { intervalMs: INTERVAL, prefix: PREFIX, now: () => T0, sleep: recorder(sleeps) });
    expect(await pacer.reserve('C06SOPINC01')).toEqual({ slot: T0, waitMs: 0 });
    expect(await pacer.reserve('C06SOPINC01')).toEqual({ slot: T0 + 1100, waitMs: 1100 });
    expect(await pacer.reserve('C06SOPINC01')).toEqual({ slot: T0 + 2200, waitMs: 2200 });
    expect(await pacer.reserve('C06MANAGER1')).toEqual({ slot: T0, waitMs: 0 });

    // The key holds the next free slot and expires a second after it: idle channels leave nothing.
    expect(await a.get(slackPaceKey('C06SOPINC01', PREFIX))).toBe(String(T0 + 3300));
    const ttl = await a.pttl(slackPaceKey('C06SOPINC01', PREFIX));
    expect(ttl).toBeGreaterThan(3300);
    expect(ttl).toBeLessThanOrEqual(3300 + 1000);

    await pacer.wait('C06MANAGER1');
    await pacer.wait('C06NEWCHAN1');
    expect(sleeps).toEqual([1100]);
  });

  it('two pacers on separate connections never get two slots of one channel less than the interval apart', async () => {
    // Redis's own clock, as in production; 2 × 15 posts fired at once at the same channel.
    const one = new RedisChannelPacer(a, { intervalMs: INTERVAL, prefix: PREFIX });
    const two = new RedisChannelPacer(b, { intervalMs: INTERVAL, prefix: PREFIX });
    const booked = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? two : one).reserve('C06SOPINC01')));
    const slots = booked.map((r) => r.slot).sort((x, y) => x - y);
    expect(new Set(slots).size).toBe(30);
    for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(INTERVAL);
    expect(booked.every((r) => r.waitMs >= 0)).toBe(true);

    // Meanwhile another channel is free at once, whatever the first one's backlog.
    expect((await two.reserve('C06MANAGER1')).waitMs).toBe(0);
  });

  it('(what this replaces) two in-process pacers hand out the same slot to two workers', () => {
    const one = new ChannelPacer(INTERVAL, () => T0);
    const two = new ChannelPacer(INTERVAL, () => T0);
    expect([one.reserve('C06SOPINC01'), two.reserve('C06SOPINC01')]).toEqual([0, 0]);
  });

  it('two Slack clients (two workers) sharing Redis wait their turn on one channel, not on another', async () => {
    nock(SLACK).post('/api/chat.postMessage').times(3).reply(200, { ok: true, channel: 'C06SOPINC01', ts: '1768380493.482911' });
    const sleepsA: number[] = [];
    const sleepsB: number[] = [];
    const clientOn = (redis: Redis, sleeps: number[]) =>
      new SlackClient({
        token: 'xoxb-test',
        slackApiUrl: `${SLACK}/api/`,
        pacer: new RedisChannelPacer(redis, { intervalMs: INTERVAL, prefix: PREFIX, now: () => T0, sleep: recorder(sleeps) }),
      });
    const workerA = clientOn(a, sleepsA);
    const workerB = clientOn(b, sleepsB);
    await workerA.postMessage({ channel: 'C06SOPINC01', text: 'uno' });
    await workerB.postMessage({ channel: 'C06SOPINC01', text: 'dos' });
    await workerB.postMessage({ channel: 'C06MANAGER1', text: 'otro canal' });
    expect(sleepsA).toEqual([]);
    expect(sleepsB).toEqual([1100]);
  });

  it('slackClientFromEnv with the worker\'s Redis books its slots there', async () => {
    nock(SLACK).post('/api/chat.postMessage').reply(200, { ok: true, channel: 'C06SOPINC01', ts: '1768380493.482911' });
    const client = slackClientFromEnv({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: `${SLACK}/api` }, INTERVAL, { redis: a, keyPrefix: PREFIX });
    await client.postMessage({ channel: 'C06SOPINC01', text: 'hola' });
    const next = Number(await a.get(slackPaceKey('C06SOPINC01', PREFIX)));
    const [secs, micros] = await a.time();
    const redisNow = Number(secs) * 1000 + Math.floor(Number(micros) / 1000);
    // Booked on Redis's clock: the next free slot is at most one interval after Redis's now.
    expect(next).toBeGreaterThan(redisNow);
    expect(next).toBeLessThanOrEqual(redisNow + INTERVAL);
  });

  it('the worker\'s effects processor paces its posts in the worker\'s Redis', async () => {
    nock(SLACK).post('/api/chat.postMessage').reply(200, { ok: true, channel: 'C06TEAM0001', ts: '1768380493.482911' });
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => silent };
    const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: `${SLACK}/api` };
    const deps = { config: repoConfig(), env, redis: a, store: new MemoryTicketStore(), intercom: null, clock: { now: () => T0 }, logger: silent, keyPrefix: PREFIX } as unknown as WorkerDeps;
    const intent = { kind: 'slack.post', key: 'k1', ticketId: null, to: { kind: 'channel', channel: 'C06TEAM0001' }, text: 'hola' };
    await effectsProcessorFactory(deps)({ id: 'j', attemptsMade: 0, data: { intent } } as unknown as Job);
    expect(await a.exists(slackPaceKey('C06TEAM0001', PREFIX))).toBe(1);
  });

  it('without Redis (an error), pacing falls back to this process and the post still goes out', async () => {
    const broken = new IORedis(REDIS_URL, { maxRetriesPerRequest: 0, lazyConnect: true, enableOfflineQueue: false });
    const warnings: string[] = [];
    const logger = { info: () => undefined, debug: () => undefined, error: () => undefined, warn: (_o: unknown, msg?: string) => void warnings.push(String(msg)), child: () => logger };
    const sleeps: number[] = [];
    const pacer = new RedisChannelPacer(broken, { intervalMs: INTERVAL, prefix: PREFIX, now: () => T0, sleep: recorder(sleeps), logger });
    await pacer.wait('C06SOPINC01');
    await pacer.wait('C06SOPINC01');
    await pacer.wait('C06MANAGER1');
    expect(sleeps).toEqual([1100]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('pacing in this process only');
    broken.disconnect();
  });

  it('an interval of 0 asks Redis nothing', async () => {
    const pacer = new RedisChannelPacer(a, { intervalMs: 0, prefix: PREFIX });
    await pacer.wait('C06SOPINC01');
    expect(await a.exists(slackPaceKey('C06SOPINC01', PREFIX))).toBe(0);
  });
});
