import express from 'express';
import { signHubBody } from '../../../src/adapters/http/verify-hub-signature';
import { intercomJobId, jiraJobId } from '../../../src/jobs/queues';
import { ADMIN, INTERCOM_SECRET, JIRA_SECRET, cleanPrefix, deliver, fixture, startTestServer, type TestServer } from './helpers';

const PREFIX = '{cr-test-ingest-webhooks}';

const replied = fixture('intercom/webhook-conversation.user.replied.json');
const created = fixture('intercom/webhook-conversation.user.created.json');
const ping = fixture('intercom/webhook-ping.json');
const statusChange = fixture('jira/webhook-issue_updated-status-change.json');
const commentCreated = fixture('jira/webhook-comment_created.json');
const deleted = fixture('jira/webhook-issue_deleted.json');

let server: TestServer;

beforeAll(async () => {
  await cleanPrefix(PREFIX);
  const slack = express.Router();
  slack.post('/events', (_req, res) => {
    res.status(200).json({ mounted: true });
  });
  server = await startTestServer({ prefix: PREFIX, admin: ADMIN, extraRouters: [{ path: '/slack', router: slack }] });
});

afterAll(async () => {
  await server.close();
  await cleanPrefix(PREFIX);
});

beforeEach(async () => {
  await server.queues.events.obliterate({ force: true });
});

async function eventJobs() {
  return server.queues.events.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
}

