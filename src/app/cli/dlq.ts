import { getDeadLetter, listDeadLetters, replayDeadLetter, type DeadLetterEntry } from '../../jobs/dead-letter';
import { createQueues, createRedisConnection, QUEUE_PREFIX, redisUrlFromEnv } from '../../jobs/queues';
import type { CliCommand, CliIo } from './types';

const USAGE = [
  'usage: care-relay dlq list [--json] [--prefix P]',
  '       care-relay dlq show <id> [--prefix P]',
  '       care-relay dlq replay <id>... | --all [--prefix P]',
  '',
  'Jobs that failed all their attempts (webhook deliveries, side effects, timers) wait in the',
  'dead-letter queue. `list` shows them (id, original queue and job, attempts, when, why); `show`',
  'prints one with its data; `replay` puts it back on its original queue under its original job id',
  'and removes it from the dead-letter queue. Replaying is safe: events are stored once by id and',
  'side effects run once per intent key. Redis: REDIS_URL (default redis://127.0.0.1:6379);',
  `--prefix is the BullMQ prefix (default ${QUEUE_PREFIX}).`,
].join('\n');

function line(e: DeadLetterEntry): string {
  const when = new Date(e.failedAt).toISOString();
  const reason = e.failedReason.replace(/\s+/g, ' ').slice(0, 120);
  return `${e.id}\t${e.queue}\t${e.jobId}\t${e.attemptsMade} attempts\t${when}\t${reason}`;
}

/** `care-relay dlq list | show <id> | replay <id|--all>`: the dead-letter queue, for operators. */
export const dlqCommand: CliCommand = {
  name: 'dlq',
  summary: 'dlq list | show <id> | replay <id|--all>: inspect and replay jobs that failed all their attempts',
  usage: USAGE,
  async run(args, io) {
    const positional: string[] = [];
    let prefix = QUEUE_PREFIX;
    let json = false;
    let all = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--prefix') prefix = args[++i] ?? prefix;
      else if (a === '--json') json = true;
      else if (a === '--all') all = true;
      else if (a.startsWith('-')) return usageError(io, `unknown option ${a}`);
      else positional.push(a);
    }
    const [sub, ...ids] = positional;
    if (sub !== 'list' && sub !== 'show' && sub !== 'replay') return usageError(io, sub ? `unknown subcommand "${sub}"` : 'missing subcommand');
    if (sub === 'show' && ids.length !== 1) return usageError(io, 'show takes one id');
    if (sub === 'replay' && (all ? ids.length > 0 : ids.length === 0)) return usageError(io, 'replay takes ids or --all');

    const redis = createRedisConnection('web', redisUrlFromEnv(io.env), { maxRetriesPerRequest: 2, enableOfflineQueue: true, commandTimeout: 5_000 });
    const queues = createQueues(redis, undefined, prefix);
    try {
      if (sub === 'list') {
        const letters = await listDeadLetters(queues.deadLetter);
        if (json) io.stdout(JSON.stringify(letters, null, 2) + '\n');
        else {
          for (const e of letters) io.stdout(line(e) + '\n');
          io.stdout(`${letters.length} dead letter(s)\n`);
        }
        return 0;
      }
      if (sub === 'show') {
        const letter = await getDeadLetter(queues.deadLetter, ids[0]!);
        if (!letter) {
          io.stderr(`no dead letter with id ${ids[0]} (see \`care-relay dlq list\`)\n`);
          return 1;
        }
        io.stdout(JSON.stringify(letter, null, 2) + '\n');
        return 0;
      }
      const targets = all ? (await listDeadLetters(queues.deadLetter, 100_000)).map((e) => e.id) : ids;
      let failures = 0;
      for (const id of targets) {
        const outcome = await replayDeadLetter(queues, id);
        if (outcome === 'not-found') failures++;
        io.stdout(`${id}: ${outcome}\n`);
      }
      io.stdout(`replayed ${targets.length - failures} of ${targets.length}\n`);
      return failures > 0 ? 1 : 0;
    } catch (err) {
      io.stderr(`dlq ${sub}: ${(err as Error).message} (is Redis reachable at REDIS_URL?)\n`);
      return 1;
    } finally {
      await queues.close().catch(() => undefined);
      await redis.quit().catch(() => undefined);
    }
  },
};

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return 2;
}
