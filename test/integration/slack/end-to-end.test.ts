import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import IORedis, { type Redis } from 'ioredis';
import nock from 'nock';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { createSlackApp } from '../../../handlers/slack';
import { JiraClient } from '../../../src/adapters/jira/jira-client';
import { SlackClient } from '../../../src/adapters/slack/slack-client';
import { IntercomAdapter } from '../../../src/adapters/intercom/intercom-adapter';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { DomainEventSchema } from '../../../src/domain/events';
import { QueueIntentSink } from '../../../src/jobs/effects/dispatch';
import { createEffectsJobProcessor } from '../../../src/jobs/effects/processor';
import { effectJobId, queueOptions, workerOptions, type EffectJob } from '../../../src/jobs/queues';
import { BUG_IDS } from '../../../src/slack/blocks/bug-modal';
import { encodeBugFormMeta } from '../../../src/slack/bug-form-meta';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { loadTextCatalog } from '../../../src/templates/load-text';
import { apiFixture, CONVERSATION_ID, openedConversation, postSigned, repoConfig, serveSlackRouter } from '../../helpers/slack-jira';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomUUID().slice(0, 8);
const KEY_PREFIX = `crtest-slacke2e-${RUN}`;
const QUEUE_PREFIX = `{crtest-slacke2e-${RUN}}`;
const SECRET = 'e2e-signing-secret';
const SLACK = 'https://slack.e2e';
const JIRA = 'https://example.atlassian.net';
const INTERCOM = 'https://api.intercom.e2e';
const config = repoConfig();
const templates = loadBugTemplates();

