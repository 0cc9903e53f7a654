import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import nock from 'nock';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { JiraClient } from '../../../src/adapters/jira/jira-client';
import { renderBugDescription } from '../../../src/adapters/jira/bug-issue';
import { SlackClient } from '../../../src/adapters/slack/slack-client';
import { IntercomAdapter } from '../../../src/adapters/intercom/intercom-adapter';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { decideJiraSync } from '../../../src/domain/jira-sync';
import { DomainEventSchema, type DomainEvent, type EventOf } from '../../../src/domain/events';
import type { Intent } from '../../../src/domain/intents';
import { createEffectsJobProcessor, createEffectsProcessor, type EffectsDeps } from '../../../src/jobs/effects/processor';
import { effectJobId, workerOptions, queueOptions, type EffectJob } from '../../../src/jobs/queues';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { loadTextCatalog } from '../../../src/templates/load-text';
import type { TicketStore } from '../../../src/ports';
import { apiFixture, CONVERSATION_ID, OPENED_AT, openedConversation, repoConfig } from '../../helpers/slack-jira';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomUUID().slice(0, 8);
const KEY_PREFIX = `crtest-slackjira-${RUN}`;
const QUEUE_PREFIX = `{crtest-slackjira-${RUN}}`;
const JIRA = 'https://example.atlassian.net';
const SLACK = 'https://slack.test';
const INTERCOM = 'https://api.intercom.test';
const FILED_AT = OPENED_AT + 7 * 60_000;
const SLA_DEADLINE = OPENED_AT + 60 * 60_000;
const INTERCOM_URL = `https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/${CONVERSATION_ID}`;

const base = repoConfig();
const config = {
  slack: { ...base.slack, adminEmails: { '7012345': 'lucia.ferrer@example.com' }, postIntervalMs: 0 },
  jira: base.jira,
};
const templates = loadBugTemplates();
const catalog = loadTextCatalog();

const BUG_FIELDS = {
  summary: 'El pago con Bizum devuelve error 500',
  customer: 'Calzados Ribera S.L.',
  'customer.id': '6582f1a9c4d2e10001a3b4c5',
  conversation: CONVERSATION_ID,
  environment: 'production',
  module: 'Checkout',
  paymentMethod: 'bizum',
  happened: 'Pantalla de error 500; el pedido no se crea.',
  expected: 'El pedido se crea y se cobra con Bizum.',
  steps: 'Añadir cualquier producto al carrito\nIr al checkout e identificarse como cliente\nElegir Bizum como método de pago y confirmar',
  since: '2026-01-13',
  usersAffected: 'all',
  priority: 'Muy Alta',
};

/** Every request the fake outside world received, in order. */
interface Calls {
  jiraSearch: number;
  jiraCreate: { fields: Record<string, unknown> }[];
  jiraCreateAt: number[];
  remoteLinks: { globalId: string; object: { url: string; title: string } }[];
  notes: { message_type: string; admin_id: string; body: string }[];
  tags: string[];
  reopen: number;
  posts: Record<string, unknown>[];
  lookups: number;
}

function record(): Calls {
  return { jiraSearch: 0, jiraCreate: [], jiraCreateAt: [], remoteLinks: [], notes: [], tags: [], reopen: 0, posts: [], lookups: 0 };
}

/**
 * Jira, Intercom and Slack as nock interceptors shaped like the fixtures. Jira keeps the issues it
 * created and finds them by label, as the real search does once its index caught up.
 */
