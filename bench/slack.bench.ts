/**
 * `npm run bench:slack` — how fast the Slack app answers Slack, and how long filing one bug takes.
 *
 * 1. Ack latency: the real Bolt app behind a real HTTP server, the real Redis ticket store and the
 *    real `effects` queue; BENCH_SUBMISSIONS signed bug-form submissions (each a new conversation:
 *    validate, append BugFiled, queue jira.createIssue, answer) and as many `/ticket` commands
 *    (read the ticket, compute its SLA clocks, answer). Slack wants an answer within 3000 ms.
 * 2. Filing: the effects processor on BENCH_BUGS bugs against in-process fake Jira, Intercom and
 *    Slack (nock): search, create, remote link, note, tag, thread root, each recorded in Redis.
 *
 * Last line: `slack-bench: ack p50 <ms> p95 <ms> max <ms> (submit), /ticket p50 <ms> p95 <ms>, filing p50 <ms> p95 <ms> per bug`.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import IORedis from 'ioredis';
import nock from 'nock';
import { Queue } from 'bullmq';
import { slackAppFromEnv } from '../handlers/slack';
import { RedisTicketStore } from '../src/adapters/redis/ticket-store';
import { JiraClient } from '../src/adapters/jira/jira-client';
import { SlackClient } from '../src/adapters/slack/slack-client';
import { loadConfigOrThrow } from '../src/config/load';
import { DomainEventSchema } from '../src/domain/events';
import { QueueIntentSink } from '../src/jobs/effects/dispatch';
import { createEffectsProcessor } from '../src/jobs/effects/processor';
import { queueOptions, type EffectJob } from '../src/jobs/queues';
import type { IntercomPort } from '../src/ports';
import { BUG_IDS } from '../src/slack/blocks/bug-modal';
import { encodeBugFormMeta } from '../src/slack/bug-form-meta';
import { loadBugTemplates } from '../src/slack/load-bug-templates';
import { loadTextCatalog } from '../src/templates/load-text';
import { slackSignature } from '../test/helpers/slack-jira';
import { deleteKeysMatching } from '../src/adapters/redis/scan-keys';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const BUGS = Number(process.env.BENCH_BUGS ?? 100);
const KEY_PREFIX = 'cr-bench-slack';
const QUEUE_PREFIX = '{cr-bench-slack}';
const SECRET = 'bench-secret';
const SLACK = 'https://slack.bench';
const JIRA = 'https://jira.bench';

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  nock(SLACK).persist().post('/api/usergroups.users.list').reply(200, { ok: true, users: ['U05LUFER001'] });
  nock(SLACK).persist().post('/api/chat.postMessage').reply(200, { ok: true, channel: 'C06SOPINC01', ts: '1768380493.482919' });
  let issue = 0;
  nock(JIRA).persist().post('/rest/api/3/search/jql').reply(200, { issues: [] });
  nock(JIRA).persist().post('/rest/api/3/issue').reply(201, () => ({ id: String(10000 + ++issue), key: `INC-${issue}` }));
  nock(JIRA).persist().post(/\/rest\/api\/3\/issue\/INC-\d+\/remotelink/).reply(201, { id: 1, self: 'x' });

  const { config } = loadConfigOrThrow();
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  await deleteKeysMatching(redis, `${KEY_PREFIX}*`, `${QUEUE_PREFIX}*`);
  const store = new RedisTicketStore(redis, { prefix: KEY_PREFIX });
  const effects = new Queue<EffectJob>('effects', queueOptions('effects', redis, config.ingest, QUEUE_PREFIX));
  const { router } = slackAppFromEnv({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${SLACK}/api/`, SLACK_BOT_ID: 'B1', SLACK_BOT_USER_ID: 'U1' },
    config,
    store,
    intents: new QueueIntentSink(effects),
    clock: { now: () => Date.now() },
  });
  const app = express();
  app.use('/slack', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  const post = async (body: string): Promise<number> => {
    const ts = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, body) }, body });
    await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return performance.now() - started;
  };

  const template = loadBugTemplates()[0];
  const values = (conversation: string) => {
    const v: Record<string, unknown> = {};
    for (const f of template.fields) {
      if (f.type === 'customer') v[f.id] = { [BUG_IDS.customerAction]: { selected_option: { value: 'c1', text: { text: 'Calzados Ribera S.L.' } } } };
      else if (f.type === 'select') v[f.id] = { v: { selected_option: { value: f.options[0].value } } };
      else if (f.type === 'priority') v[f.id] = { v: { selected_option: { value: 'Alta' } } };
      else if (f.type === 'date') v[f.id] = { v: { selected_date: '2026-01-13' } };
      else if (f.type === 'conversation') v[f.id] = { v: { value: conversation } };
      else if (f.type === 'urls' || f.type === 'url') v[f.id] = { v: { value: 'https://www.example.com/x' } };
      else v[f.id] = { v: { value: 'Falla el pago con Bizum en el checkout' } };
    }
    return v;
  };

  const submit: number[] = [];
  const ticketCmd: number[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const conversation = String(900000000000 + i);
    await store.append(conversation, [DomainEventSchema.parse({ id: `o${i}`, ticketId: conversation, at: Date.now() - 3600_000, source: 'intercom', kind: 'ConversationOpened', company: { id: 'c1', name: 'Calzados Ribera S.L.', plan: 'Gold', tags: [] } })]);
    const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: 'U05LUFER001', team_id: 'T1' }, api_app_id: 'A1', token: 't', trigger_id: 'x', view: { id: `V${i}`, type: 'modal', callback_id: BUG_IDS.formView, private_metadata: encodeBugFormMeta({ kind: template.id, prefill: {} }), state: { values: values(conversation) }, hash: 'h' } };
    submit.push(await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()));
    ticketCmd.push(await post(new URLSearchParams({ command: '/ticket', text: conversation, user_id: 'U05LUFER001', channel_id: 'C1', team_id: 'T1', token: 't', trigger_id: 'x', response_url: 'https://hooks.slack.com/x', api_app_id: 'A1' }).toString()));
  }
  server.close();

  const intercom: IntercomPort = {
    getCompany: async () => null,
    getContactCompanyId: async () => null,
    addNote: async () => ({ partId: '1' }),
    tagConversation: async () => undefined,
    reopen: async () => undefined,
    getRating: async () => null,
  };
  const run = createEffectsProcessor({
    store,
    slack: new SlackClient({ token: 'xoxb', slackApiUrl: `${SLACK}/api/`, postIntervalMs: 0 }),
    jira: new JiraClient({ baseUrl: JIRA, email: 'e@example.com', apiToken: 't' }),
    intercom,
    config,
    bugTemplates: loadBugTemplates(),
    catalog: loadTextCatalog(),
    clock: { now: () => Date.now() },
  });
  const filing: number[] = [];
  for (let i = 0; i < Math.min(BUGS, SUBMISSIONS); i++) {
    const id = String(900000000000 + i);
    const started = performance.now();
    await run({ kind: 'jira.createIssue', key: `jira.createIssue:${id}`, ticketId: id, bugId: id });
    filing.push(performance.now() - started);
  }

  await effects.obliterate({ force: true });
  await effects.close();
  await deleteKeysMatching(redis, `${KEY_PREFIX}*`, `${QUEUE_PREFIX}*`);
  await redis.quit();
  nock.cleanAll();
  console.log(`submissions: ${submit.length}, /ticket: ${ticketCmd.length}, bugs filed: ${filing.length}`);
  console.log(
    `slack-bench: ack p50 ${ms(pct(submit, 50))} p95 ${ms(pct(submit, 95))} max ${ms(Math.max(...submit))} ms (submit), /ticket p50 ${ms(pct(ticketCmd, 50))} p95 ${ms(pct(ticketCmd, 95))} ms, filing p50 ${ms(pct(filing, 50))} p95 ${ms(pct(filing, 95))} ms per bug`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