describe('end to end: a bug submitted in Slack becomes one Jira issue, one note, one thread (real Redis, BullMQ, HTTP)', () => {
  let redis: Redis;
  let eventsConnection: Redis;
  let server: Server;
  let url = '';
  let queue: Queue<EffectJob>;
  let events: QueueEvents;
  let worker: Worker<EffectJob>;
  const counts = { create: 0, search: 0, links: 0, notes: 0, tags: 0, posts: 0 };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
    nock(SLACK)
      .persist()
      .post('/api/usergroups.users.list')
      .reply(200, { ok: true, users: ['U05LUFER001'] })
      .post('/api/chat.postMessage')
      .reply(() => (counts.posts++, [200, apiFixture('slack/web-chat.postMessage.json')]));
    nock(JIRA)
      .persist()
      .post('/rest/api/3/search/jql')
      .reply(() => (counts.search++, [200, { issues: counts.create ? [{ id: '10482', key: 'INC-482' }] : [] }]))
      .post('/rest/api/3/issue')
      .reply(() => (counts.create++, [201, apiFixture('jira/rest-post-issue-201.json')]))
      .post('/rest/api/3/issue/INC-482/remotelink')
      .reply(() => (counts.links++, [201, apiFixture('jira/rest-post-remotelink-201.json')]));
    nock(INTERCOM)
      .persist()
      .post(`/conversations/${CONVERSATION_ID}/reply`)
      .reply(() => (counts.notes++, [200, apiFixture('intercom/rest-post-conversation-reply-note.json')]))
      .post('/tags')
      .reply(200, { type: 'tag', id: '9100042', name: 'jira' })
      .post(`/conversations/${CONVERSATION_ID}/tags`)
      .reply(() => (counts.tags++, [200, apiFixture('intercom/rest-post-conversation-tags.json')]));

    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    eventsConnection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const store = new RedisTicketStore(redis, { prefix: KEY_PREFIX });
    await store.append(CONVERSATION_ID, openedConversation().map((e) => DomainEventSchema.parse(e)));
    queue = new Queue<EffectJob>('effects', queueOptions('effects', redis, undefined, QUEUE_PREFIX));
    events = new QueueEvents('effects', { connection: eventsConnection, prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    const { router } = createSlackApp({
      signingSecret: SECRET,
      botToken: 'xoxb-e2e',
      slackApiUrl: `${SLACK}/api/`,
      botId: 'B07CRBOT001',
      botUserId: 'U07CRBOT001',
      config,
      bugTemplates: templates,
      store,
      recordEvents: async (ticketId, evs) => void (await store.append(ticketId, evs.map((e) => DomainEventSchema.parse(e)))),
      intents: new QueueIntentSink(queue),
      clock: { now: () => Date.now() },
      nextBusinessDay: (now) => now + 86_400_000,
    });
    worker = new Worker<EffectJob>(
      'effects',
      createEffectsJobProcessor({
        store,
        slack: new SlackClient({ token: 'xoxb-e2e', slackApiUrl: `${SLACK}/api/`, postIntervalMs: 0 }),
        jira: new JiraClient({ baseUrl: JIRA, email: 'bot@example.com', apiToken: 'tok' }),
        intercom: new IntercomAdapter({ token: 'tok', baseUrl: INTERCOM, config: { ...config.intercom, botAdminId: '7012345' } }),
        config,
        bugTemplates: templates,
        catalog: loadTextCatalog(),
        clock: { now: () => Date.now() },
      }),
      workerOptions(redis, undefined, { prefix: QUEUE_PREFIX }),
    );
    ({ server, url } = await serveSlackRouter(router));
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await deleteKeysMatching(redis, `${KEY_PREFIX}:*`);
    await eventsConnection.quit();
    await redis.quit();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function submit(): Promise<Record<string, unknown>> {
    const template = templates.find((t) => t.id === 'checkout-payments')!;
    const values: Record<string, unknown> = {};
    for (const f of template.fields) {
      if (f.type === 'customer') values[f.id] = { [BUG_IDS.customerAction]: { selected_option: { value: '6582f1a9c4d2e10001a3b4c5', text: { text: 'Calzados Ribera S.L.' } } } };
      else if (f.type === 'select') values[f.id] = { v: { selected_option: { value: f.options[0].value } } };
      else if (f.type === 'priority') values[f.id] = { v: { selected_option: { value: 'Muy Alta' } } };
      else if (f.type === 'date') values[f.id] = { v: { selected_date: '2026-01-13' } };
      else if (f.type === 'conversation') values[f.id] = { v: { value: CONVERSATION_ID } };
      else if (f.type === 'urls') values[f.id] = { v: { value: 'https://www.example.com/x.png' } };
      else values[f.id] = { v: { value: 'El pago con Bizum devuelve error 500' } };
    }
    const fixture = apiFixture<{ view: Record<string, unknown> }>('slack/interactivity-view_submission.json');
    const payload = { ...fixture, view: { ...fixture.view, callback_id: BUG_IDS.formView, private_metadata: encodeBugFormMeta({ kind: template.id, prefill: {} }), state: { values } } };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return (await (await postSigned(url, SECRET, body)).json()) as Record<string, unknown>;
  }

  it('a double submission, then a replay of the finished job, still yield one of each', async () => {
    // Slack delivers the submission twice (a double click): both are answered and the modal closes.
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first).toEqual({ response_action: 'clear' });
    expect(second.response_action).toBeDefined();
    const job = await queue.getJob(effectJobId(`jira.createIssue:${CONVERSATION_ID}`));
    expect(job).toBeDefined();
    await job!.waitUntilFinished(events, 20_000);
    expect(counts).toEqual({ create: 1, search: 1, links: 1, notes: 1, tags: 1, posts: 1 });

    // An operator replays the job (as from the dead-letter queue): it finds everything done.
    await job!.remove();
    const replay = await queue.add('jira.createIssue', job!.data, { jobId: effectJobId(`jira.createIssue:${CONVERSATION_ID}`) });
    await replay.waitUntilFinished(events, 20_000);
    expect(counts).toEqual({ create: 1, search: 1, links: 1, notes: 1, tags: 1, posts: 1 });

    // And the agent trying again is told the issue exists.
    const third = await submit();
    expect(third).toEqual({ response_action: 'errors', errors: { conversation: 'Esta conversación ya tiene la incidencia INC-482.' } });
  });
});
