import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import IORedis, { type Redis } from 'ioredis';
import { IntercomAdapter } from '../../../src/adapters/intercom/intercom-adapter';
import { IntercomConfigSchema } from '../../../src/config/intercom.schema';
import { DomainEventSchema } from '../../../src/domain/events';
import { foldTicket } from '../../../src/domain/ticket';
import type { Intent } from '../../../src/domain/intents';
import type { Decider } from '../../../src/jobs/events/decider';
import { listDeadLetters, replayDeadLetter } from '../../../src/jobs/dead-letter';
import { sweepRatings } from '../../../src/jobs/events/rating-sweep';
import { createQueues, domainEventsJobId, effectJobId, intercomJobId, jiraJobId, type EventJob, type Queues } from '../../../src/jobs/queues';
import { startWorker, type RunningWorker } from '../../../src/app/worker';
import { jobsProcessed } from '../../../src/adapters/http/metrics';
import { deleteKeys, memoryLogger, testConfig, waitFor, waitForJob } from './support/worker-test-kit';

const SHARED = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api');
const fixture = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(SHARED, file), 'utf8')) as Record<string, unknown>;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = randomUUID().slice(0, 8);
const QUEUE_PREFIX = `{crtest-worker-${RUN}}`;
const KEY_PREFIX = `crtest-worker-${RUN}`;
const INTERCOM = 'http://intercom.worker.test';
const CONV = '215470001234567';
const CONTACT = '65a1f0c2e4b0a1b2c3d4e5f6';
const COMPANY = '65a1f0c2e4b0a1b2c3d4e500';

function intercomJob(topic: string, overrides: Record<string, unknown> = {}): { job: Extract<EventJob, { source: 'intercom' }>; jobId: string } {
  const payload = { ...fixture(`intercom/webhook-${topic}.json`), ...overrides };
  const deliveryId = String(payload.id);
  return { job: { source: 'intercom', deliveryId, topic, receivedAt: 0, payload }, jobId: intercomJobId(deliveryId) };
}

/** A decision that welcomes every new conversation in Slack and tags it once as seen by the bot. */
const welcome: Decider = ({ ticket, newEvents }) => {
  if (!newEvents.some((e) => e.kind === 'ConversationOpened')) return [];
  const intents: Intent[] = [{ kind: 'slack.post', key: `welcome:${ticket.id}`, ticketId: ticket.id, to: { kind: 'channel', channel: 'C1' }, text: `Nuevo ticket ${ticket.id} (${ticket.company?.plan ?? '?'})` }];
  if (!ticket.tags.includes('bot-seen')) {
    intents.push({ kind: 'ticket.append', key: `bot-seen:${ticket.id}`, ticketId: ticket.id, events: [{ id: `bot:${ticket.id}:seen`, ticketId: ticket.id, at: ticket.createdAt ?? 0, source: 'bot', kind: 'Tagged', tags: ['bot-seen'] }] });
  }
  return intents;
};

/** A decision that fails while the switch is on (to drive jobs into the dead-letter queue). */
let failing = false;
const flaky: Decider = () => {
  if (failing) throw new Error('Slack is down (test)');
  return [];
};

