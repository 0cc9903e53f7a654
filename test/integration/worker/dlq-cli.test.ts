import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { type Job } from 'bullmq';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';
import { deadLetterOf, moveToDeadLetter } from '../../../src/jobs/dead-letter';
import { createQueues, type Queues } from '../../../src/jobs/queues';
import { deleteKeys } from './support/worker-test-kit';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{crtest-dlqcli-${randomUUID().slice(0, 8)}}`;

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => '', env: { REDIS_URL }, cwd: process.cwd() },
    out: () => out,
    err: () => err,
  };
}

describe('care-relay dlq (real Redis)', () => {
  let redis: Redis;
  let queues: Queues;

  beforeAll(() => {
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = createQueues(redis, undefined, PREFIX);
  });
  afterAll(async () => {
    await queues.close();
    await deleteKeys(redis, `${PREFIX}:*`);
    await redis.quit();
  });

  /** A failed `effects` job and its dead letter, as the worker leaves them. */
  async function deadEffect(key: string): Promise<string> {
    const job = await queues.effects.add('slack.post', { intent: { kind: 'slack.post', key, ticketId: 't1', to: { kind: 'channel', channel: 'C1' }, text: 'hola' } }, { jobId: `effect-${key}` });
    const letter = deadLetterOf('effects', job as unknown as Job, new Error('channel_not_found'), Date.UTC(2026, 0, 14, 9, 0));
    await moveToDeadLetter(queues.deadLetter, { ...letter, attemptsMade: 8 });
    return `effects-effect-${key}`;
  }

  it('lists, shows and replays one dead letter under its original job id', async () => {
    const id = await deadEffect('k1');
    // The original job was removed from its queue meanwhile (retention), as happens in production.
    await (await queues.effects.getJob('effect-k1'))?.remove();

    const list = capture();
    expect(await runCli(['dlq', 'list', '--prefix', PREFIX], list.io)).toBe(0);
    expect(list.out()).toContain(`${id}\teffects\teffect-k1\t8 attempts\t2026-01-14T09:00:00.000Z\tchannel_not_found`);
    expect(list.out()).toContain('1 dead letter(s)');

    const show = capture();
    expect(await runCli(['dlq', 'show', id, '--prefix', PREFIX], show.io)).toBe(0);
    expect(JSON.parse(show.out())).toMatchObject({ id, queue: 'effects', jobId: 'effect-k1', data: { intent: { key: 'k1' } } });

    const replay = capture();
    expect(await runCli(['dlq', 'replay', id, '--prefix', PREFIX], replay.io)).toBe(0);
    expect(replay.out()).toContain(`${id}: requeued`);
    const requeued = await queues.effects.getJob('effect-k1');
    expect(requeued?.data).toEqual({ intent: { kind: 'slack.post', key: 'k1', ticketId: 't1', to: { kind: 'channel', channel: 'C1' }, text: 'hola' } });
    expect(await queues.deadLetter.count()).toBe(0);
  });

  it('replays everything with --all, leaves alone a job still queued, and says which ids it does not know', async () => {
    await queues.effects.obliterate({ force: true });
    const a = await deadEffect('k2');
    const b = await deadEffect('k3');
    await (await queues.effects.getJob('effect-k2'))?.remove();
    const all = capture();
    expect(await runCli(['dlq', 'replay', '--all', '--prefix', PREFIX], all.io)).toBe(0);
    expect(all.out()).toContain(`${a}: requeued`);
    // effect-k3 never left its queue: adding it again would be a no-op, so it is reported as such.
    expect(all.out()).toContain(`${b}: already-queued`);
    expect(await queues.deadLetter.count()).toBe(0);
    expect(await queues.effects.getJobState('effect-k2')).toBe('waiting');

    const missing = capture();
    expect(await runCli(['dlq', 'show', 'nope', '--prefix', PREFIX], missing.io)).toBe(1);
    expect(missing.err()).toContain('no dead letter with id nope');
    expect(await runCli(['dlq', 'replay', '--prefix', PREFIX], capture().io)).toBe(2);
  });
});
