import fc from 'fast-check';
import { INTERCOM_TOPICS } from '../../../src/schemas/intercom-webhook';
import { JIRA_EVENTS } from '../../../src/schemas/jira-webhook';
import { cleanPrefix, deliver, fixture, startTestServer, type TestServer } from './helpers';

/**
 * Thousands of random and mutated (signed) payloads at both endpoints: every answer is a
 * deliberate one (200/202/400/401), never a 5xx, and the server keeps answering.
 */
const PREFIX = '{cr-test-ingest-property}';
const ALLOWED = new Set([200, 202, 400, 401]);
let server: TestServer;

const FIXTURES = {
  intercom: [
    'intercom/webhook-conversation.user.created.json',
    'intercom/webhook-conversation.user.replied.json',
    'intercom/webhook-conversation.admin.assigned.json',
    'intercom/webhook-conversation.admin.closed.json',
    'intercom/webhook-conversation_part.tag.created.json',
    'intercom/webhook-ping.json',
  ].map(fixture),
  jira: ['jira/webhook-issue_updated-status-change.json', 'jira/webhook-comment_created.json', 'jira/webhook-issue_deleted.json'].map(fixture),
};

type Json = unknown;

/** Every path to a value inside a JSON document. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; value: Json } | { kind: 'null' } | { kind: 'stringify' } | { kind: 'topic'; topic: string };

function mutate(doc: Json, at: (string | number)[], m: Mutation, source: 'intercom' | 'jira'): Json {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (m.kind === 'topic') {
    if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) return copy;
    copy[source === 'intercom' ? 'topic' : 'webhookEvent'] = m.topic;
    return copy;
  }
  if (at.length === 0) return m.kind === 'replace' ? m.value : null;
  let parent: any = copy;
  for (const key of at.slice(0, -1)) parent = parent[key];
  const last = at[at.length - 1];
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'replace') parent[last] = m.value;
  else if (m.kind === 'null') parent[last] = null;
  else parent[last] = JSON.stringify(parent[last]) ?? 'undefined';
  return copy;
}

const mutationArb = (source: 'intercom' | 'jira'): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.constant<Mutation>({ kind: 'delete' }),
    fc.constant<Mutation>({ kind: 'null' }),
    fc.constant<Mutation>({ kind: 'stringify' }),
    fc.jsonValue({ maxDepth: 2 }).map<Mutation>((value) => ({ kind: 'replace', value })),
    fc.constantFrom<string>(...(source === 'intercom' ? INTERCOM_TOPICS : JIRA_EVENTS), 'x').map<Mutation>((topic) => ({ kind: 'topic', topic })),
  );

beforeAll(async () => {
  await cleanPrefix(PREFIX);
  server = await startTestServer({ prefix: PREFIX });
});

afterAll(async () => {
  await server.close();
  await cleanPrefix(PREFIX);
});

describe.each(['intercom', 'jira'] as const)('%s endpoint under random input', (source) => {
  it('never answers 5xx to a signed, mutated real payload (several mutations each)', async () => {
    const docs = FIXTURES[source];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: docs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), mutationArb(source)), { minLength: 1, maxLength: 3 }),
        async (which, mutations) => {
          let doc: Json = docs[which];
          for (const [pick, m] of mutations) {
            const all = paths(doc);
            doc = mutate(doc, all[pick % all.length], m, source);
          }
          const res = await deliver(server.url, source, JSON.stringify(doc) ?? 'null');
          if (!ALLOWED.has(res.status)) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
        },
      ),
      { numRuns: 700 },
    );
  });

  it('never answers 5xx to signed random JSON, random text or a random signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.record({ topic: fc.constantFrom(...INTERCOM_TOPICS), webhookEvent: fc.constantFrom(...JIRA_EVENTS), id: fc.oneof(fc.string(), fc.constant(null)), data: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
        ),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 80 })),
        async (body, signature) => {
          const res = await deliver(server.url, source, body, signature === undefined ? {} : { signature });
          if (!ALLOWED.has(res.status)) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
          if (signature !== undefined && res.status !== 401) throw new Error(`unsigned body answered ${res.status}`);
        },
      ),
      { numRuns: 500 },
    );
  });
});

it('is still up after all that', async () => {
  expect((await fetch(`${server.url}/webhooks/intercom`, { method: 'HEAD' })).status).toBe(200);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});
