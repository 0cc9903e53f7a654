import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { RedisBugLock, bugLockKey, type LockAttempt } from '../../../src/adapters/redis/bug-lock';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { DomainEventSchema } from '../../../src/domain/events';
import type { Intent } from '../../../src/domain/intents';
import { createEffectsJobProcessor, createEffectsProcessor, type EffectsDeps } from '../../../src/jobs/effects/processor';
import { effectsProcessorFactory } from '../../../src/jobs/effects/wiring';
import type { WorkerDeps } from '../../../src/jobs/processors';
import { effectJobId, queueOptions, workerOptions, type EffectJob } from '../../../src/jobs/queues';
import type { IntercomPort, JiraPort, SlackPort } from '../../../src/ports';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { loadTextCatalog } from '../../../src/templates/load-text';
import { CONVERSATION_ID, OPENED_AT, openedConversation, repoConfig } from '../../helpers/slack-jira';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomUUID().slice(0, 8);
const KEY_PREFIX = `crtest-buglock-${RUN}`;
const QUEUE_PREFIX = `{crtest-buglock-${RUN}}`;
const FILED_AT = OPENED_AT + 7 * 60_000;
const ticketId = CONVERSATION_ID;
const base = repoConfig();
const config = { slack: { ...base.slack, postIntervalMs: 0 }, jira: base.jira };
const templates = loadBugTemplates();
const catalog = loadTextCatalog();

/** The outside world as fakes. Jira's search lags behind its creates (as the real index can), so only the lock prevents a second issue. */
function fakeWorld(onCreate: () => Promise<void> = async () => undefined) {
  const calls = { search: 0, create: 0, notes: 0, tags: 0, posts: 0, links: 0 };
  const jira: JiraPort = {
    findIssueByLabel: async () => {
      calls.search++;
      return null;
    },
    createIssue: async () => {
      calls.create++;
      const n = calls.create;
      await onCreate();
      return { id: `1048${n}`, key: `INC-48${n}`, url: `https://example.atlassian.net/browse/INC-48${n}` };
    },
    addRemoteLink: async () => void calls.links++,
  };
  const intercom = {
    addNote: async () => ({ partId: `part-${++calls.notes}` }),
    tagConversation: async () => void calls.tags++,
  } as unknown as IntercomPort;
  const slack: SlackPort = {
    postMessage: async (input) => ({ channel: input.channel, ts: `1768380493.48291${++calls.posts}` }),
    lookupUserByEmail: async () => null,
  };
  return { calls, jira, intercom, slack };
}

/** A promise and its resolver: lets a fake wait until the other job has arrived. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

/** Real Redis locks that call `onSecond` once two acquisitions (taken or refused) have been answered. */
function countingLocks(onSecond: () => void) {
  let attempts = 0;
  return {
    on(redis: Redis): NonNullable<EffectsDeps['bugLock']> {
      const lock = new RedisBugLock(redis, { prefix: KEY_PREFIX });
      return {
        acquire: async (bugId) => {
          const r = await lock.acquire(bugId);
          if (++attempts === 2) onSecond();
          return r;
        },
      };
    },
  };
}

