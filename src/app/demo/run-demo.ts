import * as fs from 'node:fs';
import * as path from 'node:path';
import pino from 'pino';
import type { Queue } from 'bullmq';
import { createLogger } from '../../adapters/http/logger';
import { IntercomAdapter } from '../../adapters/intercom/intercom-adapter';
import { RedisTicketStore } from '../../adapters/redis/ticket-store';
import { loadConfigOrThrow } from '../../config/load';
import type { Config } from '../../config/schema';
import type { DomainEvent } from '../../domain/events';
import { createQueues, createRedisConnection, enqueueDomainEvents } from '../../jobs/queues';
import { QueueIntentSink } from '../../jobs/effects/dispatch';
import { loadTextCatalog } from '../../templates/load-text';
import { slackAppFromEnv } from '../../../handlers/slack/from-env';
import { createWebApp } from '../web';
import { startWorker } from '../worker';
import { produceWeeklyReport, type ProducedReport } from '../report/produce-weekly-report';
import { readEventsFromRedis } from '../report/read-events-from-redis';
import { WEEKLY_REPORT_KIND } from '../../jobs/report/weekly-report-job';
import { slaFactsFromClock } from '../report/sla-facts-from-clock';
import { parseIsoWeek } from '../../domain/metrics/periods';
import { AGENTS, COMPANIES, CONTACTS, MANAGERS } from './cast';
import { CallLog } from './fakes/call-log';
import { createFakeIntercom, type FakeIntercom } from './fakes/fake-intercom';
import { createFakeJira, type FakeJira } from './fakes/fake-jira';
import { createFakeSlack, type FakeSlack } from './fakes/fake-slack';
import { listen, type Listening } from './fakes/listen';
import { syntheticHistory } from './history';
import { CONVERSATIONS, fortnight, madrid, type DemoConversation } from './scenario';
import { FastForward } from './fast-forward';
import { openedAt, playStep, type PlayContext } from './play-step';
import type { StepRecord } from './step-record';
import { settle } from './settle';
import { SlackDriver } from './slack-driver';
import { intercomNotification, signIntercom } from './webhooks';
import { VirtualClock } from './virtual-clock';
import { deleteKeysMatching } from '../../adapters/redis/scan-keys';

/**
 * Key prefixes of the demo in Redis: its own, and one per run (two demos at once, e.g. a developer's
 * and the browser test, must not share queues), so it never touches a real deployment's data
 * (`cr`, `{cr}`). Removed at the end of the run.
 */
const DEMO_KEY_PREFIX = `crdemo${process.pid}`;
const DEMO_QUEUE_PREFIX = `{${DEMO_KEY_PREFIX}}`;

const SECRETS = {
  intercomClientSecret: 'demo-intercom-client-secret',
  jiraWebhookSecret: 'demo-jira-webhook-secret',
  slackSigningSecret: 'demo-slack-signing-secret',
  slackBotToken: 'xoxb-demo-0000000000-token',
};

export type { StepRecord } from './step-record';

export interface DemoResult {
  startedAt: number;
  finishedAt: number;
  realMs: number;
  steps: StepRecord[];
  calls: CallLog;
  slack: FakeSlack;
  jira: FakeJira;
  intercom: FakeIntercom;
  conversations: DemoConversation[];
  /** Each scripted conversation's event log, from the ticket store. */
  ticketEvents: Map<string, DomainEvent[]>;
  config: Config;
  report: ProducedReport | null;
  reportError: string | null;
  /** Pieces that were not there to drive (e.g. no effects processor registered). */
  missing: string[];
  /** Jobs that used all their attempts (the dead-letter queue), with why. */
  deadLetters: { queue: string; name: string; jobId: string; failedReason: string }[];
  historyTickets: number;
  channelNames: Record<string, string>;
}

export interface RunDemoOptions {
  outDir: string;
  redisUrl?: string;
  /** Progress lines for the console. */
  progress?: (line: string) => void;
}

