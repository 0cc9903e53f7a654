/**
 * `npm run bench:worker` — how fast the worker turns queued deliveries into stored ticket state.
 *
 * Runs the real worker in-process (events queue, no Intercom, no decisions) on the real Redis,
 * fills its own queue prefix with signed-shaped Intercom `conversation.user.replied` deliveries
 * (BENCH_TICKETS tickets × BENCH_EVENTS_PER_TICKET replies, each a new part), and measures the
 * time until every job completed. Then measures the store alone: appends to one ticket whose log
 * grows to BENCH_LOG events (every append re-folds the whole log), p50/p99 per append.
 *
 * Last line: `worker-bench: <r> events/s end to end (concurrency <c>), append p50 <ms> ms p99 <ms> ms at <n> events per ticket`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import IORedis from 'ioredis';
import { RedisTicketStore } from '../src/adapters/redis/ticket-store';
import { startWorker } from '../src/app/worker';
import { loadConfig } from '../src/config/load';
import { DEFAULT_INGEST_CONFIG } from '../src/config/ingest.schema';
import { DEFAULT_INTERCOM_CONFIG } from '../src/config/intercom.schema';
import type { Config } from '../src/config/schema';
import { DomainEventSchema } from '../src/domain/events';
import { createQueues, intercomJobId } from '../src/jobs/queues';
import type { Logger } from '../src/ports';
import { deleteKeysMatching } from '../src/adapters/redis/scan-keys';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100);
const PER_TICKET = Number(process.env.BENCH_EVENTS_PER_TICKET ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LOG = Number(process.env.BENCH_LOG ?? 500);
const PREFIX = '{cr-bench-worker}';
const KEY_PREFIX = 'cr-bench-worker';
const FIXTURE = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'api', 'intercom', 'webhook-conversation.user.replied.json');

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => silent };

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  await deleteKeysMatching(redis, `${PREFIX}*`, `${KEY_PREFIX}*`);
  const loaded = loadConfig();
  const config = loaded.ok ? loaded.config : ({ ingest: DEFAULT_INGEST_CONFIG, intercom: DEFAULT_INTERCOM_CONFIG } as unknown as Config);
  const queues = createQueues(redis, config.ingest, PREFIX);
  const base = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { data: { item: Record<string, unknown> } } & Record<string, unknown>;
  const item = base.data.item;
  const part = (item.conversation_parts as { conversation_parts: Record<string, unknown>[] }).conversation_parts[0]!;

  const jobs = [];
  for (let e = 0; e < PER_TICKET; e++) {
    for (let t = 0; t < TICKETS; t++) {
      const id = `notif_bench_${t}_${e}`;
      const payload = {
        ...base,
        id,
        data: { ...base.data, item: { ...item, id: `9${String(t).padStart(8, '0')}`, conversation_parts: { conversation_parts: [{ ...part, id: `${t}${e}`.padStart(12, '1'), created_at: 1768381512 + e }] } } },
      };
      jobs.push({ name: 'intercom', data: { source: 'intercom' as const, deliveryId: id, topic: 'conversation.user.replied', receivedAt: 0, payload }, opts: { jobId: intercomJobId(id) } });
    }
  }
  for (let i = 0; i < jobs.length; i += 500) await queues.events.addBulk(jobs.slice(i, i + 500));

  const started = Date.now();
  const worker = startWorker({ config, logger: silent, redisUrl: REDIS_URL, queuePrefix: PREFIX, keyPrefix: KEY_PREFIX, intercom: null, deciders: [], processors: {}, concurrency: CONCURRENCY, ratingPoll: false });
  const total = jobs.length;
  for (;;) {
    const counts = await queues.events.getJobCounts('completed', 'failed');
    if ((counts.completed ?? 0) + (counts.failed ?? 0) >= total) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (Date.now() - started) / 1000;
  const failed = (await queues.events.getJobCounts('failed')).failed ?? 0;
  await worker.close();
  const rate = total / seconds;
  process.stdout.write(`end to end: ${total} deliveries in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} events/s, ${failed} failed (${TICKETS} tickets, concurrency ${CONCURRENCY})\n`);

  const store = new RedisTicketStore(redis, { prefix: KEY_PREFIX });
  const latencies: number[] = [];
  for (let i = 0; i < LOG; i++) {
    const ev = DomainEventSchema.parse({ id: `bench:${i}`, ticketId: 'bench-log', at: 1_000 + i, source: 'intercom', kind: i % 2 ? 'SupportReplied' : 'CustomerMessaged', body: 'x'.repeat(200) });
    const t0 = process.hrtime.bigint();
    await store.append('bench-log', [ev]);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  process.stdout.write(`store: ${LOG} appends to one ticket, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (last: ${latencies.length} events folded per append at the end)\n`);

  await queues.events.obliterate({ force: true });
  await queues.close();
  await deleteKeysMatching(redis, `${PREFIX}*`, `${KEY_PREFIX}*`);
  await redis.quit();
  process.stdout.write(`worker-bench: ${rate.toFixed(0)} events/s end to end (concurrency ${CONCURRENCY}), append p50 ${p50.toFixed(2)} ms p99 ${p99.toFixed(2)} ms at ${LOG} events per ticket\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
