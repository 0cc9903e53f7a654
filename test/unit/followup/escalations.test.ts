import type { Classification } from '../../../src/domain/events';
import { at, config, decide, destination, ev, NO_FLAGS, ticketOf } from './support';

const T = '2001';
const opened = (company: object = { id: 'acme', name: 'ACME', plan: 'Silver', tags: [] }) =>
  ev(T, '2026-10-14 10:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: company as never });
const classified = (c: Partial<Omit<Classification, 'flags'>> & { flags?: Partial<Classification['flags']> }) =>
  ev(T, '2026-10-14 10:00', {
    kind: 'Classified',
    source: 'bot',
    classification: { type: 'consulta', priority: null, evoCriticality: null, confidence: 0.9, rules: [], ...c, flags: { ...NO_FLAGS, ...c.flags } },
  });

function lines(d: ReturnType<typeof decide>): string[] {
  return d.intents.map((i) => `${i.record?.alert}:${i.record?.target} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`);
}

describe('escalations', () => {
  it('a complaint goes to the company CSM at once', () => {
    const t = ticketOf(T, [opened({ id: 'acme', name: 'ACME', plan: 'Silver', tags: [], csm: 'UCSM0001' }), classified({ flags: { complaint: true } })]);
    const d = decide(t, at('2026-10-14 10:01'));
    expect(lines(d)).toEqual(['complaint:csm → @UCSM0001']);
    const post = d.intents[0];
    expect(post.kind === 'slack.post' && post.text).toBe('😠 Complaint from ACME (Silver) on #2001: please take it up as CSM now.');
  });

  it('a complaint from a company without CSM goes to the default CSM, else to the managers channel', () => {
    const t = ticketOf(T, [opened(), classified({ flags: { complaint: true } })]);
    const cfg = { ...config.followup, people: { defaultCsm: 'UDEFCSM1' } };
    expect(lines(decide(t, at('2026-10-14 10:01'), { config: cfg }))).toEqual(['complaint:csm → @UDEFCSM1']);
    expect(lines(decide(t, at('2026-10-14 10:01')))).toEqual(['complaint:csm → #CMGR']);
  });

  it('a key-account incident is flagged to the managers channel, loudly, with the KA badge', () => {
    const t = ticketOf(T, [opened({ id: 'big', name: 'BigCo', plan: 'Platinum', tags: ['KA'] }), classified({ type: 'incidencia', priority: 'Media' })]);
    const d = decide(t, at('2026-10-14 10:01'));
    expect(lines(d)).toEqual(['ka-incident:incident → #CMGR']);
    const post = d.intents[0];
    expect(post.kind === 'slack.post' && post.urgent).toBe(true);
    expect(JSON.stringify(post.kind === 'slack.post' && post.blocks)).toContain('⭐ KA');
  });

  it('suggests a phone call after six exchanges without a conclusion, once', () => {
    const events = [opened(), classified({})];
    for (let i = 0; i < 6; i++) {
      events.push(ev(T, `2026-10-15 ${10 + i}:00`, { kind: 'CustomerMessaged', body: 'sigue sin ir' }));
      events.push(ev(T, `2026-10-15 ${10 + i}:30`, { kind: 'SupportReplied', adminId: 'adm-ana' }));
    }
    const five = ticketOf(T, events.slice(0, -1));
    expect(lines(decide(five, at('2026-10-15 16:00')))).toEqual([]);
    const six = ticketOf(T, events);
    expect(six.exchanges).toBe(6);
    expect(lines(decide(six, at('2026-10-15 16:00')))).toEqual(['too-many-exchanges:6 → @admin:adm-ana']);
    const sent = ev(T, '2026-10-15 16:00', { kind: 'AlertSent', source: 'bot', alert: 'too-many-exchanges', target: '6' });
    expect(lines(decide(ticketOf(T, [...events, sent]), at('2026-10-15 16:30')))).toEqual([]);
  });

  it('a phone request from a plan without phone support goes to the CSM as a possible upsell', () => {
    const t = ticketOf(T, [opened({ id: 'acme', name: 'ACME', plan: 'Bronze', tags: [], csm: 'UCSM0001' }), classified({ flags: { phoneRequest: true } })]);
    expect(lines(decide(t, at('2026-10-14 10:01'), { phoneIncluded: false }))).toEqual(['phone-upsell:phone → @UCSM0001']);
    expect(lines(decide(t, at('2026-10-14 10:01'), { phoneIncluded: true }))).toEqual([]);
  });

  it('warns the EVO channel on the third Media or Urgente evolutivo of a company in a month (the limit is two)', () => {
    const t = ticketOf(T, [opened(), classified({ type: 'evolutivo', evoCriticality: 'Urgente' })]);
    expect(lines(decide(t, at('2026-10-14 10:01'), { evoRankInMonth: 2 }))).toEqual([]);
    const d = decide(t, at('2026-10-14 10:01'), { evoRankInMonth: 3 });
    expect(lines(d)).toEqual(['evo-monthly-limit:month → #CEVO']);
    const post = d.intents[0];
    expect(post.kind === 'slack.post' && post.text).toBe('📈 ACME opened its Media/Urgente change request no. 3 this month (#2001, Urgente); the limit is 2.');
    const baja = ticketOf(T, [opened(), classified({ type: 'evolutivo', evoCriticality: 'Baja' })]);
    expect(lines(decide(baja, at('2026-10-14 10:01'), { evoRankInMonth: 3 }))).toEqual([]);
  });

  it('a closed ticket escalates nothing', () => {
    const t = ticketOf(T, [opened({ id: 'acme', name: 'ACME', plan: 'Silver', tags: ['KA'], csm: 'UCSM0001' }), classified({ type: 'incidencia', priority: 'Alta', flags: { complaint: true } }), ev(T, '2026-10-14 11:00', { kind: 'Closed' })]);
    expect(lines(decide(t, at('2026-10-14 12:00')))).toEqual([]);
  });
});

describe('quiet hours', () => {
  it('holds a DM outside business hours until the next opening, but posts to channels at once', () => {
    const o = ev(T, '2026-10-16 18:30', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Silver', tags: ['KA'], csm: 'UCSM0001' } });
    const c = ev(T, '2026-10-16 18:30', {
      kind: 'Classified',
      source: 'bot',
      classification: { type: 'incidencia', priority: 'Alta', evoCriticality: null, confidence: 0.9, rules: [], flags: { ...NO_FLAGS, complaint: true } },
    });
    const t = ticketOf(T, [o, c]);
    const friday = decide(t, at('2026-10-16 18:31'));
    expect(lines(friday)).toEqual(['ka-incident:incident → #CMGR']);
    // Friday evening → Monday 08:00 (a weekend in between).
    expect(friday.wakes).toContainEqual({ at: at('2026-10-19 08:00'), clock: 'quiet-hours', target: 'complaint.csm' });
    expect(lines(decide(t, at('2026-10-19 08:00')))).toEqual(['complaint:csm → @UCSM0001', 'ka-incident:incident → #CMGR']);
  });

  it('a Muy Alta may wake people: its DMs go out at night', () => {
    const o = ev(T, '2026-10-17 23:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Silver', tags: [], csm: 'UCSM0001' } });
    const c = ev(T, '2026-10-17 23:00', {
      kind: 'Classified',
      source: 'bot',
      classification: { type: 'incidencia', priority: 'Muy Alta', evoCriticality: null, confidence: 0.9, rules: [], flags: { ...NO_FLAGS, complaint: true } },
    });
    const d = decide(ticketOf(T, [o, c]), at('2026-10-17 23:01'));
    expect(lines(d)).toEqual(['complaint:csm → @UCSM0001']);
    expect(d.intents[0].kind === 'slack.post' && d.intents[0].urgent).toBe(true);
  });
});
