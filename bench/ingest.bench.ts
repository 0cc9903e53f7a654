/**
 * `npm run bench:ingest` — how fast the web process acknowledges signed webhooks.
 *
 * Three child processes, so the load generator does not share an event loop with what it measures:
 *  - `web`: the real app (createWebApp) on the real Redis, queueing into its own prefix;
 *  - `worker`: the real worker (src/app/worker.ts `startWorker`, events queue only, no Intercom,
 *    no side effects) consuming those jobs while the load runs;
 *  - `bare`: an Express endpoint doing only raw-body HMAC-SHA1 + JSON.parse (the floor).
 * autocannon (in this process) sends signed Intercom `conversation.user.replied` notifications,
 * each with a new notification id. Runs: maximum throughput of `bare` and of `web` (same
 * connections and duration), then `web` at a fixed 300 req/s for the p99 acknowledgement latency.
 * Before each run the worker drains the backlog of the previous one, so the 300 req/s run measures
 * the steady state: the worker consuming those 300 jobs/s while the web acknowledges them.
 * Targets: ratio ≥ 0.5, p99 < 25 ms at 300 req/s.
 *
 * Env: REDIS_URL (default local), BENCH_SECONDS (default 8), BENCH_CONNECTIONS (default 20),
 * BENCH_WORKER_NICE (default 10; 0 = same priority as the web), BENCH_NO_WORKER=1 (diagnostic).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import IORedis from 'ioredis';
import { deleteKeysMatching } from '../src/adapters/redis/scan-keys';

const PREFIX = '{cr-bench-ingest}';
const KEY_PREFIX = 'cr-bench-ingest';
const SECRET = 'bench-intercom-client-secret';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const RATE = 300;
const WORKER_NICE = Number(process.env.BENCH_WORKER_NICE ?? 10);
const FIXTURE = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'api', 'intercom', 'webhook-conversation.user.replied.json');

// ------------------------------------------------------------------------------------------
// Child roles
// ------------------------------------------------------------------------------------------

function announce(port: number): void {
  process.stdout.write(`listening ${port}\n`);
}

async function serveWeb(): Promise<void> {
  const { createWebApp } = await import('../src/app/web');
  const { createLogger } = await import('../src/adapters/http/logger');
  const { createQueues, createRedisConnection } = await import('../src/jobs/queues');
  const { DEFAULT_INGEST_CONFIG } = await import('../src/config/ingest.schema');
  const redis = createRedisConnection('web', REDIS_URL);
  await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const queues = createQueues(redis, DEFAULT_INGEST_CONFIG, PREFIX);
  const app = createWebApp({
    intercomClientSecret: SECRET,
    jiraWebhookSecret: SECRET,
    redis,
    queues,
    logger: createLogger({ level: 'warn', secrets: [SECRET] }),
  });
  const server = app.listen(0, '127.0.0.1', () => announce((server.address() as AddressInfo).port));
}

function serveBare(): void {
  const app = express();
  app.post('/webhooks/intercom', express.raw({ type: 'application/json', limit: '512kb' }), (req, res) => {
    const body = req.body as Buffer;
    const expected = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;
    if (req.headers['x-hub-signature'] !== expected) return void res.status(401).end();
    JSON.parse(body.toString('utf8'));
    res.status(200).json({ status: 'ok' });
  });
  const server = app.listen(0, '127.0.0.1', () => announce((server.address() as AddressInfo).port));
}

async function serveWorker(): Promise<void> {
  const { startWorker } = await import('../src/app/worker');
  const { loadConfigOrThrow } = await import('../src/config/load');
  const { createLogger } = await import('../src/adapters/http/logger');
  const { config } = loadConfigOrThrow();
  startWorker({
    config,
    logger: createLogger({ level: 'error', secrets: [] }),
    redisUrl: REDIS_URL,
    queuePrefix: PREFIX,
    keyPrefix: KEY_PREFIX,
    intercom: null,
    processors: {},
  });
  announce(0);
}

// ------------------------------------------------------------------------------------------
// Driver
// ------------------------------------------------------------------------------------------

/**
 * Starts a role in a child process. `nice` (10) lowers the worker's CPU priority: on one small
 * machine the acknowledgement path should win and the worker drains the queue behind it, as a
 * separately scheduled worker process would in production (BENCH_WORKER_NICE=0 to compare).
 */
