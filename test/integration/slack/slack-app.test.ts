import type { Server } from 'node:http';
import nock from 'nock';
import { createSlackApp } from '../../../handlers/slack';
import { REFUSAL } from '../../../handlers/slack/guard';
import type { DomainEventInput } from '../../../src/domain/events';
import type { Intent } from '../../../src/domain/intents';
import { BUG_IDS } from '../../../src/slack/blocks/bug-modal';
import { encodeBugFormMeta } from '../../../src/slack/bug-form-meta';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { searchKnownCompanies } from '../../../src/slack/search-known-companies';
import type { BugTemplate } from '../../../src/schemas/bug-template';
import { MemoryTicketStore, apiFixture, CONVERSATION_ID, OPENED_AT, openedConversation, postSigned, repoConfig, slackSignature, serveSlackRouter } from '../../helpers/slack-jira';

const SECRET = 'slack-signing-secret-for-tests';
const SLACK = 'https://slack.test';
const HOOKS = 'https://hooks.slack.com';
const MEMBER = 'U05LUFER001';
const OUTSIDER = 'U09OUTSIDE1';
const NOW = OPENED_AT + 10 * 60_000;
const NEXT_BUSINESS_DAY = OPENED_AT + 24 * 3600_000;
const templates = loadBugTemplates();
const base0 = repoConfig();
/** Lucía is Intercom admin 7012345: App Home finds her tickets through her e-mail. */
const config = { ...base0, slack: { ...base0.slack, adminEmails: { '7012345': 'lucia.ferrer@example.com' } } };

interface Recorded {
  events: { ticketId: string; events: DomainEventInput[] }[];
  intents: Intent[];
  opened: Record<string, unknown>[];
  published: Record<string, unknown>[];
  responses: Record<string, unknown>[];
  groupCalls: number;
  userInfo: number;
}

let server: Server;
let base = '';
let store: MemoryTicketStore;
let rec: Recorded;

function parseForm(raw: unknown): Record<string, string> {
  return typeof raw === 'string' ? Object.fromEntries(new URLSearchParams(raw)) : (raw as Record<string, string>);
}

/** Slack's Web API and response_url, as nock interceptors that record what the app asked. */
function fakeSlack(): void {
  nock(SLACK)
    .persist()
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: 'U07CRBOT001', bot_id: 'B07CRBOT001', team_id: 'T04ABCD1EF' })
    .post('/api/usergroups.users.list')
    .reply((_uri, raw) => {
      rec.groupCalls++;
      expect(parseForm(raw).usergroup).toBe('S07SUPPORT1');
      return [200, { ok: true, users: [MEMBER, 'U05OTRO0001'] }];
    })
    .post('/api/views.open')
    .reply((_uri, raw) => {
      rec.opened.push(JSON.parse(parseForm(raw).view));
      return [200, apiFixture('slack/web-views.open.json')];
    })
    .post('/api/users.info')
    .reply((_uri, raw) => {
      rec.userInfo++;
      const user = parseForm(raw).user;
      return [200, { ok: true, user: { id: user, profile: { email: user === MEMBER ? 'Lucia.Ferrer@example.com' : 'otra@example.com' } } }];
    })
    .post('/api/views.publish')
    .reply((_uri, raw) => {
      rec.published.push(JSON.parse(parseForm(raw).view));
      return [200, { ok: true, view: { id: 'V0HOME' } }];
    });
  nock(HOOKS)
    .persist()
    .post(/.*/)
    .reply((_uri, body) => {
      rec.responses.push(body as Record<string, unknown>);
      return [200, 'ok'];
    });
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  store = new MemoryTicketStore();
  const { router } = createSlackApp({
    signingSecret: SECRET,
    botToken: 'xoxb-test',
    slackApiUrl: `${SLACK}/api/`,
    config,
    bugTemplates: templates,
    store,
    recordEvents: async (ticketId, events) => {
      rec.events.push({ ticketId, events });
      await store.add(ticketId, events);
    },
    intents: { dispatch: async (intents) => void rec.intents.push(...intents) },
    clock: { now: () => NOW },
    searchCompanies: searchKnownCompanies(store),
    nextBusinessDay: () => NEXT_BUSINESS_DAY,
    slaDeadline: (t) => (t.createdAt ?? 0) + 3600_000,
    slaClocks: (t) => [{ label: 'Primera respuesta (contractual)', deadline: (t.createdAt ?? 0) + 3600_000, state: 'running' }],
    ladderStage: () => null,
    processBeforeResponse: true,
  });
  ({ server, url: base } = await serveSlackRouter(router));
});

afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await new Promise((r) => server.close(r));
});

beforeEach(async () => {
  rec = { events: [], intents: [], opened: [], published: [], responses: [], groupCalls: 0, userInfo: 0 };
  nock.cleanAll();
  fakeSlack();
  store.logs.clear();
  await store.add(CONVERSATION_ID, [
    ...openedConversation(),
    {
      id: 'classified',
      ticketId: CONVERSATION_ID,
      at: OPENED_AT + 1000,
      source: 'bot',
      kind: 'Classified',
      classification: {
        type: 'incidencia',
        priority: 'Muy Alta',
        evoCriticality: null,
        flags: { complaint: false, keyAccount: true, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false },
        confidence: 0.9,
        rules: [],
      },
    },
  ]);
});

/** Sends a request to the app signed like Slack does (or not, with `signature`/`timestamp`). */
async function send(body: string, contentType: string, opts: { timestamp?: number; signature?: string } = {}): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const res = await postSigned(base, SECRET, body, contentType, opts.timestamp, opts.signature);
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

const command = (text: string, user = MEMBER, name = '/bug') =>
  send(new URLSearchParams({ ...apiFixture<Record<string, string>>('slack/slash-command-form.json'), command: name, text, user_id: user }).toString(), 'application/x-www-form-urlencoded');

const interaction = (payload: unknown) => send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');

/** A view_submission of `view` with `values`, as Slack posts it. */
function submission(callbackId: string, meta: string, values: Record<string, unknown>, user = MEMBER, viewId = 'V0A1B2C3D4E') {
  const fixture = apiFixture<{ view: Record<string, unknown>; user: Record<string, unknown> }>('slack/interactivity-view_submission.json');
  return { ...fixture, user: { ...fixture.user, id: user }, view: { ...fixture.view, id: viewId, callback_id: callbackId, private_metadata: meta, state: { values } } };
}

/** A complete, valid answer to a template, in Slack's state shape. */
function answers(t: BugTemplate, conversation = CONVERSATION_ID): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of t.fields) {
    let v: Record<string, unknown>;
    if (f.type === 'select') v = { type: 'static_select', selected_option: { value: f.options[0].value, text: { type: 'plain_text', text: f.options[0].label } } };
    else if (f.type === 'priority') v = { type: 'static_select', selected_option: { value: 'Alta', text: { type: 'plain_text', text: 'Alta' } } };
    else if (f.type === 'date') v = { type: 'datepicker', selected_date: '2026-01-13' };
    else if (f.type === 'url' || f.type === 'urls') v = { type: 'url_text_input', value: 'https://www.example.com/es/checkout' };
    else if (f.type === 'number') v = { type: 'number_input', value: '4' };
    else if (f.type === 'conversation') v = { type: 'plain_text_input', value: `https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/${conversation}` };
    else if (f.type === 'customer') {
      values[f.id] = { [BUG_IDS.customerAction]: { type: 'external_select', selected_option: { value: '6582f1a9', text: { type: 'plain_text', text: 'Calzados Ribera S.L.' } } } };
      continue;
    } else v = { type: 'plain_text_input', value: f.type === 'text' && f.format ? 'cliente@example.com' : 'Falla el pago con Bizum' };
    values[f.id] = { [BUG_IDS.input]: v };
  }
  return values;
}

describe('Slack request verification (Bolt, 5-minute replay window)', () => {
  const challenge = JSON.stringify(apiFixture('slack/events-url_verification.json'));

  it('answers a correctly signed request', async () => {
    const res = await send(challenge, 'application/json');
    expect(res.status).toBe(200);
    expect(res.json().challenge).toBe((JSON.parse(challenge) as { challenge: string }).challenge);
  });

  it('refuses a forged signature', async () => {
    const res = await send(challenge, 'application/json', { signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), challenge) });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request older than five minutes (a replay)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await send(challenge, 'application/json', { timestamp: stale, signature: slackSignature(SECRET, stale, challenge) });
    expect(res.status).toBe(401);
  });

  it('refuses a body changed after signing', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await send(challenge.replace('url_verification', 'url_verificatioN'), 'application/json', { timestamp: ts, signature: slackSignature(SECRET, ts, challenge) });
    expect(res.status).toBe(401);
  });
});

