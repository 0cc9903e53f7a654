import type { SlaTargetView } from '../../../src/domain/followup';
import { at, decide, destination, ev, local, NO_FLAGS, ticketOf } from './support';

const T = '3001';
const events = [
  ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', tags: [] } }),
  ev(T, '2026-10-13 09:00', {
    kind: 'Classified',
    source: 'bot',
    classification: { type: 'incidencia', priority: 'Alta', evoCriticality: null, confidence: 0.9, rules: [], flags: NO_FLAGS },
  }),
  ev(T, '2026-10-13 09:30', { kind: 'JiraLinked', source: 'jira', key: 'SUP-42', url: 'https://acme.atlassian.net/browse/SUP-42' }),
];
const ticket = ticketOf(T, events);

function view(id: string, state: SlaTargetView['state'], deadline: string, atRisk: string): SlaTargetView {
  const [scope, measure] = id.split('.');
  return { id, contractual: scope === 'contractual', measure, state, deadline: at(deadline), atRiskAt: at(atRisk), targetMs: 4 * 3_600_000 };
}

/** Intents as `alert:target → destination`, the record target's cycle (`~`) and deadline (`#`) as local time. */
function lines(d: ReturnType<typeof decide>): string[] {
  const readable = (target = '') => target.replace(/([~#])(\d+)/g, (_m, mark: string, ms: string) => `${mark}${local(Number(ms))}`);
  return d.intents.map((i) => `${i.record?.alert}:${readable(i.record?.target)} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`);
}

describe('SLA alerts', () => {
  it('a running target wakes the timers at its at-risk instant and its deadline, and says nothing yet', () => {
    const d = decide(ticket, at('2026-10-13 10:00'), { sla: [view('contractual.firstResponse', 'running', '2026-10-13 13:00', '2026-10-13 12:00')] });
    expect(d.intents).toEqual([]);
    expect(d.wakes.filter((w) => w.clock !== 'stale-ticket')).toEqual([
      { at: at('2026-10-13 12:00'), clock: 'sla-at-risk', target: 'contractual.firstResponse' },
      { at: at('2026-10-13 13:00'), clock: 'sla-breached', target: 'contractual.firstResponse' },
    ]);
  });

  it('at risk → a DM to the assignee and a post in the team channel, both linking the conversation and the Jira issue', () => {
    const d = decide(ticket, at('2026-10-13 12:00'), { sla: [view('contractual.firstResponse', 'at-risk', '2026-10-13 13:00', '2026-10-13 12:00')] });
    expect(lines(d)).toEqual(['sla-at-risk:contractual.firstResponse#2026-10-13 13:00 → @admin:adm-ana', 'sla-at-risk:contractual.firstResponse#2026-10-13 13:00@team → #CTEAM']);
    const dm = d.intents[0];
    expect(dm.kind === 'slack.post' && dm.text).toBe('⏳ Ticket #3001 from ACME (Alta) is at risk: first response (contractual) due Tue 13/10 13:00 (1h left).');
    const context = JSON.stringify(dm.kind === 'slack.post' && dm.blocks);
    expect(context).toContain('<https://app.intercom.com/a/inbox/x/inbox/conversation/3001|Intercom #3001>');
    expect(context).toContain('<https://acme.atlassian.net/browse/SUP-42|Jira SUP-42>');
  });

  it('a contractual breach is louder than an internal one: a mention, a red header, and the assignee is told', () => {
    const now = at('2026-10-13 14:30');
    const contractual = decide(ticket, now, { sla: [view('contractual.firstResponse', 'breached', '2026-10-13 13:00', '2026-10-13 12:00')] });
    expect(lines(contractual)).toEqual(['sla-breached:contractual.firstResponse#2026-10-13 13:00 → #CMGR', 'sla-breached:contractual.firstResponse#2026-10-13 13:00@assignee → @admin:adm-ana']);
    const post = contractual.intents[0];
    if (post.kind !== 'slack.post') throw new Error('expected a Slack post');
    expect(post.text).toBe('<!here> 🚨 CONTRACTUAL SLA breached: #3001 from ACME (Gold, Alta) — first response (contractual) was due Tue 13/10 13:00, 1h 30m ago.');
    expect(post.urgent).toBe(true);
    expect(post.blocks?.[0]).toMatchObject({ type: 'header' });
    const internal = decide(ticket, now, { sla: [view('internal.firstResponse', 'breached', '2026-10-13 11:00', '2026-10-13 10:30')] });
    expect(lines(internal)).toEqual(['sla-breached:internal.firstResponse#2026-10-13 11:00 → #CMGR']);
    const quiet = internal.intents[0];
    expect(quiet.kind === 'slack.post' && quiet.urgent).toBeUndefined();
    expect(quiet.kind === 'slack.post' && quiet.text.startsWith('⚠️ Internal SLA breached')).toBe(true);
  });

  it('a breach shows customer, plan, KA badge, priority, target, how late, and the four buttons', () => {
    const d = decide(ticket, at('2026-10-13 14:30'), { sla: [view('contractual.firstResponse', 'breached', '2026-10-13 13:00', '2026-10-13 12:00')] });
    const post = d.intents[0];
    if (post.kind !== 'slack.post') throw new Error('expected a Slack post');
    const fields = (post.blocks?.[2] as { fields: { text: string }[] }).fields.map((f) => f.text);
    expect(fields).toEqual(['*Customer*\nACME', '*Plan*\nGold', '*Priority*\nAlta', '*Key account*\n—', '*Target*\nfirst response (contractual)', '*Late by*\n1h 30m']);
    const actions = post.blocks?.[3] as { elements: { action_id: string; url?: string; value?: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['alert.open-intercom', 'alert.open-jira', 'alert.snooze-ladder', 'alert.waiting-on-customer', 'alert.reclassify']);
    expect(actions.elements[1].url).toBe('https://acme.atlassian.net/browse/SUP-42');
    expect(actions.elements[2].value).toBe('3001');
  });

  it('a breach on a ticket with no Jira issue offers to create one instead of opening it', () => {
    const noJira = { ...ticket, jira: null };
    const d = decide(noJira, at('2026-10-13 14:30'), { sla: [view('contractual.firstResponse', 'breached', '2026-10-13 13:00', '2026-10-13 12:00')] });
    const post = d.intents[0];
    if (post.kind !== 'slack.post') throw new Error('expected a Slack post');
    const actions = post.blocks?.[3] as { elements: { action_id: string; value?: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['alert.open-intercom', 'alert.create-jira', 'alert.snooze-ladder', 'alert.waiting-on-customer', 'alert.reclassify']);
    expect(actions.elements[1].value).toBe('3001');
  });

  it('a breached target skips its at-risk alert; paused and met targets say nothing', () => {
    const d = decide(ticket, at('2026-10-13 14:30'), {
      sla: [view('internal.firstResponse', 'breached', '2026-10-13 11:00', '2026-10-13 10:30'), view('contractual.resolution', 'paused', '2026-10-14 13:00', '2026-10-14 09:00'), view('internal.resolution', 'met', '2026-10-13 17:00', '2026-10-13 15:00')],
    });
    expect(lines(d)).toEqual(['sla-breached:internal.firstResponse#2026-10-13 11:00 → #CMGR']);
    expect(d.wakes.filter((w) => w.clock !== 'stale-ticket')).toEqual([]);
  });

  it('the resolution intent exceeded escalates one level up and reminds the agent to tell the customer', () => {
    const now = at('2026-10-14 14:00');
    const internal = decide(ticket, now, { sla: [view('internal.resolution', 'breached', '2026-10-13 17:00', '2026-10-13 15:00')] });
    expect(lines(internal)).toEqual(['resolution-exceeded:internal.resolution#2026-10-13 17:00 → #CTEAM', 'resolution-exceeded:internal.resolution#2026-10-13 17:00@assignee → @admin:adm-ana']);
    const agent = internal.intents[1];
    expect(agent.kind === 'slack.post' && agent.text).toContain('tell the customer');
    const contractual = decide(ticket, now, { sla: [view('contractual.resolution', 'breached', '2026-10-14 13:00', '2026-10-14 09:00')] });
    expect(lines(contractual)).toEqual(['resolution-exceeded:contractual.resolution#2026-10-14 13:00 → #CMGR', 'resolution-exceeded:contractual.resolution#2026-10-14 13:00@assignee → @admin:adm-ana']);
  });

  it('an alert already recorded is not sent again, whatever the retries; the key is stable', () => {
    const sla = [view('contractual.firstResponse', 'at-risk', '2026-10-13 13:00', '2026-10-13 12:00')];
    const first = decide(ticket, at('2026-10-13 12:00'), { sla });
    const retry = decide(ticket, at('2026-10-13 12:05'), { sla });
    expect(retry.intents.map((i) => i.key)).toEqual(first.intents.map((i) => i.key));
    const deadline = at('2026-10-13 13:00');
    const sent = [
      ev(T, '2026-10-13 12:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-at-risk', target: `contractual.firstResponse#${deadline}` }),
      ev(T, '2026-10-13 12:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-at-risk', target: `contractual.firstResponse#${deadline}@team` }),
    ];
    expect(decide(ticketOf(T, [...events, ...sent]), at('2026-10-13 12:10'), { sla }).intents).toEqual([]);
  });
});

describe('a target per customer message (everyResponse, "every customer gets an answer within 24 hours")', () => {
  it('alerts once per unanswered message, not once per ticket', () => {
    const first: SlaTargetView = { id: 'contractual.answer24h', contractual: true, measure: 'everyResponse', state: 'breached', deadline: at('2026-10-14 09:00'), atRiskAt: at('2026-10-13 18:00'), targetMs: 24 * 3_600_000, startedAt: at('2026-10-13 09:00') };
    const d1 = decide(ticket, at('2026-10-14 09:00'), { sla: [first] });
    expect(lines(d1)).toEqual(['sla-breached:contractual.answer24h~2026-10-13 09:00#2026-10-14 09:00 → #CMGR', 'sla-breached:contractual.answer24h~2026-10-13 09:00#2026-10-14 09:00@assignee → @admin:adm-ana']);
    const recorded = d1.intents.map((i, n) => ev(T, '2026-10-14 09:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-breached', target: i.record!.target, channel: `c${n}` }));
    const t2 = ticketOf(T, [...events, ...recorded]);
    expect(decide(t2, at('2026-10-14 10:00'), { sla: [first] }).intents).toEqual([]);
    const second = { ...first, deadline: at('2026-10-16 09:00'), startedAt: at('2026-10-15 09:00') };
    expect(lines(decide(t2, at('2026-10-16 09:00'), { sla: [second] }))[0]).toBe('sla-breached:contractual.answer24h~2026-10-15 09:00#2026-10-16 09:00 → #CMGR');
  });
});