describe.each([
  ['intercom', replied, INTERCOM_SECRET, 'sha1'],
  ['jira', statusChange, JIRA_SECRET, 'sha256'],
] as const)('%s signatures', (source, payload, secret, algorithm) => {
  const raw = JSON.stringify(payload);

  it('accepts a body signed with the right secret and queues it', async () => {
    const res = await deliver(server.url, source, raw);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('queued');
    expect(await eventJobs()).toHaveLength(1);
  });

  it('answers 401 when the signature header is missing, and queues nothing', async () => {
    const res = await deliver(server.url, source, raw, { signature: null });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing X-Hub-Signature/);
    expect(await eventJobs()).toHaveLength(0);
  });

  it('answers 401 to a forged signature (right shape, random digest)', async () => {
    const forged = `${algorithm}=${'ab'.repeat(algorithm === 'sha1' ? 20 : 32)}`;
    const res = await deliver(server.url, source, raw, { signature: forged });
    expect(res.status).toBe(401);
    expect(await eventJobs()).toHaveLength(0);
  });

  it('answers 401 to a body signed with another secret', async () => {
    const res = await deliver(server.url, source, raw, { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(await eventJobs()).toHaveLength(0);
  });

  it('answers 401 when the body changed by one byte after signing', async () => {
    const signature = signHubBody(algorithm, secret, raw);
    const i = raw.lastIndexOf('e');
    const tampered = `${raw.slice(0, i)}f${raw.slice(i + 1)}`;
    expect(tampered).not.toBe(raw);
    expect(Buffer.byteLength(tampered)).toBe(Buffer.byteLength(raw));
    const res = await deliver(server.url, source, tampered, { signature });
    expect(res.status).toBe(401);
    expect(await eventJobs()).toHaveLength(0);
  });

  it('answers 401 to the other source algorithm', async () => {
    const other = algorithm === 'sha1' ? 'sha256' : 'sha1';
    const res = await deliver(server.url, source, raw, { signature: signHubBody(other, secret, raw) });
    expect(res.status).toBe(401);
  });

  it('answers HEAD with 200 (Intercom checks the URL that way)', async () => {
    const res = await fetch(`${server.url}/webhooks/${source}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('answers 415 to a body that is not JSON by content type', async () => {
    const res = await deliver(server.url, source, raw, { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('answers 413 to a body over the configured limit', async () => {
    const huge = JSON.stringify({ ...payload, padding: 'x'.repeat(600 * 1024) });
    const res = await deliver(server.url, source, huge);
    expect(res.status).toBe(413);
    expect(await eventJobs()).toHaveLength(0);
  });

  it('answers 413 to a chunked body (no Content-Length) that grows past the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${server.url}/webhooks/${source}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': `${algorithm}=00` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const res = await deliver(server.url, source, '{"topic": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_json');
  });

  it('answers 202 to a signed, unknown topic, queues nothing and counts it', async () => {
    const unknown = source === 'intercom' ? { ...replied, topic: 'contact.created' } : { ...statusChange, webhookEvent: 'worklog_created' };
    const res = await deliver(server.url, source, unknown);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('ignored');
    expect(await eventJobs()).toHaveLength(0);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const topic = source === 'intercom' ? 'contact.created' : 'worklog_created';
    expect(metrics).toMatch(new RegExp(`care_relay_webhooks_ignored_total\\{source="${source}",topic="${topic}"\\} [1-9]`));
  });
});

describe('Intercom deliveries', () => {
  it('queues under the notification id, with the payload the worker needs', async () => {
    const res = await deliver(server.url, 'intercom', replied);
    expect(res.body.jobId).toBe(intercomJobId('notif_e2b7f4c1-5a06-4e9d-8c3b-7f1a2d0e9b56'));
    const job = await server.queues.events.getJob('intercom-notif_e2b7f4c1-5a06-4e9d-8c3b-7f1a2d0e9b56');
    expect(job?.name).toBe('intercom.conversation.user.replied');
    expect(job?.data).toEqual({
      source: 'intercom',
      deliveryId: 'notif_e2b7f4c1-5a06-4e9d-8c3b-7f1a2d0e9b56',
      topic: 'conversation.user.replied',
      receivedAt: 1_768_381_600_000,
      payload: replied,
    });
  });

  it('absorbs a notification delivered three times: one job', async () => {
    for (let i = 0; i < 3; i++) expect((await deliver(server.url, 'intercom', created)).status).toBe(200);
    const jobs = await eventJobs();
    expect(jobs.map((j) => j.id)).toEqual(['intercom-notif_3f0c8a52-6e1d-4b7a-9c2e-5d8f1a0b7c31']);
  });

  it('answers the ping with 200 and queues nothing (its id is null)', async () => {
    const res = await deliver(server.url, 'intercom', ping);
    expect(res.status).toBe(200);
    expect(res.body.reason).toBe('ping');
    expect(await eventJobs()).toHaveLength(0);
  });
});

describe('Jira deliveries', () => {
  it('queues under X-Atlassian-Webhook-Identifier and absorbs the retries', async () => {
    const headers = { 'x-atlassian-webhook-identifier': '7f3e2a10-0001' };
    expect((await deliver(server.url, 'jira', statusChange, { headers })).status).toBe(200);
    for (const retry of ['1', '2']) {
      const res = await deliver(server.url, 'jira', statusChange, { headers: { ...headers, 'x-atlassian-webhook-retry': retry } });
      expect(res.status).toBe(200);
    }
    const jobs = await eventJobs();
    expect(jobs.map((j) => j.id)).toEqual(['jira-7f3e2a10-0001']);
    expect(jobs[0].data).toMatchObject({ source: 'jira', deliveryId: '7f3e2a10-0001', topic: 'jira:issue_updated', retry: null });
  });

  it('without the identifier header, a duplicate body delivered three times is one job (payload hash)', async () => {
    for (let i = 0; i < 3; i++) expect((await deliver(server.url, 'jira', commentCreated)).status).toBe(200);
    const jobs = await eventJobs();
    const expected = jiraJobId(undefined, { webhookEvent: 'comment_created', timestamp: 1768388520000, issueId: '10482', commentId: '10391' });
    expect(jobs.map((j) => j.id)).toEqual([expected]);
  });

  it('queues issue deletions', async () => {
    const res = await deliver(server.url, 'jira', deleted);
    expect(res.status).toBe(200);
    const [job] = await eventJobs();
    expect(job.name).toBe('jira.jira:issue_deleted');
  });
});

describe('400 names the malformed field', () => {
  it('for an Intercom conversation part without an author id', async () => {
    const bad = structuredClone(replied) as any;
    delete bad.data.item.conversation_parts.conversation_parts[0].author.id;
    const res = await deliver(server.url, 'intercom', bad);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual(['data.item.conversation_parts.conversation_parts.0.author.id']);
    expect(String(res.body.message)).toContain('data.item.conversation_parts.conversation_parts.0.author.id');
    expect(await eventJobs()).toHaveLength(0);
  });

  it('for a Jira comment without a body', async () => {
    const bad = structuredClone(commentCreated) as any;
    delete bad.comment.body;
    const res = await deliver(server.url, 'jira', bad);
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual(['comment.body']);
  });
});

describe('operations endpoints', () => {
  it('reports Redis up and the queue depth on /healthz', async () => {
    await deliver(server.url, 'intercom', replied);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.redis).toBe('up');
    expect(body.queues.events.waiting).toBe(1);
  });

  it('serves Prometheus metrics: received, rejected by reason, queued, depth, ack latency', async () => {
    await deliver(server.url, 'jira', statusChange, { signature: null });
    await deliver(server.url, 'jira', statusChange);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/care_relay_webhooks_received_total\{source="jira"\} [1-9]/);
    expect(text).toMatch(/care_relay_webhooks_rejected_total\{source="jira",reason="signature_missing"\} [1-9]/);
    expect(text).toMatch(/care_relay_jobs_queued_total\{queue="events"\} [1-9]/);
    expect(text).toMatch(/care_relay_queue_depth\{queue="events",state="waiting"\} 1/);
    expect(text).toMatch(/care_relay_webhook_ack_seconds_bucket\{le="0.025",source="jira",status="200"\} [1-9]/);
    for (const name of ['jobs_processed_total', 'jobs_failed_total', 'jobs_retried_total', 'jobs_dead_lettered_total']) {
      expect(text).toContain(`# TYPE care_relay_${name} counter`);
    }
  });

  it('keeps bull-board behind basic auth', async () => {
    expect((await fetch(`${server.url}/admin/queues`)).status).toBe(401);
    const wrong = Buffer.from(`${ADMIN.user}:nope`).toString('base64');
    expect((await fetch(`${server.url}/admin/queues`, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);
    const right = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
    const res = await fetch(`${server.url}/admin/queues`, { headers: { authorization: `Basic ${right}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html');
  });

  it('mounts extra routers (Slack) and answers 404 elsewhere', async () => {
    const res = await fetch(`${server.url}/slack/events`, { method: 'POST' });
    expect(await res.json()).toEqual({ mounted: true });
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });
});

describe('logs', () => {
  it('never contain a secret or a signature, whatever was sent', async () => {
    const raw = JSON.stringify({ ...replied, leaked: INTERCOM_SECRET });
    await deliver(server.url, 'intercom', raw);
    await deliver(server.url, 'intercom', raw, { secret: JIRA_SECRET });
    await deliver(server.url, 'jira', statusChange, { headers: { authorization: `Bearer ${JIRA_SECRET}` } });
    await fetch(`${server.url}/admin/queues`, { headers: { authorization: `Basic ${Buffer.from(`x:${ADMIN.password}`).toString('base64')}` } });
    const signature = signHubBody('sha1', INTERCOM_SECRET, raw).slice(5);
    expect(server.logs.lines.length).toBeGreaterThan(3);
    for (const line of server.logs.lines) {
      expect(line).not.toContain(INTERCOM_SECRET);
      expect(line).not.toContain(JIRA_SECRET);
      expect(line).not.toContain(ADMIN.password);
      expect(line).not.toContain(signature);
    }
  });
});
