import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { startWorker, type RunningWorker } from '../../../src/app/worker';
import { listDeadLetters } from '../../../src/jobs/dead-letter';
import { createQueues, effectJobId, intercomJobId, type Queues } from '../../../src/jobs/queues';
import { gateDecider, gateKeys } from './support/gate-decider';
import { deleteKeys, memoryLogger, testConfig, waitFor, waitForJob } from './support/worker-test-kit';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomUUID().slice(0, 8);
const QUEUE_PREFIX = `{crtest-crash-${RUN}}`;
const KEY_PREFIX = `crtest-crash-${RUN}`;
const CONTROL = `crtest-crash-control-${RUN}`;
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'api', 'intercom', 'webhook-conversation.admin.replied.json');
const CONV = '215470001234567';

/** An in-process worker with the gate decision and a short lock, as the crash tests need it. */
function startGatedWorker(redis: Redis, control: string, extra: { maxStalledCount?: number } = {}): RunningWorker {
  return startWorker({
    config: testConfig(),
    logger: memoryLogger(),
    redisUrl: REDIS_URL,
    queuePrefix: QUEUE_PREFIX,
    keyPrefix: KEY_PREFIX,
    intercom: null,
    deciders: [gateDecider(redis, control)],
    processors: {},
    lockDuration: 1_000,
    stalledInterval: 300,
    ...extra,
  });
}

describe('a worker killed mid-job (real child process, SIGKILL)', () => {
  let redis: Redis;
  let queues: Queues;
  let child: ChildProcess | null = null;
  let survivor: RunningWorker | null = null;

  beforeAll(() => {
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = createQueues(redis, undefined, QUEUE_PREFIX);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await survivor?.close();
    await queues.events.obliterate({ force: true }).catch(() => undefined);
    await queues.effects.obliterate({ force: true }).catch(() => undefined);
    await queues.deadLetter.obliterate({ force: true }).catch(() => undefined);
    await queues.close();
    await deleteKeys(redis, `${QUEUE_PREFIX}:*`);
    await deleteKeys(redis, `${KEY_PREFIX}:*`);
    await deleteKeys(redis, `${CONTROL}:*`);
    await redis.quit();
  });

  it('processes the event exactly once after another worker recovers the stalled job', async () => {
    const keys = gateKeys(CONTROL);
    child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'crash-worker.ts')], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL, TEST_QUEUE_PREFIX: QUEUE_PREFIX, TEST_KEY_PREFIX: KEY_PREFIX, TEST_CONTROL_PREFIX: CONTROL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child?.on('exit', (_code, signal) => resolve(signal)));

    const payload = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    const jobId = intercomJobId(String(payload.id));
    await queues.events.add('intercom', { source: 'intercom', deliveryId: String(payload.id), topic: 'conversation.admin.replied', receivedAt: 0, payload }, { jobId });

    // The child has taken the job, stored the event and is waiting at the gate: kill it there.
    await waitFor(`the child worker to hold the job (stderr: ${stderr})`, async () => (await redis.get(keys.inFlight)) === String(child?.pid), 30_000);
    expect(await queues.events.getJobState(jobId)).toBe('active');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(await redis.get(keys.passed)).toBeNull();

    // A new worker starts; the gate is open now. BullMQ's stalled-job check hands it the job.
    await redis.set(keys.gate, '1');
    survivor = startGatedWorker(redis, CONTROL);
    const done = await waitForJob(queues.events, jobId, 'completed', 20_000);

    expect(await redis.get(keys.passed)).toBe('1');
    const events = await survivor.deps.store.events(CONV);
    expect(events.map((e) => e.id)).toEqual([`intercom:${CONV}:part:31245678902`]);
    expect((await survivor.deps.store.get(CONV))?.firstPublicReplyAt).toBe(1768380425_000);
    expect(await queues.effects.count()).toBe(1);
    expect(await queues.effects.getJob(effectJobId(`crash-test:${CONV}`))).toBeDefined();
    // Stored by the killed worker, so the recovered run appended nothing new.
    expect(done.returnvalue).toMatchObject({ ticketId: CONV, appended: 0, dispatched: 1 });
  }, 60_000);

  it('a job whose worker keeps dying ends in the dead-letter queue (maxStalledCount 0)', async () => {
    const control = `${CONTROL}:b`;
    const keys = gateKeys(control);
    // Only the child may take this job.
    await survivor?.close();
    survivor = null;
    const victim = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'crash-worker.ts')], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL, TEST_QUEUE_PREFIX: QUEUE_PREFIX, TEST_KEY_PREFIX: KEY_PREFIX, TEST_CONTROL_PREFIX: control },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child = victim;
    const exited = new Promise<void>((resolve) => victim.on('exit', () => resolve()));
    const payload = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    const jobId = intercomJobId('notif_doomed');
    await queues.events.add('intercom', { source: 'intercom', deliveryId: 'notif_doomed', topic: 'conversation.admin.replied', receivedAt: 0, payload: { ...payload, id: 'notif_doomed' } }, { jobId });
    await waitFor('the child worker to hold the job', async () => (await redis.get(keys.inFlight)) === String(victim.pid), 30_000);
    victim.kill('SIGKILL');
    await exited;

    survivor = startGatedWorker(redis, control, { maxStalledCount: 0 });
    await waitForJob(queues.events, jobId, 'failed', 20_000);
    await waitFor('the dead letter', async () => (await listDeadLetters(queues.deadLetter)).some((l) => l.jobId === jobId));
    const letter = (await listDeadLetters(queues.deadLetter)).find((l) => l.jobId === jobId);
    expect(letter).toMatchObject({ id: `events-${jobId}`, queue: 'events', failedReason: 'job stalled more than allowable limit' });
  }, 60_000);
});