describe('worker: events queue → ticket store → decisions → effects (real Redis, nock for Intercom)', () => {
  let redis: Redis;
  let queues: Queues;
  let worker: RunningWorker;

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = createQueues(redis, undefined, QUEUE_PREFIX);
    const intercom = new IntercomAdapter({ token: 'tok', baseUrl: INTERCOM, config: IntercomConfigSchema.parse({}), cache: redis, cachePrefix: KEY_PREFIX });
    worker = startWorker({ config: testConfig(), logger: memoryLogger(), redisUrl: REDIS_URL, queuePrefix: QUEUE_PREFIX, keyPrefix: KEY_PREFIX, intercom, deciders: [welcome, flaky], processors: {} });
  });
  beforeEach(() => {
    failing = false;
    nock(INTERCOM).persist().get(`/contacts/${CONTACT}`).reply(200, fixture('intercom/rest-get-contact.json'));
    nock(INTERCOM).persist().get(`/companies/${COMPANY}`).reply(200, fixture('intercom/rest-get-company.json'));
  });
  afterEach(async () => {
    nock.cleanAll();
    await queues.events.obliterate({ force: true });
    await queues.effects.obliterate({ force: true });
    await queues.deadLetter.obliterate({ force: true });
    await deleteKeys(redis, `${KEY_PREFIX}:*`);
  });
  afterAll(async () => {
    await worker.close();
    await queues.close();
    await deleteKeys(redis, `${QUEUE_PREFIX}:*`);
    await redis.quit();
    nock.enableNetConnect();
  });

  it('stores a new conversation, enriches its company, runs the decisions and dispatches their effects', async () => {
    const processedBefore = (await jobsProcessed.get()).values.find((v) => v.labels.queue === 'events')?.value ?? 0;
    const { job, jobId } = intercomJob('conversation.user.created');
    await queues.events.add('intercom', job, { jobId });
    const done = await waitForJob(queues.events, jobId);
    expect(done.returnvalue).toEqual({ ticketId: CONV, appended: 2, dispatched: 1 });
    await waitFor('the processed counter', async () => ((await jobsProcessed.get()).values.find((v) => v.labels.queue === 'events')?.value ?? 0) === processedBefore + 1);

    const ticket = await worker.deps.store.get(CONV);
    expect(ticket).toMatchObject({ opened: true, keyAccount: true, tags: ['bot-seen'], company: { id: COMPANY, plan: 'Platinum', hosting: 'saas', tags: ['KA', 'PrestaShop'] } });
    const effect = await queues.effects.getJob(effectJobId(`welcome:${CONV}`));
    expect(effect?.data.intent).toMatchObject({ kind: 'slack.post', text: `Nuevo ticket ${CONV} (Platinum)` });
    expect(await queues.effects.count()).toBe(1);
  });

  it('runs the decisions on events an agent recorded from Slack (already stored by the web process)', async () => {
    const opened = { id: 'slack:open:1', ticketId: 'slack-conv-1', at: 1_768_380_070_000, source: 'slack' as const, kind: 'ConversationOpened' as const, subject: null, body: 'x', tags: [], assigneeId: null };
    await worker.deps.store.append('slack-conv-1', [DomainEventSchema.parse(opened)]);
    const jobId = domainEventsJobId('slack-conv-1', [opened.id]);
    const job = { source: 'domain' as const, deliveryId: opened.id, topic: 'slack.action', receivedAt: 0, ticketId: 'slack-conv-1', events: [DomainEventSchema.parse(opened)] };
    await queues.events.add('slack', job, { jobId });
    await queues.events.add('slack', job, { jobId });
    const done = await waitForJob(queues.events, jobId);
    expect(done.returnvalue).toMatchObject({ ticketId: 'slack-conv-1', appended: 0 });
    expect(await queues.effects.getJob(effectJobId('welcome:slack-conv-1'))).toBeDefined();
    expect((await worker.deps.store.events('slack-conv-1')).filter((e) => e.kind === 'ConversationOpened')).toHaveLength(1);
  });

  it('a delivery received three times (new notification ids each time) is one event and one effect', async () => {
    for (const n of [1, 2, 3]) {
      const { job } = intercomJob('conversation.user.created');
      const deliveryId = `notif_redelivered_${n}`;
      await queues.events.add('intercom', { ...job, deliveryId, payload: { ...job.payload, id: deliveryId } }, { jobId: intercomJobId(deliveryId) });
      await waitForJob(queues.events, intercomJobId(deliveryId));
    }
    const events = await worker.deps.store.events(CONV);
    expect(events.filter((e) => e.kind === 'ConversationOpened')).toHaveLength(1);
    expect(events.map((e) => e.kind).sort()).toEqual(['CompanyEnriched', 'ConversationOpened', 'Tagged']);
    expect(await queues.effects.count()).toBe(1);
  });

  it('a reply processed before its conversation was created folds to the same state as in order', async () => {
    const reply = intercomJob('conversation.admin.replied');
    const customer = intercomJob('conversation.user.replied');
    const created = intercomJob('conversation.user.created');
    for (const { job, jobId } of [customer, reply, created]) {
      await queues.events.add('intercom', job, { jobId });
      await waitForJob(queues.events, jobId);
    }
    const stored = await worker.deps.store.get(CONV);
    const events = await worker.deps.store.events(CONV);
    expect(stored).toEqual(foldTicket(CONV, events));
    expect(stored).toMatchObject({ opened: true, createdAt: 1768380070_000, firstPublicReplyAt: 1768380425_000, lastCustomerMessageAt: 1768381512_000, exchanges: 1 });
  });

  it('a Jira status change reaches the ticket linked to the issue', async () => {
    const linked = DomainEventSchema.parse({ id: `bot:${CONV}:jira`, ticketId: CONV, at: 1768380600_000, source: 'bot', kind: 'JiraLinked', key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482' });
    await worker.deps.store.append(CONV, [linked]);
    const payload = fixture('jira/webhook-issue_updated-status-change.json');
    const jobId = jiraJobId('wh-1', { webhookEvent: 'jira:issue_updated' });
    await queues.events.add('jira', { source: 'jira', deliveryId: 'wh-1', topic: 'jira:issue_updated', receivedAt: 0, retry: null, payload }, { jobId });
    await waitForJob(queues.events, jobId);
    expect((await worker.deps.store.get(CONV))?.jira).toEqual({ key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482', status: 'Done', statusCategory: 'done' });
  });

  it('after its last attempt a job is in the dead-letter queue; replay runs it again under its own id', async () => {
    failing = true;
    const { job, jobId } = intercomJob('conversation.admin.noted');
    await queues.events.add('intercom', job, { jobId, attempts: 2, backoff: { type: 'fixed', delay: 50 } });
    await waitForJob(queues.events, jobId, 'failed');
    await waitFor('the dead letter', async () => (await listDeadLetters(queues.deadLetter)).length === 1);
    const [letter] = await listDeadLetters(queues.deadLetter);
    expect(letter).toMatchObject({ id: `events-${jobId}`, queue: 'events', jobId, name: 'intercom', attemptsMade: 2, failedReason: 'Slack is down (test)', data: job });

    failing = false;
    expect(await replayDeadLetter(queues, `events-${jobId}`)).toBe('requeued');
    const replayed = await waitForJob(queues.events, jobId);
    // The note had been stored by the failed attempts already: the replay adds nothing twice.
    expect(replayed.returnvalue).toMatchObject({ ticketId: CONV, appended: 0 });
    expect((await worker.deps.store.events(CONV)).filter((e) => e.kind === 'NoteAdded')).toHaveLength(1);
    expect(await listDeadLetters(queues.deadLetter)).toEqual([]);
    expect(await replayDeadLetter(queues, `events-${jobId}`)).toBe('not-found');
  });

  it('a payload that can never be read goes to the dead-letter queue without retries', async () => {
    const { job } = intercomJob('conversation.admin.replied');
    const bad = { ...job, deliveryId: 'notif_bad', payload: { ...job.payload, id: 'notif_bad', data: { item: { id: { not: 'an id' } } } } };
    await queues.events.add('intercom', bad, { jobId: intercomJobId('notif_bad'), attempts: 5 });
    const failed = await waitForJob(queues.events, intercomJobId('notif_bad'), 'failed');
    expect(failed.attemptsMade).toBe(1);
    await waitFor('the dead letter', async () => (await listDeadLetters(queues.deadLetter)).length === 1);
    expect((await listDeadLetters(queues.deadLetter))[0]?.failedReason).toMatch(/INGEST_MALFORMED: data\.item\.id/);
  });

  it('polls Intercom for the rating of a closed ticket once, and a webhook with the same rating adds nothing', async () => {
    const closed = intercomJob('conversation.admin.closed');
    await queues.events.add('intercom', closed.job, { jobId: closed.jobId });
    await waitForJob(queues.events, closed.jobId);
    nock(INTERCOM).get(`/conversations/${CONV}`).once().reply(200, fixture('intercom/rest-get-conversation.json'));
    const { store, sink, intercom, logger } = worker.deps;
    const deps = { store, sink, intercom: intercom!, clock: { now: () => 1768480000_000 }, logger, deciders: [], config: testConfig() };
    expect(await sweepRatings(deps, 168 * 3_600_000)).toEqual({ checked: 1, rated: 1 });
    expect((await store.get(CONV))?.rating).toEqual({ rating: 5, remark: 'Muy rápidos y claros, gracias.', adminId: '7012345', at: 1768473000_000 });
    // Rated now: the next sweep asks Intercom nothing (nock has no interceptor left).
    expect(await sweepRatings(deps, 168 * 3_600_000)).toEqual({ checked: 0, rated: 0 });
    // A later webhook carrying the same rating folds into the same event.
    const item = (fixture('intercom/webhook-conversation.admin.closed.json').data as { item: Record<string, unknown> }).item;
    const withRating = intercomJob('conversation.admin.closed', { id: 'notif_rated', data: { item: { ...item, conversation_rating: fixture('intercom/rest-get-conversation.json').conversation_rating } } });
    await queues.events.add('intercom', { ...withRating.job, deliveryId: 'notif_rated' }, { jobId: intercomJobId('notif_rated') });
    expect((await waitForJob(queues.events, intercomJobId('notif_rated'))).returnvalue).toMatchObject({ appended: 0 });
    expect((await store.events(CONV)).filter((e) => e.kind === 'Rated')).toHaveLength(1);
  });

  it('a rate-limited Intercom makes the job retry, no sooner than Retry-After', async () => {
    nock.cleanAll();
    const calls: number[] = [];
    nock(INTERCOM).get(`/contacts/${CONTACT}`).reply(() => (calls.push(Date.now()), [429, fixture('intercom/rest-error-429.json'), { 'Retry-After': '3' }]));
    nock(INTERCOM).get(`/contacts/${CONTACT}`).reply(() => (calls.push(Date.now()), [200, fixture('intercom/rest-get-contact.json')]));
    nock(INTERCOM).get(`/companies/${COMPANY}`).reply(200, fixture('intercom/rest-get-company.json'));
    const { job, jobId } = intercomJob('conversation.user.created');
    await queues.events.add('intercom', job, { jobId });
    const done = await waitForJob(queues.events, jobId);
    expect(done.attemptsMade).toBe(2);
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(3_000);
    expect((await worker.deps.store.get(CONV))?.company?.plan).toBe('Platinum');
  });
});