function fakeWorld(calls: Calls, opts: { jira429Once?: number } = {}) {
  const created: { key: string; labels: string[] }[] = [];
  let rateLimited = opts.jira429Once ?? 0;
  nock(JIRA)
    .persist()
    .post('/rest/api/3/search/jql')
    .reply(200, (_uri, body) => {
      calls.jiraSearch++;
      const label = /labels = "([^"]+)"/.exec((body as { jql: string }).jql)?.[1];
      const hit = created.find((i) => label && i.labels.includes(label));
      return { issues: hit ? [{ id: '10482', key: hit.key }] : [] };
    })
    .post('/rest/api/3/issue')
    .reply((_uri, body) => {
      calls.jiraCreateAt.push(Date.now());
      if (rateLimited > 0) {
        rateLimited--;
        return [429, apiFixture('jira/rest-error-429.json'), { 'Retry-After': '1' }];
      }
      const fields = (body as { fields: Record<string, unknown> }).fields;
      calls.jiraCreate.push({ fields });
      created.push({ key: 'INC-482', labels: fields.labels as string[] });
      return [201, apiFixture('jira/rest-post-issue-201.json')];
    })
    .post('/rest/api/3/issue/INC-482/remotelink')
    .reply((_uri, body) => {
      calls.remoteLinks.push(body as Calls['remoteLinks'][number]);
      return [calls.remoteLinks.length === 1 ? 201 : 200, apiFixture('jira/rest-post-remotelink-201.json')];
    });
  nock(INTERCOM)
    .persist()
    .post(`/conversations/${CONVERSATION_ID}/reply`)
    .reply((_uri, body) => {
      calls.notes.push(body as Calls['notes'][number]);
      return [200, apiFixture('intercom/rest-post-conversation-reply-note.json')];
    })
    .post('/tags')
    .reply((_uri, body) => [200, { type: 'tag', id: '9100042', name: (body as { name: string }).name }])
    .post(`/conversations/${CONVERSATION_ID}/tags`)
    .reply((_uri, body) => {
      calls.tags.push((body as { id: string }).id);
      return [200, apiFixture('intercom/rest-post-conversation-tags.json')];
    })
    .post(`/conversations/${CONVERSATION_ID}/parts`)
    .reply(() => {
      calls.reopen++;
      return [200, apiFixture('intercom/rest-post-conversation-reply-note.json')];
    });
  let ts = 0;
  nock(SLACK)
    .persist()
    .post('/api/chat.postMessage')
    .reply((_uri, raw) => {
      // The Web API client sends form-encoded bodies.
      const body = typeof raw === 'string' ? Object.fromEntries(new URLSearchParams(raw)) : (raw as Record<string, string>);
      calls.posts.push(body);
      ts++;
      const channel = body.channel;
      return [200, { ok: true, channel, ts: `1768380493.48291${ts}`, message: {} }];
    })
    .post('/api/users.lookupByEmail')
    .reply(() => {
      calls.lookups++;
      return [200, { ok: true, user: { id: 'U05LUFER001' } }];
    });
}