describe('one bug is filed by one job at a time across workers (Redis lock)', () => {
  let redis: Redis;
  let other: Redis;
  let store: RedisTicketStore;

  beforeAll(() => {
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    other = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    store = new RedisTicketStore(redis, { prefix: KEY_PREFIX });
  });
  beforeEach(async () => {
    await deleteKeysMatching(redis, `${KEY_PREFIX}:*`);
    const events = [
      ...openedConversation(),
      { id: `bug-filed:${ticketId}`, ticketId, at: FILED_AT, source: 'slack', kind: 'BugFiled', bugKind: 'checkout-payments', by: 'U05LUFER001', fields: { summary: 'El pago con Bizum devuelve error 500' }, priority: 'Muy Alta' },
    ].map((e) => DomainEventSchema.parse(e));
    await store.append(ticketId, events);
  });
  afterAll(async () => {
    await deleteKeysMatching(redis, `${KEY_PREFIX}:*`, `${QUEUE_PREFIX}:*`);
    await redis.quit();
    await other.quit();
  });

  const fileIntent = (key: string): Intent => ({ kind: 'jira.createIssue', key, ticketId, bugId: ticketId });
  const depsWith = (world: ReturnType<typeof fakeWorld>, bugLock?: EffectsDeps['bugLock']): EffectsDeps => ({
    store,
    slack: world.slack,
    jira: world.jira,
    intercom: world.intercom,
    config,
    bugTemplates: templates,
    catalog,
    clock: { now: () => FILED_AT + 60_000 },
    ...(bugLock ? { bugLock } : {}),
  });

  describe('the lock', () => {
    /** Locks a test leaves held are released after it (stops their renewal timers). */
    const held: LockAttempt[] = [];
    const keep = (attempt: LockAttempt): LockAttempt => (held.push(attempt), attempt);
    afterEach(async () => {
      for (const h of held.splice(0)) if (h.acquired) await h.release();
    });

    it('is taken once; the second taker is told to come back within the cap; released, it is free again', async () => {
      const lockA = new RedisBugLock(redis, { prefix: KEY_PREFIX });
      const lockB = new RedisBugLock(other, { prefix: KEY_PREFIX });
      const first = await lockA.acquire('bug-1');
      expect(first.acquired).toBe(true);
      const ttl = await redis.pttl(bugLockKey('bug-1', KEY_PREFIX));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30_000);
      const second = await lockB.acquire('bug-1');
      expect(second).toEqual({ acquired: false, retryAfterMs: 2000 });
      expect(keep(await lockB.acquire('bug-2')).acquired).toBe(true);
      if (!first.acquired) throw new Error('lock not taken');
      expect(await first.release()).toBe(true);
      expect(keep(await lockB.acquire('bug-1')).acquired).toBe(true);
    });

    it('a holder whose lock expired and was taken by another job does not release the other\'s', async () => {
      const lock = new RedisBugLock(redis, { prefix: KEY_PREFIX });
      const late = await lock.acquire('bug-3');
      await redis.del(bugLockKey('bug-3', KEY_PREFIX)); // as if its TTL ran out
      const now = keep(await new RedisBugLock(other, { prefix: KEY_PREFIX }).acquire('bug-3'));
      expect(now.acquired).toBe(true);
      if (!late.acquired) throw new Error('lock not taken');
      expect(await late.release()).toBe(false);
      expect(await redis.exists(bugLockKey('bug-3', KEY_PREFIX))).toBe(1);
    });

    it('its holder renews it, and only its holder', async () => {
      const lock = new RedisBugLock(redis, { prefix: KEY_PREFIX, ttlMs: 60_000 });
      const held = await lock.acquire('bug-5');
      if (!held.acquired) throw new Error('lock not taken');
      await redis.pexpire(bugLockKey('bug-5', KEY_PREFIX), 500);
      expect(await held.renew()).toBe(true);
      expect(await redis.pttl(bugLockKey('bug-5', KEY_PREFIX))).toBeGreaterThan(500);
      await redis.set(bugLockKey('bug-5', KEY_PREFIX), 'someone-else', 'PX', 500); // expired, taken by another job
      expect(await held.renew()).toBe(false);
      expect(await redis.pttl(bugLockKey('bug-5', KEY_PREFIX))).toBeLessThanOrEqual(500);
      expect(await held.release()).toBe(false);
      expect(await redis.get(bugLockKey('bug-5', KEY_PREFIX))).toBe('someone-else');
    });

    it('a filing that outlives the TTL keeps its lock (renewed while held) until it releases it', async () => {
      const lock = new RedisBugLock(redis, { prefix: KEY_PREFIX, ttlMs: 900 });
      const held = await lock.acquire('bug-6');
      if (!held.acquired) throw new Error('lock not taken');
      await new Promise((r) => setTimeout(r, 2500)); // almost three TTLs
      expect((await lock.acquire('bug-6')).acquired).toBe(false);
      expect(await held.release()).toBe(true);
      expect(await redis.exists(bugLockKey('bug-6', KEY_PREFIX))).toBe(0);
    });

    it('tells a job to come back when the lock is about to expire, not later', async () => {
      const lock = new RedisBugLock(redis, { prefix: KEY_PREFIX, ttlMs: 60_000, maxRetryAfterMs: 5_000 });
      keep(await lock.acquire('bug-4'));
      await redis.pexpire(bugLockKey('bug-4', KEY_PREFIX), 900);
      const busy = await lock.acquire('bug-4');
      expect(busy.acquired).toBe(false);
      if (busy.acquired) throw new Error('unreachable');
      expect(busy.retryAfterMs).toBeGreaterThan(0);
      expect(busy.retryAfterMs).toBeLessThanOrEqual(900);
    });
  });

  it('the worker\'s effects processor takes the lock in its Redis: a bug being filed elsewhere is retried later, not failed', async () => {
    await redis.set(bugLockKey(ticketId, KEY_PREFIX), 'another-worker', 'PX', 60_000);
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => silent };
    const deps = { config: base, env: {}, redis, store, intercom: null, clock: { now: () => FILED_AT }, logger: silent, keyPrefix: KEY_PREFIX } as unknown as WorkerDeps;
    const job = { id: 'j', attemptsMade: 0, data: { intent: fileIntent('jira.createIssue:a') } } as unknown as Job;
    const err = await effectsProcessorFactory(deps)(job).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(UnrecoverableError);
    expect(err).toMatchObject({ code: 'EFFECT_BUSY', retryable: true, retryAfterMs: 2000 });
  });

  it('(the race the lock closes) without it, two jobs for one bug at the same moment create two issues', async () => {
    const bothCreating = gate();
    let creating = 0;
    const world = fakeWorld(async () => {
      if (++creating === 2) bothCreating.open();
      await bothCreating.opened;
    });
    const deps = depsWith(world);
    await Promise.all([createEffectsProcessor(deps)(fileIntent('jira.createIssue:a')), createEffectsProcessor(deps)(fileIntent('jira.createIssue:b'))]);
    expect(world.calls.create).toBe(2);
  });

  it('with it, two concurrent runs make one createIssue call; the other is retryable and, retried, finds the issue filed', async () => {
    const secondArrived = gate();
    const world = fakeWorld(() => secondArrived.opened);
    const counter = countingLocks(secondArrived.open);
    // Two workers: separate processors, separate Redis connections for their locks.
    const workers = [createEffectsProcessor(depsWith(world, counter.on(redis))), createEffectsProcessor(depsWith(world, counter.on(other)))];
    const intents = [fileIntent('jira.createIssue:a'), fileIntent('jira.createIssue:b')];
    const settled = await Promise.allSettled(workers.map((run, i) => run(intents[i])));

    const done = settled.filter((r) => r.status === 'fulfilled');
    const refused = settled.filter((r) => r.status === 'rejected');
    expect(done).toEqual([{ status: 'fulfilled', value: expect.objectContaining({ status: 'done', detail: { key: 'INC-481', steps: ['created', 'remote-link', 'note', 'tag', 'thread'] } }) }]);
    expect(refused).toHaveLength(1);
    const busy = refused[0].reason as { code: string; retryable: boolean; retryAfterMs: number };
    expect(busy).toMatchObject({ code: 'EFFECT_BUSY', retryable: true });
    expect(busy.retryAfterMs).toBeGreaterThan(0);
    expect(busy.retryAfterMs).toBeLessThanOrEqual(2000);
    expect(await redis.exists(bugLockKey(ticketId, KEY_PREFIX))).toBe(0); // released

    const loser = settled.indexOf(refused[0]);
    const retried = await workers[loser](intents[loser]);
    expect(retried).toMatchObject({ status: 'skipped', detail: { key: 'INC-481', steps: [] } });
    expect(world.calls).toEqual({ search: 1, create: 1, notes: 1, tags: 1, posts: 1, links: 1 });
    expect((await store.get(ticketId))?.jira?.key).toBe('INC-481');
  });

  it('through the effects queue: two different jobs for one bug → one issue; the busy one is retried by BullMQ and completes', async () => {
    const secondArrived = gate();
    // Safety only: if the queue ran the jobs one after the other the gate must not hang the test.
    const safety = setTimeout(() => secondArrived.open(), 5000);
    const world = fakeWorld(() => secondArrived.opened);
    const counting = countingLocks(secondArrived.open).on(redis);
    const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue<EffectJob>('effects', queueOptions('effects', connection, undefined, QUEUE_PREFIX));
    const eventsConnection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const events = new QueueEvents('effects', { connection: eventsConnection, prefix: QUEUE_PREFIX });
    let worker: Worker<EffectJob> | null = null;
    try {
      await events.waitUntilReady();
      const jobA = await queue.add('jira.createIssue', { intent: fileIntent('jira.createIssue:a') }, { jobId: effectJobId('jira.createIssue:a') });
      const jobB = await queue.add('jira.createIssue', { intent: fileIntent('jira.createIssue:b') }, { jobId: effectJobId('jira.createIssue:b') });
      worker = new Worker<EffectJob>('effects', createEffectsJobProcessor(depsWith(world, counting)), workerOptions(connection, undefined, { prefix: QUEUE_PREFIX, concurrency: 2 }));
      await Promise.all([jobA.waitUntilFinished(events, 20_000), jobB.waitUntilFinished(events, 20_000)]);
      const attemptsMade = await Promise.all([queue.getJob(jobA.id!), queue.getJob(jobB.id!)]).then((jobs) => jobs.map((j) => j?.attemptsMade).sort());
      expect(attemptsMade).toEqual([1, 2]);
      expect(world.calls.create).toBe(1);
      expect(world.calls.posts).toBe(1);
      expect(world.calls.notes).toBe(1);
    } finally {
      clearTimeout(safety);
      await worker?.close();
      await events.close();
      await eventsConnection.quit();
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    }
  });
});
