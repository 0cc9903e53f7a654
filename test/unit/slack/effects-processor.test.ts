import { createEffectsProcessor, type EffectsDeps } from '../../../src/jobs/effects/processor';
import type { Intent } from '../../../src/domain/intents';
import type { IntercomPort, JiraPort, SlackPort } from '../../../src/ports';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { loadTextCatalog } from '../../../src/templates/load-text';
import { MemoryTicketStore, repoConfig, CONVERSATION_ID, openedConversation } from '../../helpers/slack-jira';

const base = repoConfig();

function setup(slackOver: Partial<typeof base.slack> = {}) {
  const posts: { channel: string; text: string; threadTs?: string; blocks?: unknown[] }[] = [];
  const calls: string[] = [];
  const slack: SlackPort = {
    postMessage: async (m) => {
      posts.push(m);
      return { channel: m.channel, ts: `100.${posts.length}` };
    },
    lookupUserByEmail: async (email) => (email === 'lucia.ferrer@example.com' ? 'U05LUFER001' : null),
  };
  const intercom: IntercomPort = {
    getCompany: async () => null,
    getContactCompanyId: async () => null,
    addNote: async (id, html) => (calls.push(`note ${id} ${html}`), { partId: '31245678907' }),
    tagConversation: async (id, tags) => void calls.push(`tag ${id} ${tags.join(',')}`),
    reopen: async (id) => void calls.push(`reopen ${id}`),
    getRating: async () => null,
  };
  const jira: JiraPort = { createIssue: async () => ({ id: '1', key: 'INC-1', url: 'u' }), findIssueByLabel: async () => null, addRemoteLink: async () => undefined };
  const store = new MemoryTicketStore();
  const deps: EffectsDeps = {
    store,
    slack,
    jira,
    intercom,
    config: { slack: { ...base.slack, ...slackOver }, jira: base.jira },
    bugTemplates: loadBugTemplates(),
    catalog: loadTextCatalog(),
    clock: { now: () => 1_768_380_000_000 },
  };
  return { run: createEffectsProcessor(deps), posts, calls, store };
}

const post = (key: string, to: Extract<Intent, { kind: 'slack.post' }>['to'], record?: Intent['record']): Intent => ({ kind: 'slack.post', key, ticketId: CONVERSATION_ID, to, text: `texto ${key}`, ...(record ? { record } : {}) });

describe('the effects processor', () => {
  it('opens a ticket thread in the fallback channel the first time, then replies in it', async () => {
    const { run, posts, store } = setup();
    await store.add(CONVERSATION_ID, openedConversation());
    await run(post('a', { kind: 'ticket-thread', fallbackChannel: 'C06SOPTEAM1' }));
    await run(post('b', { kind: 'ticket-thread', fallbackChannel: 'C06SOPMGR01' }));
    expect(posts.map((p) => [p.channel, p.threadTs ?? null])).toEqual([
      ['C06SOPTEAM1', null],
      ['C06SOPTEAM1', '100.1'],
    ]);
    expect((await store.get(CONVERSATION_ID))?.slackThread).toEqual({ channel: 'C06SOPTEAM1', ts: '100.1' });
  });

  it('records an alert it sent and skips it when the job runs again', async () => {
    const { run, posts, store } = setup();
    const intent = post('alert:sla-breached:1', { kind: 'channel', channel: 'C06SOPMGR01' }, { alert: 'sla-breached', target: 'contractual.firstResponse' });
    expect((await run(intent)).status).toBe('done');
    expect((await run(intent)).status).toBe('skipped');
    expect(posts).toHaveLength(1);
    expect((await store.get(CONVERSATION_ID))?.alerts['sla-breached:contractual.firstResponse']).toMatchObject({ channel: 'C06SOPMGR01', slackTs: '100.1' });
  });

  it('DMs an Intercom admin: by override, by e-mail, else in the team channel with a note', async () => {
    const { run, posts } = setup({ adminOverrides: { '111': 'U0OVERRIDE1' }, adminEmails: { '7012345': 'lucia.ferrer@example.com', '999': 'nadie@example.com' } });
    await run(post('o', { kind: 'user', intercomAdminId: '111' }));
    await run(post('e', { kind: 'user', intercomAdminId: '7012345' }));
    await run(post('n', { kind: 'user', intercomAdminId: '999' }));
    expect(posts.map((p) => p.channel)).toEqual(['U0OVERRIDE1', 'U05LUFER001', 'C06SOPTEAM1']);
    expect(posts[2].text).toBe('(para 999) texto n');
  });

  it("DMs a CSM known by e-mail (Intercom's csm_email) through Slack's lookup, else the team channel", async () => {
    const { run, posts } = setup();
    await run(post('csm', { kind: 'user', slackUserId: 'lucia.ferrer@example.com' }));
    await run(post('csm2', { kind: 'user', slackUserId: 'nadie@example.com' }));
    await run(post('id', { kind: 'user', slackUserId: 'U0CSM000001' }));
    expect(posts.map((p) => p.channel)).toEqual(['U05LUFER001', 'C06SOPTEAM1', 'U0CSM000001']);
    expect(posts[1].text).toBe('(para nadie@example.com) texto csm2');
  });

  it('cuts a message to 50 blocks', async () => {
    const { run, posts } = setup();
    const blocks = Array.from({ length: 60 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `b${i}` } }));
    await run({ ...post('big', { kind: 'channel', channel: 'C1' }), blocks } as Intent);
    expect(posts[0].blocks).toHaveLength(50);
  });

  it('notes, tags and reopens in Intercom, each once when recorded', async () => {
    const { run, calls } = setup();
    const note: Intent = { kind: 'intercom.note', key: 'n1', ticketId: CONVERSATION_ID, html: '<p>hola</p>', record: { alert: 'jira-status', target: 'x:note' } };
    const reopen: Intent = { kind: 'intercom.reopen', key: 'r1', ticketId: CONVERSATION_ID, record: { alert: 'jira-status', target: 'x:reopen' } };
    await run(note);
    await run(note);
    await run({ kind: 'intercom.tag', key: 't1', ticketId: CONVERSATION_ID, tags: ['incidencia'] });
    await run(reopen);
    await run(reopen);
    expect(calls).toEqual([`note ${CONVERSATION_ID} <p>hola</p>`, `tag ${CONVERSATION_ID} incidencia`, `reopen ${CONVERSATION_ID}`]);
  });

  it('appends events asked by a ticket.append intent', async () => {
    const { run, store } = setup();
    await run({ kind: 'ticket.append', key: 'ap', ticketId: CONVERSATION_ID, events: [{ id: 'w1', ticketId: CONVERSATION_ID, at: 5, source: 'bot', kind: 'WaitingOnCustomer' }] });
    expect((await store.get(CONVERSATION_ID))?.status).toBe('waiting-on-customer');
  });

  it('files a Slack-only bug (no conversation) in Jira and Slack, with no Intercom calls', async () => {
    const { run, calls, posts, store } = setup();
    const id = 'slack-bug-V0SOLO00001';
    await store.add(id, [{ id: 'bf', ticketId: id, at: 1, source: 'slack', kind: 'BugFiled', bugKind: 'other', by: 'U05LUFER001', fields: { summary: 'Falla algo' } }]);
    const out = await run({ kind: 'jira.createIssue', key: 'k', ticketId: id, bugId: 'V0SOLO00001' });
    expect(out).toMatchObject({ status: 'done', detail: { key: 'INC-1', steps: ['created', 'thread'] } });
    expect(calls).toEqual([]);
    expect(posts.map((p) => p.channel)).toEqual(['C06SOPINC01']);
  });
});