describe('a bug filed from Slack reaches Jira, Intercom and its Slack thread exactly once (real Redis)', () => {
  let redis: Redis;
  let store: RedisTicketStore;
  let deps: EffectsDeps;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    store = new RedisTicketStore(redis, { prefix: KEY_PREFIX });
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await deleteKeysMatching(redis, `${KEY_PREFIX}:*`, `${QUEUE_PREFIX}:*`);
    await redis.quit();
  });

  /** The fixtures' conversation; each test starts from an empty store (keys deleted below). */
  const ticketId = CONVERSATION_ID;

  beforeEach(async () => {
    nock.cleanAll();
    await deleteKeysMatching(redis, `${KEY_PREFIX}:*`);
    deps = {
      store,
      slack: new SlackClient({ token: 'xoxb-test', slackApiUrl: `${SLACK}/api/`, postIntervalMs: 0 }),
      jira: new JiraClient({ baseUrl: JIRA, email: 'bot@example.com', apiToken: 'tok' }),
      intercom: new IntercomAdapter({ token: 'tok', baseUrl: INTERCOM, config: { ...base.intercom, botAdminId: '7012345' } }),
      config,
      bugTemplates: templates,
      catalog,
      clock: { now: () => FILED_AT + 60_000 },
      slaDeadline: () => SLA_DEADLINE,
    };
    const events = [
      ...openedConversation(),
      { id: `bug-filed:${ticketId}`, ticketId, at: FILED_AT, source: 'slack', kind: 'BugFiled', bugKind: 'checkout-payments', by: 'U05LUFER001', fields: BUG_FIELDS, priority: 'Muy Alta' },
    ].map((e) => DomainEventSchema.parse(e));
    await store.append(ticketId, events);
  });

  const fileIntent = (): Intent => ({ kind: 'jira.createIssue', key: `jira.createIssue:${ticketId}`, ticketId, bugId: ticketId });

  it('files one issue with the template\'s ADF, links it both ways, notes and tags the conversation, and opens the thread', async () => {
    const calls = record();
    fakeWorld(calls);
    const outcome = await createEffectsProcessor(deps)(fileIntent());
    expect(outcome).toMatchObject({ status: 'done', detail: { key: 'INC-482', steps: ['created', 'remote-link', 'note', 'tag', 'thread'] } });

    expect(calls.jiraCreate).toHaveLength(1);
    const fields = calls.jiraCreate[0].fields;
    expect(fields.summary).toBe('[Checkout] El pago con Bizum devuelve error 500');
    expect(fields.priority).toEqual({ name: 'Highest' });
    expect(fields.labels).toEqual(['care-relay', 'checkout-payments', 'checkout', 'platinum', 'KA', `cr-bug-${ticketId}`]);
    expect(fields.customfield_10060).toBe(INTERCOM_URL);
    expect(fields.customfield_10061).toBe('2026-01-14T09:41:00.000+0000');
    expect(fields.description).toEqual(
      renderBugDescription({
        bugId: ticketId,
        template: templates.find((t) => t.id === 'checkout-payments')!,
        values: BUG_FIELDS,
        priority: 'Muy Alta',
        reportedBy: 'U05LUFER001',
        conversationId: ticketId,
        conversationUrl: INTERCOM_URL,
        customerName: 'Calzados Ribera S.L.',
        plan: 'Platinum',
        keyAccount: true,
        slaDeadline: SLA_DEADLINE,
      }),
    );
    expect((fields.description as { content: { type: string }[] }).content.map((b) => b.type)).toEqual([
      'heading', 'bulletList', 'heading', 'bulletList', 'heading', 'paragraph', 'heading', 'paragraph', 'heading', 'orderedList', 'paragraph',
    ]);

    expect(calls.remoteLinks).toEqual([
      expect.objectContaining({ globalId: `care-relay:intercom:conversation:${ticketId}`, object: expect.objectContaining({ url: INTERCOM_URL, title: `Intercom #${ticketId}` }) }),
    ]);
    expect(calls.notes).toHaveLength(1);
    expect(calls.notes[0]).toMatchObject({ message_type: 'note', type: 'admin', admin_id: '7012345' });
    expect(calls.notes[0].body).toContain('Bug registrado en Jira: INC-482');
    expect(calls.notes[0].body).toContain('<a href="https://example.atlassian.net/browse/INC-482">');
    expect(calls.tags).toEqual(['9100042']);
    expect(calls.posts).toHaveLength(1);
    expect(calls.posts[0].channel).toBe('C06SOPINC01');
    expect(calls.posts[0].thread_ts).toBeUndefined();
    expect(String(calls.posts[0].text)).toContain('Bug INC-482 · Checkout y pagos · Calzados Ribera S.L. (KA)');

    const ticket = await store.get(ticketId);
    expect(ticket?.jira).toMatchObject({ key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482' });
    expect(ticket?.slackThread).toEqual({ channel: 'C06SOPINC01', ts: '1768380493.482911' });
  });

  it('a double click or a replay of the same intent does nothing more', async () => {
    const calls = record();
    fakeWorld(calls);
    const run = createEffectsProcessor(deps);
    await run(fileIntent());
    const again = await run(fileIntent());
    const third = await run(fileIntent());
    expect(again).toMatchObject({ status: 'skipped', detail: { key: 'INC-482', steps: [] } });
    expect(third.status).toBe('skipped');
    expect(calls.jiraCreate).toHaveLength(1);
    expect(calls.jiraSearch).toBe(1);
    expect(calls.remoteLinks).toHaveLength(1);
    expect(calls.notes).toHaveLength(1);
    expect(calls.tags).toHaveLength(1);
    expect(calls.posts).toHaveLength(1);
  });

  it('a job that crashed after Jira created the issue finds it by its label on retry instead of filing a second', async () => {
    const calls = record();
    fakeWorld(calls);
    let failOnce = true;
    const crashing: TicketStore = {
      get: (id) => store.get(id),
      events: (id) => store.events(id),
      openTicketIds: () => store.openTicketIds(),
      append: async (id: string, events: DomainEvent[]) => {
        if (failOnce && events.some((e) => e.kind === 'JiraLinked')) {
          failOnce = false;
          throw new Error('worker killed');
        }
        return store.append(id, events);
      },
    };
    const run = createEffectsProcessor({ ...deps, store: crashing });
    await expect(run(fileIntent())).rejects.toThrow('worker killed');
    const retried = await run(fileIntent());
    expect(retried).toMatchObject({ detail: { key: 'INC-482', steps: ['found', 'remote-link', 'note', 'tag', 'thread'] } });
    expect(calls.jiraCreate).toHaveLength(1);
    expect(calls.jiraSearch).toBe(2);
    expect(calls.posts).toHaveLength(1);
  });

  it('waits for the BugFiled event when the intent arrives first (retryable), and refuses an unknown template (not retried)', async () => {
    const run = createEffectsProcessor(deps);
    await expect(run({ kind: 'jira.createIssue', key: 'k', ticketId: '999', bugId: '999' })).rejects.toMatchObject({ code: 'EFFECT_NOT_READY', retryable: true });
    await store.append('998', [DomainEventSchema.parse({ id: 'b', ticketId: '998', at: FILED_AT, source: 'slack', kind: 'BugFiled', bugKind: 'nope', by: 'U1', fields: {} })]);
    await expect(run({ kind: 'jira.createIssue', key: 'k2', ticketId: '998', bugId: '998' })).rejects.toMatchObject({ code: 'EFFECT_INVALID', retryable: false });
  });

  it('through the effects queue: a double dispatch is one job, and a Jira 429 is retried after its Retry-After', async () => {
    const calls = record();
    fakeWorld(calls, { jira429Once: 1 });
    const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue<EffectJob>('effects', queueOptions('effects', connection, undefined, QUEUE_PREFIX));
    const eventsConnection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const events = new QueueEvents('effects', { connection: eventsConnection, prefix: QUEUE_PREFIX });
    const worker = new Worker<EffectJob>('effects', createEffectsJobProcessor(deps), workerOptions(connection, undefined, { prefix: QUEUE_PREFIX, concurrency: 2 }));
    try {
      await events.waitUntilReady();
      const intent = fileIntent();
      // What the IntentSink does: job id = the intent's key. Two submissions, one job.
      const a = await queue.add(intent.kind, { intent }, { jobId: effectJobId(intent.key) });
      const b = await queue.add(intent.kind, { intent }, { jobId: effectJobId(intent.key) });
      expect(b.id).toBe(a.id);
      await a.waitUntilFinished(events, 20_000);
      const job = await queue.getJob(a.id!);
      expect(job?.attemptsMade).toBe(2);
      expect(calls.jiraCreateAt).toHaveLength(2);
      expect(calls.jiraCreateAt[1] - calls.jiraCreateAt[0]).toBeGreaterThanOrEqual(1000);
      expect(calls.jiraCreate).toHaveLength(1);
      expect(calls.posts).toHaveLength(1);
      expect(calls.notes).toHaveLength(1);
    } finally {
      await worker.close();
      await events.close();
      await eventsConnection.quit();
      await queue.obliterate({ force: true });
      await queue.close();
      await connection.quit();
    }
  });

  it('a Jira status change reaches the thread and Intercom; resolved, the agent is told and the snoozed conversation reopened', async () => {
    const calls = record();
    fakeWorld(calls);
    const run = createEffectsProcessor(deps);
    await run(fileIntent());
    await store.append(ticketId, [DomainEventSchema.parse({ id: 'snoozed-1', ticketId, at: FILED_AT + 120_000, source: 'intercom', kind: 'Snoozed', until: FILED_AT + 86_400_000 })]);
    const change = DomainEventSchema.parse(
      { id: 'jira-1768389000000', ticketId, at: 1768389000000, source: 'jira', kind: 'JiraStatusChanged', key: 'INC-482', from: 'In Progress', to: 'Done', category: 'done' },
    ) as EventOf<'JiraStatusChanged'>;
    const { ticket } = await store.append(ticketId, [change]);
    const intents = decideJiraSync(ticket, change, { catalog, language: 'es', bugsChannel: 'C06SOPINC01', conversationUrl: INTERCOM_URL });
    for (const intent of intents) await run(intent);

    const root = calls.posts[0];
    const replies = calls.posts.slice(1);
    expect(replies.map((p) => [p.channel, p.thread_ts ?? null])).toEqual([
      ['C06SOPINC01', '1768380493.482911'],
      ['C06SOPINC01', '1768380493.482911'],
      ['U05LUFER001', null],
    ]);
    expect(root.channel).toBe('C06SOPINC01');
    expect(String(replies[0].text)).toBe(':arrows_counterclockwise: *INC-482* ha pasado de _In Progress_ a *Done*');
    expect(String(replies[1].text)).toContain('<@U05LUFER001>, responde al cliente');
    expect(calls.notes.map((n) => n.body)).toEqual([expect.stringContaining('Bug registrado en Jira'), '<p>Jira INC-482 resuelta (Done). Pendiente de responder al cliente.</p>']);
    expect(calls.reopen).toBe(1);
    expect(calls.lookups).toBe(1);

    // Jira redelivers the webhook: the same intents again change nothing.
    for (const intent of intents) await run(intent);
    expect(calls.posts).toHaveLength(4);
    expect(calls.notes).toHaveLength(2);
    expect(calls.reopen).toBe(1);
  });
});