function startChild(role: string, nice = 0): Promise<{ child: ChildProcess; port: number }> {
  const tsx = require.resolve('tsx/cli');
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  const options = { stdio: ['ignore', 'pipe', 'inherit'] as ('ignore' | 'pipe' | 'inherit')[], env };
  const child =
    nice > 0 ? spawn('nice', ['-n', String(nice), process.execPath, tsx, __filename, role], options) : spawn(process.execPath, [tsx, __filename, role], options);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before listening`)));
  });
}

function signedRequests(): autocannon.Request {
  const template = fs.readFileSync(FIXTURE, 'utf8');
  const original = (JSON.parse(template) as { id: string }).id;
  const [before, after] = template.split(original);
  let n = 0;
  return {
    method: 'POST',
    path: '/webhooks/intercom',
    setupRequest: (req) => {
      const body = `${before}notif_bench-${process.pid}-${Date.now()}-${n++}${after}`;
      const signature = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;
      return { ...req, body, headers: { 'content-type': 'application/json', 'x-hub-signature': signature } };
    },
  };
}

function run(port: number, options: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [signedRequests()],
    ...options,
  });
}

/**
 * Waits until the worker has drained the events queue, so each run starts from a steady state
 * instead of competing with the backlog of the run before (gives up after 90 s).
 */
async function drained(redis: IORedis): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    const [[, waiting], [, active]] = (await redis.pipeline().llen(`${PREFIX}:events:wait`).llen(`${PREFIX}:events:active`).exec()) as [unknown, number][];
    if (waiting === 0 && active === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log('(the worker did not drain the queue within 90 s)');
}

function summary(label: string, r: autocannon.Result): string {
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${label.padEnd(22)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx/errors ${bad}`;
}

async function main(): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  await deleteKeysMatching(redis, `${PREFIX}*`);
  await deleteKeysMatching(redis, `${KEY_PREFIX}*`);
  const children: ChildProcess[] = [];
  try {
    const bare = await startChild('bare');
    children.push(bare.child);
    const web = await startChild('web');
    children.push(web.child);
    if (process.env.BENCH_NO_WORKER !== '1') {
      const worker = await startChild('worker', WORKER_NICE);
      children.push(worker.child);
    }
    const workerNote = process.env.BENCH_NO_WORKER === '1' ? 'no worker' : `real worker (src/app/worker.ts startWorker, events queue, nice ${WORKER_NICE}) consuming`;
    console.log(`ingest-bench: ${SECONDS}s per run, ${CONNECTIONS} connections; ${workerNote}`);

    await run(bare.port, { duration: 2 }); // warm-up
    await run(web.port, { duration: 2 });
    const settle = async () => (process.env.BENCH_NO_WORKER === '1' ? undefined : drained(redis));
    await settle();
    const bareMax = await run(bare.port);
    console.log(summary('bare HMAC+JSON.parse', bareMax));
    const webMax = await run(web.port);
    console.log(summary('web (max)', webMax));
    await settle();
    const bareRate = await run(bare.port, { overallRate: RATE, connections: 10 });
    console.log(summary(`bare (at ${RATE} req/s)`, bareRate));
    await settle();
    const webRate = await run(web.port, { overallRate: RATE, connections: 10 });
    console.log(summary(`web (at ${RATE} req/s)`, webRate));

    const counts = await redis.pipeline().llen(`${PREFIX}:events:wait`).zcard(`${PREFIX}:events:completed`).exec();
    console.log(`queue after the runs: waiting ${counts?.[0]?.[1]}, completed ${counts?.[1]?.[1]}`);

    const ratio = webMax.requests.average / bareMax.requests.average;
    const p99 = webRate.latency.p99;
    const ok = ratio >= 0.5 && p99 < 25;
    const load = (await import('node:os')).loadavg()[0].toFixed(1);
    console.log(`targets: ratio ≥ 0.5, p99 < 25 ms at ${RATE} req/s → ${ok ? 'met' : 'NOT met'} (machine load average ${load})`);
    console.log(`ingest-bench: ${webMax.requests.average.toFixed(0)} req/s (${ratio.toFixed(2)} of bare), p99 ack ${p99} ms at ${RATE} req/s`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await deleteKeysMatching(redis, `${PREFIX}*`);
    await deleteKeysMatching(redis, `${KEY_PREFIX}*`);
    redis.disconnect();
  }
}

const role = process.argv[2];
if (role === 'web') void serveWeb();
else if (role === 'bare') serveBare();
else if (role === 'worker') void serveWorker();
else
  main().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(err);
      process.exit(1);
    },
  );
