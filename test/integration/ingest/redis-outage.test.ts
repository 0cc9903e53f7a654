import * as net from 'node:net';
import IORedis from 'ioredis';
import { intercomJobId } from '../../../src/jobs/queues';
import { cleanPrefix, deliver, fixture, REDIS_URL, startTestServer, type TestServer } from './helpers';

/**
 * Redis going away while the web process is connected, and coming back. The app talks to the real
 * Redis through a TCP proxy this test controls; cutting the proxy is Redis "stopping" for the app
 * only (the shared Redis server keeps running for everyone else).
 */
const PREFIX = '{cr-test-ingest-outage}';

class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const target = new URL(REDIS_URL);
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

let proxy: Proxy;
let server: TestServer;

beforeAll(async () => {
  await cleanPrefix(PREFIX);
  proxy = new Proxy(await freePort());
  await proxy.start();
  server = await startTestServer({ prefix: PREFIX, redisUrl: `redis://127.0.0.1:${proxy.port}`, config: { enqueueTimeoutMs: 1_000 } });
  await new Promise<void>((resolve) => (server.redis.status === 'ready' ? resolve() : server.redis.once('ready', () => resolve())));
});

afterAll(async () => {
  await server.close();
  await proxy.stop();
  await cleanPrefix(PREFIX);
});

async function jobExists(id: string): Promise<boolean> {
  const redis = new IORedis(REDIS_URL);
  try {
    return (await redis.exists(`${PREFIX}:events:${id}`)) === 1;
  } finally {
    redis.disconnect();
  }
}

it('queues while Redis is up, answers 503 while it is gone (nothing written), and recovers', async () => {
  const created = fixture('intercom/webhook-conversation.user.created.json');
  const replied = fixture('intercom/webhook-conversation.user.replied.json');

  expect((await deliver(server.url, 'intercom', created)).status).toBe(200);
  expect(await jobExists(intercomJobId(created.id as string))).toBe(true);

  await proxy.stop();
  const during = await deliver(server.url, 'intercom', replied);
  expect(during.status).toBe(503);
  expect(await jobExists(intercomJobId(replied.id as string))).toBe(false);

  await proxy.start();
  await new Promise<void>((resolve) => (server.redis.status === 'ready' ? resolve() : server.redis.once('ready', () => resolve())));
  // Intercom retries the same notification: now it is queued, once.
  expect((await deliver(server.url, 'intercom', replied)).status).toBe(200);
  expect(await jobExists(intercomJobId(replied.id as string))).toBe(true);
  expect(await server.queues.events.getJobCounts('waiting')).toEqual({ waiting: 2 });
});