describe('/bug', () => {
  it('opens the kind picker for a member of the support group', async () => {
    const res = await command('');
    expect(res.status).toBe(200);
    expect(rec.opened).toHaveLength(1);
    expect(rec.opened[0]).toMatchObject({ type: 'modal', callback_id: BUG_IDS.kindView });
    expect(rec.events).toEqual([]);
  });

  it('politely refuses someone outside the support group, without opening anything', async () => {
    const res = await command('', OUTSIDER);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ response_type: 'ephemeral', text: REFUSAL });
    expect(rec.opened).toEqual([]);
  });

  it('asks Slack for the group once and then uses its cache', async () => {
    await command('');
    await command('', OUTSIDER);
    expect(rec.groupCalls).toBeLessThanOrEqual(1);
  });

  it('with a conversation pre-selects its customer and the rules engine\'s priority in the template', async () => {
    await command(`https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/${CONVERSATION_ID}`);
    const picker = rec.opened[0] as { private_metadata: string };
    const meta = JSON.parse(picker.private_metadata) as Record<string, unknown>;
    expect(meta).toMatchObject({ conversationId: CONVERSATION_ID, customer: { id: '6582f1a9c4d2e10001a3b4c5', name: 'Calzados Ribera S.L.' }, prefill: { priority: 'Muy Alta' } });

    const res = await interaction(submission(BUG_IDS.kindView, picker.private_metadata, { kind: { v: { type: 'static_select', selected_option: { value: 'checkout-payments' } } } }));
    const body = res.json() as { response_action: string; view: { callback_id: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] } };
    expect(body.response_action).toBe('update');
    expect(body.view.callback_id).toBe(BUG_IDS.formView);
    const block = (id: string) => body.view.blocks.find((b) => b.block_id === id)!;
    expect(block('priority').element!.initial_option).toMatchObject({ value: 'Muy Alta' });
    expect(block('customer').element!.initial_option).toMatchObject({ value: '6582f1a9c4d2e10001a3b4c5' });
    expect(block('conversation').element!.initial_value).toBe(CONVERSATION_ID);
  });

  it('tells the agent when the conversation already has its Jira issue', async () => {
    await store.add(CONVERSATION_ID, [{ id: 'jl', ticketId: CONVERSATION_ID, at: NOW, source: 'bot', kind: 'JiraLinked', key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482' }]);
    const res = await command(CONVERSATION_ID);
    expect(res.json()).toEqual({ response_type: 'ephemeral', text: `La conversación #${CONVERSATION_ID} ya tiene su incidencia en Jira: <https://example.atlassian.net/browse/INC-482|INC-482>.` });
    expect(rec.opened).toEqual([]);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))('the %s template', (_id, template) => {
  const meta = encodeBugFormMeta({ kind: template.id, prefill: {} });

  it('answers missing required fields in the modal (response_action: errors)', async () => {
    const res = await interaction(submission(BUG_IDS.formView, meta, {}));
    const body = res.json() as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(template.fields.filter((f) => f.required).map((f) => f.id).sort());
    expect(rec.events).toEqual([]);
    expect(rec.intents).toEqual([]);
  });

  it('records the bug and queues its Jira issue, then closes the modal', async () => {
    const res = await interaction(submission(BUG_IDS.formView, meta, answers(template)));
    expect(res.json()).toEqual({ response_action: 'clear' });
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0].ticketId).toBe(CONVERSATION_ID);
    expect(rec.events[0].events[0]).toMatchObject({ id: `bug-filed:${CONVERSATION_ID}`, kind: 'BugFiled', bugKind: template.id, by: MEMBER, priority: 'Alta', fields: { conversation: CONVERSATION_ID, customer: 'Calzados Ribera S.L.' } });
    expect(rec.intents).toEqual([{ kind: 'jira.createIssue', key: `jira.createIssue:${CONVERSATION_ID}`, ticketId: CONVERSATION_ID, bugId: CONVERSATION_ID }]);
  });
});

describe('the customer select', () => {
  it('offers the known companies matching what the agent types', async () => {
    const res = await interaction({
      type: 'block_suggestion',
      user: { id: MEMBER, team_id: 'T04ABCD1EF' },
      team: { id: 'T04ABCD1EF', domain: 'soporte-ecomm' },
      api_app_id: 'A07CARE0RLY',
      token: 'Zq4xR8mN2pL6vT0sW3yB7cJ1',
      container: { type: 'view', view_id: 'V0A1B2C3D4E' },
      view: { id: 'V0A1B2C3D4E', type: 'modal', callback_id: BUG_IDS.formView },
      block_id: 'customer',
      action_id: BUG_IDS.customerAction,
      value: 'ribera',
    });
    expect(res.json()).toEqual({ options: [{ text: { type: 'plain_text', text: 'Calzados Ribera S.L.' }, value: '6582f1a9c4d2e10001a3b4c5' }] });
  });
});

describe('filing twice', () => {
  const checkout = templates[0];
  const meta = encodeBugFormMeta({ kind: checkout.id, prefill: {} });

  it('a double submission records the same event id and the same intent key (stored and queued once)', async () => {
    await interaction(submission(BUG_IDS.formView, meta, answers(checkout)));
    await interaction(submission(BUG_IDS.formView, meta, answers(checkout)));
    expect(rec.events.map((e) => e.events[0].id)).toEqual([`bug-filed:${CONVERSATION_ID}`, `bug-filed:${CONVERSATION_ID}`]);
    expect(new Set(rec.intents.map((i) => i.key)).size).toBe(1);
    expect(await store.events(CONVERSATION_ID)).toHaveLength(3);
  });

  it('the shipped templates require the Intercom conversation', async () => {
    const noConversation = { ...answers(checkout) };
    delete noConversation.conversation;
    const res = await interaction(submission(BUG_IDS.formView, meta, noConversation, MEMBER, 'V0SOLO00001'));
    expect(res.json()).toMatchObject({ response_action: 'errors', errors: { conversation: 'Este campo es obligatorio.' } });
    expect(rec.intents).toEqual([]);
  });

  it('someone outside the group cannot submit a modal', async () => {
    const res = await interaction(submission(BUG_IDS.formView, meta, answers(checkout), OUTSIDER));
    expect(res.json()).toEqual({ response_action: 'errors', errors: { summary: REFUSAL } });
    expect(rec.events).toEqual([]);
  });
});

describe('the "File as bug" message shortcut', () => {
  it('pre-fills the summary and description from the message and the conversation from its Intercom link', async () => {
    const shortcut = apiFixture<Record<string, unknown> & { message: Record<string, unknown> }>('slack/interactivity-message_action.json');
    const text = `Calzados Ribera dice que Bizum falla en el checkout <https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/${CONVERSATION_ID}|conversación>`;
    await interaction({ ...shortcut, callback_id: 'cr_file_bug', message: { ...shortcut.message, text } });
    expect(rec.opened).toHaveLength(1);
    const meta = JSON.parse((rec.opened[0] as { private_metadata: string }).private_metadata);
    expect(meta).toMatchObject({
      conversationId: CONVERSATION_ID,
      channelId: 'C06SOPINC01',
      messageTs: '1768380388.114209',
      prefill: { summary: expect.stringContaining('Calzados Ribera dice que Bizum falla en el checkout conversación'), priority: 'Muy Alta' },
    });
  });

  it('refuses an outsider through the response_url', async () => {
    const shortcut = apiFixture<Record<string, unknown> & { user: Record<string, unknown> }>('slack/interactivity-message_action.json');
    await interaction({ ...shortcut, callback_id: 'cr_file_bug', user: { ...shortcut.user, id: OUTSIDER } });
    expect(rec.opened).toEqual([]);
    expect(rec.responses).toEqual([expect.objectContaining({ response_type: 'ephemeral', text: REFUSAL })]);
  });
});

describe('buttons on alerts', () => {
  const click = (actionId: string, user = MEMBER) => {
    const fixture = apiFixture<Record<string, unknown> & { actions: Record<string, unknown>[]; user: Record<string, unknown> }>('slack/interactivity-block_actions.json');
    return interaction({ ...fixture, user: { ...fixture.user, id: user }, actions: [{ ...fixture.actions[0], action_id: actionId, value: CONVERSATION_ID }] });
  };

  it('"snooze the ladder" records LadderSnoozed until the next business day', async () => {
    await click('alert.snooze-ladder');
    expect(rec.events).toEqual([
      { ticketId: CONVERSATION_ID, events: [{ id: `ladder-snoozed:${CONVERSATION_ID}:1768380611.204518`, ticketId: CONVERSATION_ID, at: NOW, source: 'slack', kind: 'LadderSnoozed', until: NEXT_BUSINESS_DAY, by: MEMBER }] },
    ]);
    expect(rec.responses[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('pospuesto hasta el 15/01 09:41') });
  });

  it('"waiting on customer" records WaitingOnCustomer', async () => {
    await click('alert.waiting-on-customer');
    expect(rec.events[0].events[0]).toMatchObject({ kind: 'WaitingOnCustomer', by: MEMBER });
    expect((await store.get(CONVERSATION_ID))?.status).toBe('waiting-on-customer');
  });

  it('"create Jira issue" opens the bug modal for that conversation', async () => {
    await click('crear_incidencia_jira');
    expect(rec.opened).toHaveLength(1);
    expect(JSON.parse((rec.opened[0] as { private_metadata: string }).private_metadata)).toMatchObject({ conversationId: CONVERSATION_ID, messageTs: '1768380493.482919' });
  });

  it('"reclassify" opens a modal whose submission records Reclassified, refusing a priority that does not fit', async () => {
    await click('alert.reclassify');
    expect(rec.opened[0]).toMatchObject({ callback_id: 'cr_reclassify' });
    const meta = (rec.opened[0] as { private_metadata: string }).private_metadata;
    const pick = (type: string, priority: string) => ({ type: { v: { selected_option: { value: type } } }, priority: { v: { selected_option: { value: priority } } }, reason: { v: { value: 'Es una mejora' } } });
    const bad = await interaction(submission('cr_reclassify', meta, pick('evolutivo', 'Muy Alta'), MEMBER, 'V0RECLASS01'));
    expect(bad.json()).toMatchObject({ response_action: 'errors', errors: { priority: expect.any(String) } });
    const ok = await interaction(submission('cr_reclassify', meta, pick('evolutivo', 'Urgente'), MEMBER, 'V0RECLASS01'));
    expect(ok.json()).toEqual({ response_action: 'clear' });
    expect(rec.events[0].events[0]).toMatchObject({ id: 'reclassified:V0RECLASS01', kind: 'Reclassified', type: 'evolutivo', priority: 'Urgente', by: MEMBER, reason: 'Es una mejora' });
  });

  it('an outsider\'s click changes nothing and is told why', async () => {
    await click('alert.waiting-on-customer', OUTSIDER);
    expect(rec.events).toEqual([]);
    expect(rec.responses).toEqual([expect.objectContaining({ text: REFUSAL })]);
  });
});

describe('/ticket and App Home', () => {
  it('/ticket shows the state of a conversation to the caller only', async () => {
    const res = await command(`https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/${CONVERSATION_ID}`, MEMBER, '/ticket');
    const body = res.json() as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe(`#${CONVERSATION_ID} · Calzados Ribera S.L.`);
    expect(JSON.stringify(body.blocks)).toContain('*Tipo:* incidencia · *Prioridad:* Muy Alta · :large_orange_diamond: *KA*');
  });

  it('App Home lists the tickets assigned to the agent in Intercom (found by e-mail) and the bugs they filed', async () => {
    await store.add('215470001111111', [{ id: 'o2', ticketId: '215470001111111', at: OPENED_AT, source: 'intercom', kind: 'ConversationOpened', assigneeId: '7099999' }]);
    await store.add('215470002222222', [{ id: 'bf', ticketId: '215470002222222', at: NOW, source: 'slack', kind: 'BugFiled', bugKind: 'other', by: MEMBER, fields: {} }]);
    const envelope = apiFixture('slack/events-app_home_opened.json');
    await send(JSON.stringify(envelope), 'application/json');
    await send(JSON.stringify({ ...envelope, event_id: 'Ev0SECOND' }), 'application/json');
    expect(rec.published).toHaveLength(2);
    const json = JSON.stringify(rec.published[0]);
    expect(json).toContain(`#${CONVERSATION_ID}`); // assigned to 7012345 = Lucía
    expect(json).toContain('#215470002222222'); // a bug she filed
    expect(json).not.toContain('#215470001111111'); // someone else's
    expect(json).toContain('*2* conversaciones abiertas');
    expect(rec.userInfo).toBe(1); // remembered
  });
});
