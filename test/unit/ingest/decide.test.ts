import * as fs from 'node:fs';
import * as path from 'node:path';
import { decideIntercom } from '../../../handlers/intercom';
import { decideJira } from '../../../handlers/jira';

const API = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api');
const load = (rel: string) => JSON.parse(fs.readFileSync(path.join(API, rel), 'utf8')) as Record<string, any>;
const AT = 1_768_381_600_000;

/** Removes the value at a dotted path (numbers index arrays). */
function without(doc: Record<string, any>, dotted: string): Record<string, any> {
  const copy = structuredClone(doc);
  const keys = dotted.split('.');
  let parent: any = copy;
  for (const k of keys.slice(0, -1)) parent = parent[k];
  delete parent[keys[keys.length - 1]];
  return copy;
}

describe('Intercom notifications', () => {
  const webhookFiles = fs.readdirSync(path.join(API, 'intercom')).filter((f) => f.startsWith('webhook-') && f !== 'webhook-ping.json');

  it.each(webhookFiles)('queues %s under its notification id', (file) => {
    const body = load(`intercom/${file}`);
    const decision = decideIntercom(body, AT);
    expect(decision).toEqual({
      kind: 'enqueue',
      jobId: `intercom-${body.id}`,
      name: `intercom.${body.topic}`,
      data: { source: 'intercom', deliveryId: body.id, topic: body.topic, receivedAt: AT, payload: body },
    });
  });

  it('answers the ping without queueing it', () => {
    expect(decideIntercom(load('intercom/webhook-ping.json'), AT)).toEqual({ kind: 'ignore', status: 200, topic: 'ping', reason: 'ping' });
  });

  it('ignores topics it does not handle (202), whatever their shape', () => {
    expect(decideIntercom({ topic: 'contact.created', data: 42 }, AT)).toMatchObject({ kind: 'ignore', status: 202, topic: 'contact.created' });
  });

  it('queues conversation.deleted with only the conversation id', () => {
    const body = { type: 'notification_event', topic: 'conversation.deleted', id: 'notif_del', created_at: 1768390000, data: { item: { id: 215470001234567 } } };
    expect(decideIntercom(body, AT)).toMatchObject({ kind: 'enqueue', jobId: 'intercom-notif_del' });
  });

  const replied = load('intercom/webhook-conversation.user.replied.json');
  it.each([
    'topic',
    'id',
    'type',
    'created_at',
    'data.item.type',
    'data.item.id',
    'data.item.created_at',
    'data.item.updated_at',
    'data.item.state',
    'data.item.source',
    'data.item.source.author',
    'data.item.source.author.id',
    'data.item.source.author.type',
    'data.item.conversation_parts.conversation_parts.0.id',
    'data.item.conversation_parts.conversation_parts.0.part_type',
    'data.item.conversation_parts.conversation_parts.0.created_at',
    'data.item.conversation_parts.conversation_parts.0.author',
    'data.item.conversation_parts.conversation_parts.0.author.id',
  ])('rejects a replied notification without %s, naming that field', (field) => {
    const decision = decideIntercom(without(replied, field), AT);
    expect(decision.kind).toBe('invalid');
    if (decision.kind === 'invalid') expect(decision.issues.map((i) => i.field)).toContain(field);
  });

  it('names a wrong type too: a state Intercom does not have', () => {
    const bad = structuredClone(replied);
    bad.data.item.state = 'pending';
    const decision = decideIntercom(bad, AT);
    expect(decision).toMatchObject({ kind: 'invalid', issues: [{ field: 'data.item.state' }] });
  });

  it('accepts integer ids where the spec examples show them, as strings', () => {
    const body = structuredClone(replied);
    body.data.item.conversation_parts.conversation_parts[0].id = 31245678904;
    expect(decideIntercom(body, AT).kind).toBe('enqueue');
  });
});

describe('Jira webhooks', () => {
  const status = load('jira/webhook-issue_updated-status-change.json');
  const comment = load('jira/webhook-comment_created.json');
  const deleted = load('jira/webhook-issue_deleted.json');

  it('queues the three handled events; the retry count rides along', () => {
    const headers = { 'x-atlassian-webhook-identifier': 'abc-1', 'x-atlassian-webhook-retry': '2' };
    expect(decideJira(status, headers, AT)).toEqual({
      kind: 'enqueue',
      jobId: 'jira-abc-1',
      name: 'jira.jira:issue_updated',
      data: { source: 'jira', deliveryId: 'abc-1', topic: 'jira:issue_updated', receivedAt: AT, retry: 2, payload: status },
    });
    expect(decideJira(comment, {}, AT)).toMatchObject({ kind: 'enqueue', name: 'jira.comment_created', data: { retry: null } });
    expect(decideJira(deleted, {}, AT)).toMatchObject({ kind: 'enqueue', name: 'jira.jira:issue_deleted' });
  });

  it('ignores events it does not handle (202)', () => {
    expect(decideJira({ webhookEvent: 'jira:version_released' }, {}, AT)).toMatchObject({ kind: 'ignore', status: 202 });
  });

  it.each([
    [status, 'webhookEvent'],
    [status, 'timestamp'],
    [status, 'issue'],
    [status, 'issue.id'],
    [status, 'issue.key'],
    [status, 'issue.fields'],
    [status, 'changelog.id'],
    [status, 'changelog.items.1.field'],
    [status, 'changelog.items.1.toString'],
    [comment, 'comment'],
    [comment, 'comment.id'],
    [comment, 'comment.body'],
    [comment, 'comment.author'],
    [comment, 'comment.author.accountId'],
    [comment, 'comment.created'],
    [deleted, 'issue.key'],
  ])('rejects a %# body without its field %s, naming it', (body, field) => {
    const decision = decideJira(without(body, field), {}, AT);
    expect(decision.kind).toBe('invalid');
    if (decision.kind === 'invalid') expect(decision.issues.map((i) => i.field)).toContain(field);
  });
});
