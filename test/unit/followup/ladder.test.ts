import { ladderPosition } from '../../../src/domain/followup';
import { at, decide, destination, ev, local, madrid, ticketOf, config } from './support';

const T = '1001';
const opened = ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', body: 'El checkout falla', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', tags: [] } });
const reply = ev(T, '2026-10-13 10:00', { kind: 'SupportReplied', adminId: 'adm-ana', body: 'Lo revisamos' });
const interval = config.followup.ladder.interval;

/** The ladder's cycle suffix of a record target: the last public reply it counts from. */
const cycle = (reply: string) => `~${at(reply)}`;
const C1 = cycle('2026-10-13 10:00');

function posted(events: Parameters<typeof ticketOf>[1], now: string) {
  return decide(ticketOf(T, events), at(now)).intents.map((i) => `${i.record?.alert}:${i.record?.target} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`);
}

describe('the follow-up ladder', () => {
  it('counts 48 business hours from the last public reply: stage 1 on Tuesday 20 at 13:00, stage 2 a week later across the DST change', () => {
    const pos = ladderPosition(ticketOf(T, [opened, reply]), madrid, interval);
    expect(pos.dues.map(local)).toEqual(['2026-10-20 13:00', '2026-10-27 16:00', '2026-11-04 10:00', '2026-11-11 13:00']);
  });

  it('skips the 12 October holiday: a reply on Friday 9 at 16:00 reaches stage 1 on Tuesday 20 at 10:00', () => {
    const o = ev(T, '2026-10-09 09:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana' });
    const r = ev(T, '2026-10-09 16:00', { kind: 'SupportReplied', adminId: 'adm-ana' });
    expect(local(ladderPosition(ticketOf(T, [o, r]), madrid, interval).dues[0])).toBe('2026-10-20 10:00');
  });

  it('is silent before the stage is due and tells the assignee, with the stage guidance, when it is', () => {
    expect(posted([opened, reply], '2026-10-20 12:59')).toEqual([]);
    const d = decide(ticketOf(T, [opened, reply]), at('2026-10-20 13:00'));
    expect(d.intents).toHaveLength(1);
    const intent = d.intents[0];
    expect(intent).toMatchObject({ kind: 'slack.post', to: { kind: 'user', intercomAdminId: 'adm-ana' }, record: { alert: 'ladder', target: `1${C1}` } });
    expect(intent.kind === 'slack.post' && intent.text).toContain('Follow-up 1/4');
    expect(intent.kind === 'slack.post' && intent.text).toContain('concrete detail');
    expect(intent.key).toBe(`alert:ladder:${T}:1${C1}:${at('2026-10-20 13:00')}`);
    expect(d.wakes[0]).toEqual({ at: at('2026-10-27 16:00'), clock: 'ladder', target: '2' });
  });

  it('sends a stage once: after its AlertSent is recorded, nothing more until the next stage', () => {
    const sent = ev(T, '2026-10-20 13:00', { kind: 'AlertSent', source: 'bot', alert: 'ladder', target: `1${C1}` });
    expect(posted([opened, reply, sent], '2026-10-21 09:00')).toEqual([]);
    const s2 = posted([opened, reply, sent], '2026-10-27 16:00');
    expect(s2).toEqual([`ladder:2${C1} → @admin:adm-ana`]);
  });

  it('the second stage asks for the department, the suspected cause and a first estimate', () => {
    const d = decide(ticketOf(T, [opened, reply]), at('2026-10-27 16:00'));
    const intent = d.intents[0];
    expect(intent.kind === 'slack.post' && intent.text).toContain('which department has it, the suspected cause and a first estimate');
  });

  it('a late run sends only the highest stage reached, not every stage passed', () => {
    expect(posted([opened, reply], '2026-11-05 09:00')).toEqual([`ladder:3${C1} → @admin:adm-ana`]);
  });

  it('the fourth stage escalates to the head of department (DM) and the managers channel', () => {
    const cfg = { ...config.followup, people: { headOfDepartment: 'UHEAD001' } };
    const d = decide(ticketOf(T, [opened, reply]), at('2026-11-11 13:00'), { config: cfg });
    expect(d.intents.map((i) => `${i.record?.target} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`)).toEqual([`4${C1} → #CMGR`, `4${C1}@head → @UHEAD001`, `4${C1}@assignee → @admin:adm-ana`]);
    const managers = d.intents[0];
    expect(managers.kind === 'slack.post' && managers.urgent).toBe(true);
  });

  it('a public support reply resets the ladder: stage 1 again, 48 business hours after it', () => {
    const sent = ev(T, '2026-10-20 13:00', { kind: 'AlertSent', source: 'bot', alert: 'ladder', target: `1${C1}` });
    const again = ev(T, '2026-10-20 15:00', { kind: 'SupportReplied', adminId: 'adm-ana' });
    const t = ticketOf(T, [opened, reply, sent, again]);
    expect(local(ladderPosition(t, madrid, interval).dues[0])).toBe('2026-10-28 09:00');
    expect(posted([opened, reply, sent, again], '2026-10-27 16:59')).toEqual([]);
    // The stage-1 record of the earlier cycle does not count for the new one.
    expect(posted([opened, reply, sent, again], '2026-10-28 09:00')).toEqual([`ladder:1${cycle('2026-10-20 15:00')} → @admin:adm-ana`]);
  });

  it('a customer message stops the ladder (the ticket now needs an answer)', () => {
    const msg = ev(T, '2026-10-19 09:00', { kind: 'CustomerMessaged', body: '¿Novedades?' });
    expect(ladderPosition(ticketOf(T, [opened, reply, msg]), madrid, interval).dues).toEqual([]);
    expect(posted([opened, reply, msg], '2026-10-30 10:00')).toEqual([]);
  });

  it('a ladder snooze postpones the stage to the end of the snooze', () => {
    const snooze = ev(T, '2026-10-20 12:00', { kind: 'LadderSnoozed', source: 'slack', until: at('2026-10-21 12:00'), by: 'U123' });
    expect(posted([opened, reply, snooze], '2026-10-20 13:00')).toEqual([]);
    expect(posted([opened, reply, snooze], '2026-10-21 12:00')).toEqual([`ladder:1${C1} → @admin:adm-ana`]);
  });

  it('a ticket handed to an external provider keeps its ladder: it stays ours', () => {
    const provider = ev(T, '2026-10-14 09:00', { kind: 'WaitingOnProvider', provider: 'acme-hosting' });
    expect(posted([opened, reply, provider], '2026-10-20 13:00')).toEqual([`ladder:1${C1} → @admin:adm-ana`]);
  });

  it('a ticket waiting on the customer or closed has no ladder', () => {
    const waiting = ev(T, '2026-10-13 10:00', { kind: 'WaitingOnCustomer' });
    const closed = ev(T, '2026-10-14 10:00', { kind: 'Closed' });
    expect(ladderPosition(ticketOf(T, [opened, reply, closed]), madrid, interval).dues).toEqual([]);
    // Waiting on the customer: no ladder; the customer-silent reminders take over instead.
    expect(posted([opened, reply, waiting], '2026-10-20 13:00')).toEqual([`customer-silent:close${C1} → @admin:adm-ana`]);
  });

  it('an unassigned ticket nags the team channel', () => {
    const o = ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', assigneeId: null });
    expect(posted([o, reply], '2026-10-20 13:00')).toEqual([`ladder:1${C1} → #CTEAM`]);
  });
});
