import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import IORedis, { type Redis } from 'ioredis';
import { createWebApp, type WebAppDeps } from '../../../src/app/web';
import { createLogger } from '../../../src/adapters/http/logger';
import { signHubBody } from '../../../src/adapters/http/verify-hub-signature';
import { createQueues, createRedisConnection, type Queues } from '../../../src/jobs/queues';
import { DEFAULT_INGEST_CONFIG, type IngestConfig } from '../../../src/config/ingest.schema';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

/** The shared API fixtures, beside the checkout. */
export const FIXTURES = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api');

export function fixture(rel: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, rel), 'utf8')) as Record<string, unknown>;
}

export const INTERCOM_SECRET = 'intercom-client-secret-test-5f1c9a';
export const JIRA_SECRET = 'jira-webhook-secret-test-8d2e7b';
export const ADMIN = { user: 'ops', password: 'admin-password-test-42x' };
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Log lines captured as text. */
export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
    cb();
  }
}

export interface TestServer {
  url: string;
  queues: Queues;
  redis: Redis;
  logs: LogCapture;
  prefix: string;
  close(): Promise<void>;
}

/**
 * The web app on an ephemeral port with its own queue prefix on the real Redis (or a Redis URL
 * that refuses, for outage tests), logs captured.
 */
export async function startTestServer(options: {
  prefix: string;
  redisUrl?: string;
  config?: Partial<IngestConfig>;
  admin?: WebAppDeps['admin'];
  extraRouters?: WebAppDeps['extraRouters'];
}): Promise<TestServer> {
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', destination: logs, secrets: [INTERCOM_SECRET, JIRA_SECRET, ADMIN.password] });
  const redis = createRedisConnection('web', options.redisUrl ?? REDIS_URL);
  redis.on('error', () => undefined);
  const queues = createQueues(redis, { ...DEFAULT_INGEST_CONFIG, ...options.config }, options.prefix);
  for (const q of [queues.events, queues.effects, queues.timers, queues.deadLetter]) q.on('error', () => undefined);
  if (!options.redisUrl) await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
  const app = createWebApp({
    intercomClientSecret: INTERCOM_SECRET,
    jiraWebhookSecret: JIRA_SECRET,
    redis,
    queues,
    logger,
    config: { ...DEFAULT_INGEST_CONFIG, ...options.config },
    now: () => 1_768_381_600_000,
    admin: options.admin,
    extraRouters: options.extraRouters,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queues,
    redis,
    logs,
    prefix: options.prefix,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queues.close().catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** Deletes every key under a test prefix on the real Redis. */
export async function cleanPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  try {
    await deleteKeysMatching(redis, `${prefix}*`);
  } finally {
    redis.disconnect();
  }
}

/** Counts the keys under a prefix on the real Redis. */
export async function countKeys(prefix: string): Promise<number> {
  const redis = new IORedis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

export interface Delivery {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** POSTs a body with headers; signs it with the source's algorithm unless `signature` is given. */
export async function deliver(
  url: string,
  source: 'intercom' | 'jira',
  body: string | Buffer | Record<string, unknown>,
  options: { secret?: string; signature?: string | null; headers?: Record<string, string>; contentType?: string } = {},
): Promise<Delivery> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const algorithm = source === 'intercom' ? 'sha1' : 'sha256';
  const secret = options.secret ?? (source === 'intercom' ? INTERCOM_SECRET : JIRA_SECRET);
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', ...options.headers };
  const signature = options.signature === undefined ? signHubBody(algorithm, secret, raw) : options.signature;
  if (signature !== null) headers['x-hub-signature'] = signature;
  const res = await fetch(`${url}/webhooks/${source}`, { method: 'POST', headers, body: raw });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
