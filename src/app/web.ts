import type { Server } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Logger } from '../ports';
import { DEFAULT_INGEST_CONFIG, type IngestConfig } from '../config/ingest.schema';
import { loadEnv } from '../config/env';
import { loadProcessConfig } from '../config/load';
import { createQueues, createRedisConnection, enqueueDomainEvents, type Queues } from '../jobs/queues';
import { createLogger, secretValuesFromEnv } from '../adapters/http/logger';
import { basicAuth } from '../adapters/http/basic-auth';
import { metricsRegistry, sampleQueueDepth } from '../adapters/http/metrics';
import { createWebhookRoute } from '../adapters/http/webhook-route';
import { withTimeout } from '../adapters/http/with-timeout';
import { intercomWebhookSource } from '../../handlers/intercom';
import { jiraWebhookSource } from '../../handlers/jira';
import { slackAppFromEnv } from '../../handlers/slack/from-env';
import { RedisTicketStore } from '../adapters/redis/ticket-store';
import { QueueIntentSink } from '../jobs/effects/dispatch';
import { systemClock } from '../ports';

/** A router mounted by another part of the app (e.g. Slack's Bolt ExpressReceiver at `/slack`). */
export interface MountedRouter {
  path: string;
  router: RequestHandler;
}

/** What the web process is built from; tests pass their own queues, Redis and logger. */
export interface WebAppDeps {
  /** The Intercom app's client secret (X-Hub-Signature sha1 key). */
  intercomClientSecret: string;
  /** The Jira webhook's secret (X-Hub-Signature sha256 key). */
  jiraWebhookSecret: string;
  /** The Redis connection the queues use (a `web` connection: fails fast while Redis is down). */
  redis: Redis;
  /** `events` receives webhooks; all four are shown on bull-board and in /healthz, /metrics. */
  queues: Pick<Queues, 'events'> & Partial<Omit<Queues, 'close'>>;
  logger: Logger;
  config?: IngestConfig;
  /** The current time (epoch ms) stamped on queued jobs as `receivedAt`. */
  now?: () => number;
  /** bull-board credentials; bull-board is not mounted without them. */
  admin?: { user: string; password: string } | null;
  /**
   * Routers mounted before the 404 handler, e.g. `{ path: '/slack', router: receiver.router }`.
   * No body parser runs globally, so a router that verifies signatures gets the raw body.
   */
  extraRouters?: MountedRouter[];
}

/**
 * The web process as an Express 5 app: webhooks, health, metrics, bull-board and mounted routers.
 * Not listening: call `app.listen(port)` (tests listen on port 0).
 */
export function createWebApp(deps: WebAppDeps): Express {
  const config = deps.config ?? DEFAULT_INGEST_CONFIG;
  const now = deps.now ?? (() => Date.now());
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const queueList = [deps.queues.events, deps.queues.effects, deps.queues.timers, deps.queues.deadLetter].filter(
    (q): q is Queue => q !== undefined,
  );
  const isQueueReady = () => deps.redis.status === 'ready';
  const routeDeps = {
    enqueue: (name: string, data: Parameters<Queues['events']['add']>[1], jobId: string) => deps.queues.events.add(name, data, { jobId }),
    isQueueReady,
    logger: deps.logger,
    now,
    bodyLimitBytes: config.bodyLimitBytes,
    enqueueTimeoutMs: config.enqueueTimeoutMs,
  };
  app.use('/webhooks/intercom', createWebhookRoute(intercomWebhookSource(deps.intercomClientSecret), routeDeps));
  app.use('/webhooks/jira', createWebhookRoute(jiraWebhookSource(deps.jiraWebhookSecret), routeDeps));

  app.get('/healthz', async (_req, res) => {
    try {
      if (!isQueueReady()) throw new Error(`redis connection ${deps.redis.status}`);
      await withTimeout(deps.redis.ping(), 1_000, 'Redis PING');
      const queues = await withTimeout(sampleQueueDepth(queueList), 2_000, 'queue depth');
      res.status(200).json({ status: 'ok', redis: 'up', queues });
    } catch (err) {
      deps.logger.warn({ err }, 'healthz: Redis unreachable');
      res.status(503).json({ status: 'unavailable', redis: 'down', message: (err as Error).message });
    }
  });

  app.get('/metrics', async (_req, res) => {
    if (isQueueReady()) {
      try {
        await withTimeout(sampleQueueDepth(queueList), 1_000, 'queue depth');
      } catch {
        // Depth stays at its last sample; the other metrics are still worth serving.
      }
    }
    res.setHeader('Content-Type', metricsRegistry.contentType);
    res.send(await metricsRegistry.metrics());
  });

  if (deps.admin) {
    const board = new ExpressAdapter();
    board.setBasePath('/admin/queues');
    // @bull-board/express pins its own copy of @bull-board/api (a patch behind ours): same shape.
    type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];
    createBullBoard({ queues: queueList.map((q) => new BullMQAdapter(q)), serverAdapter: board as unknown as ServerAdapter });
    app.use('/admin/queues', basicAuth(deps.admin.user, deps.admin.password), board.getRouter() as RequestHandler);
  }

  for (const mounted of deps.extraRouters ?? []) app.use(mounted.path, mounted.router);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return app;
}