/**
 * Runs the demo: fake Slack, Jira and Intercom servers; the real web app (webhooks + Slack) and the
 * real worker, composed with a virtual clock and pointed at the fakes by base URL; the scripted
 * fortnight replayed through the real endpoints; then the weekly report posted to the managers'
 * channel. Returns everything the transcript shows.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoResult> {
  const real0 = Date.now();
  const progress = options.progress ?? (() => undefined);
  fs.mkdirSync(options.outDir, { recursive: true });
  const logger = createLogger({ level: 'info', base: { process: 'demo' }, destination: pino.destination({ dest: path.join(options.outDir, 'demo.log'), sync: true }), secrets: Object.values(SECRETS) });
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const clock = new VirtualClock(madrid('2026-11-09T07:00'));
  const calls = new CallLog();
  const missing: string[] = [];

  // 1. The fake outside world.
  let slackUrl = '';
  const slack = createFakeSlack({
    clock,
    log: calls,
    supportUsers: Object.values(AGENTS).map((a) => a.slackId),
    usersByEmail: Object.fromEntries([...Object.values(AGENTS), ...Object.values(MANAGERS)].map((p) => [p.email, p.slackId])),
    baseUrl: () => slackUrl,
  });
  let jiraUrl = '';
  const jira = createFakeJira({ clock, log: calls, baseUrl: () => jiraUrl });
  // Intercom notifies the relay of the tags the bot attaches (topic conversation_part.tag.created).
  let webUrl = '';
  let tagDelivery = 0;
  const intercom = createFakeIntercom({
    clock,
    log: calls,
    companies: COMPANIES,
    contacts: Object.values(CONTACTS),
    onTagged: async (conversationId, tags) => {
      const conv = Object.values(CONVERSATIONS).find((c) => c.id === conversationId);
      if (!conv || !webUrl) return;
      const body = intercomNotification({ topic: 'conversation_part.tag.created', deliveryId: `notif_demo-tag-${++tagDelivery}`, conversation: { ...conv, createdAt: openedAt(conv) }, at: clock.now(), tags });
      const raw = JSON.stringify(body);
      await fetch(`${webUrl}/webhooks/intercom`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercom(raw, SECRETS.intercomClientSecret) }, body: raw }).then((r) => r.text());
    },
  });
  const servers: Listening[] = [];
  const slackServer = await listen(slack.app);
  slackUrl = slackServer.url;
  const jiraServer = await listen(jira.app);
  jiraUrl = jiraServer.url;
  const intercomServer = await listen(intercom.app);
  servers.push(slackServer, jiraServer, intercomServer);

  // 2. Configuration: the shipped defaults plus the demo's people (an overlay file).
  const { config: loaded } = loadConfigOrThrow({ overlay: path.join(__dirname, 'demo-config.yaml') });
  const config = loaded;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SLACK_BOT_TOKEN: SECRETS.slackBotToken,
    SLACK_SIGNING_SECRET: SECRETS.slackSigningSecret,
    SLACK_API_URL: `${slackUrl}/api/`,
    SLACK_BOT_ID: 'B0BOT00001',
    SLACK_BOT_USER_ID: 'U0BOT00001',
    JIRA_BASE_URL: jiraUrl,
    JIRA_EMAIL: 'care-relay@example.com',
    JIRA_API_TOKEN: 'demo-jira-token',
    JIRA_WEBHOOK_SECRET: SECRETS.jiraWebhookSecret,
    INTERCOM_ACCESS_TOKEN: 'demo-intercom-token',
    INTERCOM_CLIENT_SECRET: SECRETS.intercomClientSecret,
    INTERCOM_BASE_URL: intercomServer.url,
    REDIS_URL: redisUrl,
  };

  // 3. Redis: the demo's own prefixes, emptied first.
  const admin = createRedisConnection('worker', redisUrl);
  await admin.ping().catch((err: Error) => {
    throw new Error(`the demo needs Redis at ${redisUrl} (${err.message}); start it with: redis-server --daemonize yes`);
  });
  await deleteKeysMatching(admin, `${DEMO_KEY_PREFIX}:*`, `${DEMO_QUEUE_PREFIX}:*`);
  const store = new RedisTicketStore(admin, { prefix: DEMO_KEY_PREFIX });

  // 4. History: ten weeks of closed conversations before the fortnight, so the report has a trend.
  const history = syntheticHistory({ until: clock.now(), weeks: 10, perWeek: 9, releases: config.metrics.releases.map((r) => r.date) });
  const byTicket = new Map<string, DomainEvent[]>();
  for (const e of history) (byTicket.get(e.ticketId) ?? byTicket.set(e.ticketId, []).get(e.ticketId)!).push(e);
  for (const [id, evs] of byTicket) await store.append(id, evs);
  progress(`seeded ${byTicket.size} past conversations (10 weeks) into the ticket store`);

  // 5. The real worker and web app, composed with the virtual clock.
  const intercomAdapter = new IntercomAdapter({ token: env.INTERCOM_ACCESS_TOKEN as string, config: config.intercom, cache: admin, cachePrefix: DEMO_KEY_PREFIX, baseUrl: intercomServer.url, clock });
  const worker = startWorker({ config, env, logger, redisUrl, queuePrefix: DEMO_QUEUE_PREFIX, keyPrefix: DEMO_KEY_PREFIX, intercom: intercomAdapter, clock, concurrency: 4 });
  const workerQueues = worker.deps.queues;
  const names = worker.workers.map((w) => w.name);
  if (!names.includes('effects')) missing.push('no processor is registered for the `effects` queue (src/jobs/processors.ts QUEUE_PROCESSORS.effects): Slack posts, Jira issues and Intercom notes are decided but not carried out');
  if (!names.includes('timers')) missing.push('no processor is registered for the `timers` queue (src/jobs/processors.ts QUEUE_PROCESSORS.timers): SLA and ladder timers do not fire');

  const webRedis = createRedisConnection('web', redisUrl);
  const webQueues = createQueues(webRedis, config.ingest, DEMO_QUEUE_PREFIX);
  // The Slack app exactly as the web process builds it (handlers/slack/from-env.ts), its recorded
  // events handed to the worker as a `domain` job so the decisions run at once (as src/app/web.ts).
  const { router: slackRouter } = slackAppFromEnv({
    env,
    config,
    store,
    intents: new QueueIntentSink(webQueues.effects),
    clock,
    logger,
    afterRecord: enqueueDomainEvents(webQueues.events, () => clock.now()),
  });
  const web = createWebApp({
    intercomClientSecret: SECRETS.intercomClientSecret,
    jiraWebhookSecret: SECRETS.jiraWebhookSecret,
    redis: webRedis,
    queues: webQueues,
    logger,
    config: config.ingest,
    now: () => clock.now(),
    extraRouters: [{ path: '/slack', router: slackRouter }],
  });
  const webServer = await listen(web);
  webUrl = webServer.url;
  servers.push(webServer);
  progress(`web ${webServer.url}, worker [${names.join(', ')}], fake Slack ${slackUrl}, Jira ${jiraUrl}, Intercom ${intercomServer.url}`);

  const queuesToSettle = [
    { queue: workerQueues.events as Queue, includeDelayed: true },
    { queue: workerQueues.effects as Queue, includeDelayed: true },
    { queue: workerQueues.timers as Queue, includeDelayed: false },
  ];
  const steps: StepRecord[] = [];
  const driver = new SlackDriver(`${webServer.url}/slack/events`, SECRETS.slackSigningSecret, () => slack.views as { method: string; view: unknown }[]);
  const settleAll = () => settle(queuesToSettle);
  // The digests at their configured local times every day of the fortnight.
  const digestTimes = Array.from({ length: 14 }, (_, i) => `2026-11-${String(9 + i).padStart(2, '0')}`).flatMap((date) =>
    config.followup.digests.times.map((time, i) => ({ at: madrid(`${date}T${time}`), slot: (i === 0 ? 'morning' : 'afternoon') as 'morning' | 'afternoon', date })),
  );
  const forward = new FastForward(workerQueues.timers, clock, settleAll, (r) => steps.push(r), digestTimes);
  const ctx: PlayContext = {
    webUrl: webServer.url,
    jiraUrl,
    secrets: SECRETS,
    jira,
    intercom,
    slack: driver,
    teamChannel: config.slack.channels.team,
  };

  // 6. The scripted fortnight.
  for (const step of fortnight()) {
    await forward.to(step.at);
    let played: { outcome: string; ok: boolean };
    try {
      played = await playStep(step, ctx);
    } catch (err) {
      played = { outcome: `failed: ${(err as Error).message}`, ok: false };
    }
    const s = await settleAll();
    steps.push({ at: step.at, kind: step.kind, label: step.label, conversationId: step.kind === 'narrate' ? null : step.conv.id, outcome: played.outcome + (s.idle ? '' : ' (the queues were still busy after 15 s)'), ok: played.ok });
  }
  await forward.to(madrid('2026-11-23T08:00'));
  progress(`replayed ${steps.filter((s) => s.kind !== 'narrate' && s.kind !== 'timer').length} scripted steps and ${steps.filter((s) => s.kind === 'timer').length} timers on the virtual clock`);

  // 7. Monday 23 November, 08:00: the worker's weekly report job (the one its cron scheduler runs
  // in production) posts week 47 to the managers' channel; the transcript shows the same report.
  let report: ProducedReport | null = null;
  let reportError: string | null = null;
  try {
    const job = await workerQueues.timers.add(WEEKLY_REPORT_KIND, { key: 'weekly-report|demo', kind: WEEKLY_REPORT_KIND, ticketId: null, dueAt: clock.now() }, { jobId: 'weekly-report-demo' });
    await settleAll();
    const done = await workerQueues.timers.getJob(job.id ?? 'weekly-report-demo');
    if (done?.failedReason) reportError = `the weekly report job failed: ${done.failedReason}`;
    steps.push({ at: clock.now(), kind: 'timer', label: 'weekly report job', conversationId: null, outcome: done?.failedReason ? `failed: ${done.failedReason}` : `posted ${JSON.stringify(done?.returnvalue ?? null)}`, ok: !done?.failedReason });
    const events = await readEventsFromRedis(admin, DEMO_KEY_PREFIX);
    report = await produceWeeklyReport({ events, week: '2026-W47', config, catalog: loadTextCatalog(), png: true, slaFacts: slaFactsFromClock(events, config, Math.min(clock.now(), parseIsoWeek('2026-W47', config.metrics.timezone).end)), agentNames: config.slack.adminEmails });
  } catch (err) {
    reportError = (err as Error).message;
  }

  const ticketEvents = new Map<string, DomainEvent[]>();
  for (const c of Object.values(CONVERSATIONS)) ticketEvents.set(c.id, await store.events(c.id));

  const scripted = [...ticketEvents.values()].flat();
  if (!scripted.some((e) => e.kind === 'Classified')) {
    missing.push('no ticket was classified: the rules engine (src/domain/classify) is not among the worker\'s deciders (src/jobs/events/deciders.ts), so types, priorities and type-based SLA targets are missing');
  }

  const deadLetters = (await workerQueues.deadLetter.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active'])).map((j) => ({
    queue: j.data.queue,
    name: j.data.name,
    jobId: j.data.jobId,
    failedReason: j.data.failedReason,
  }));

  // 8. Stop everything we started.
  await worker.close();
  await webQueues.close();
  await webRedis.quit().catch(() => undefined);
  await deleteKeysMatching(admin, `${DEMO_KEY_PREFIX}:*`, `${DEMO_QUEUE_PREFIX}:*`);
  await admin.quit().catch(() => undefined);
  for (const s of servers) await s.close();

  const channelNames: Record<string, string> = {};
  for (const [name, id] of Object.entries(config.slack.channels)) if (typeof id === 'string') channelNames[id] = `#${name}`;
  return {
    startedAt: madrid('2026-11-09T07:00'),
    finishedAt: clock.now(),
    realMs: Date.now() - real0,
    steps,
    calls,
    slack,
    jira,
    intercom,
    conversations: Object.values(CONVERSATIONS),
    ticketEvents,
    config,
    report,
    reportError,
    missing,
    deadLetters,
    historyTickets: byTicket.size,
    channelNames,
  };
}