/**
 * The configuration folder: the repository's `config/` when running from source; when running the
 * compiled `dist/src/app/web.js` (Procfile), `config/` of the working directory (the app root).
 */
/**
 * Starts the web process from the environment and config/ (the Procfile's `web`): webhooks,
 * health, metrics, bull-board, and the Slack app at `/slack` (handlers/slack). `extraRouters`
 * are mounted after it.
 */
export async function startWeb(options: { extraRouters?: MountedRouter[] } = {}): Promise<{ server: Server; stop: () => Promise<void> }> {
  const env = loadEnv('web');
  const { config, warnings } = loadProcessConfig();
  const logger = createLogger({ level: env.LOG_LEVEL, base: { process: 'web' }, secrets: secretValuesFromEnv() });
  for (const w of warnings) logger.warn({ warning: w }, 'config warning');

  const redis = createRedisConnection('web', env.REDIS_URL);
  let lastRedisError = 0;
  redis.on('error', (err) => {
    // ioredis reports every reconnect attempt; one line per 10 s is enough.
    if (Date.now() - lastRedisError > 10_000) logger.error({ err }, 'Redis connection error');
    lastRedisError = Date.now();
  });
  const queues = createQueues(redis, config.ingest);
  for (const q of [queues.events, queues.effects, queues.timers, queues.deadLetter]) q.on('error', () => undefined);

  const slack = slackAppFromEnv({
    env: process.env,
    config,
    store: new RedisTicketStore(redis),
    intents: new QueueIntentSink(queues.effects),
    clock: systemClock,
    logger,
    afterRecord: enqueueDomainEvents(queues.events, () => Date.now()),
  });

  const app = createWebApp({
    intercomClientSecret: env.INTERCOM_CLIENT_SECRET as string,
    jiraWebhookSecret: env.JIRA_WEBHOOK_SECRET as string,
    redis,
    queues,
    logger,
    config: config.ingest,
    admin: env.ADMIN_USER && env.ADMIN_PASSWORD ? { user: env.ADMIN_USER, password: env.ADMIN_PASSWORD } : null,
    extraRouters: [{ path: '/slack', router: slack.router }, ...(options.extraRouters ?? [])],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(env.PORT, () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  logger.info({ port: env.PORT, bullBoard: Boolean(env.ADMIN_USER) }, 'web process listening');

  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await queues.close();
    await redis.quit().catch(() => undefined);
  };
  return { server, stop };
}

if (require.main === module) {
  startWeb()
    .then(({ stop }) => {
      const shutdown = () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    })
    .catch((err: Error) => {
      process.stderr.write(`care-relay web: ${err.message}\n`);
      process.exit(1);
    });
}
