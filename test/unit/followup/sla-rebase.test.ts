import type { SlaTargetView } from '../../../src/domain/followup';
import type { DomainEvent } from '../../../src/domain/events';
import { ticketFacts } from '../../../src/domain/metrics/ticket-facts';
import { slaFactsFromAlerts } from '../../../src/domain/metrics/sla-facts';
import { at, decide, destination, ev, local, NO_FLAGS, ticketOf } from './support';
import { VirtualOffice } from './virtual-office';

/**
 * "Once, at the right time": an SLA alert belongs to a deadline, not to a target forever. A
 * re-based target (priority, type or plan change, provider hand-over) whose deadline moved is
 * announced again, once, for its new deadline; the same deadline is never announced twice.
 */
const T = '3101';
const opened = [
  ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', tags: [] } }),
  ev(T, '2026-10-13 09:00', { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority: 'Media', evoCriticality: null, confidence: 0.9, rules: [], flags: NO_FLAGS } }),
];

function atRisk(deadline: string, risk: string): SlaTargetView {
  return { id: 'contractual.firstResponse', contractual: true, measure: 'firstResponse', state: 'at-risk', deadline: at(deadline), atRiskAt: at(risk), targetMs: 8 * 3_600_000 };
}

/** Intents as `alert:target → destination`, the record target's deadline (`#`) as local time. */
function lines(d: ReturnType<typeof decide>): string[] {
  const readable = (target = '') => target.replace(/([~#])(\d+)/g, (_m, mark: string, ms: string) => `${mark}${local(Number(ms))}`);
  return d.intents.map((i) => `${i.record?.alert}:${readable(i.record?.target)} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`);
}

/** What the bot records once its posts went out (the effects processor appends AlertSent). */
function sent(d: ReturnType<typeof decide>, when: string): DomainEvent[] {
  return d.intents.map((i, n) => ev(T, when, { kind: 'AlertSent', source: 'bot', alert: i.record!.alert, target: i.record!.target, channel: `c${n}` }));
}

describe('SLA alerts belong to a deadline', () => {
  const media = atRisk('2026-10-13 17:00', '2026-10-13 15:00');
  // The SLA tables are configuration: here Alta gives 6 h where Media gave 8 h, so the raised ticket
  // is at risk (at 4 h 30 m) and not yet breached when it is raised at 15:10.
  const alta = { ...atRisk('2026-10-13 16:00', '2026-10-13 14:30'), targetMs: 6 * 3_600_000 };

  it('a Media raised to Alta after its at-risk alert is announced at risk again for the new deadline, once', () => {
    const first = decide(ticketOf(T, opened), at('2026-10-13 15:00'), { sla: [media] });
    expect(lines(first)).toEqual(['sla-at-risk:contractual.firstResponse#2026-10-13 17:00 → @admin:adm-ana', 'sla-at-risk:contractual.firstResponse#2026-10-13 17:00@team → #CTEAM']);
    const raisedEvents = [...opened, ...sent(first, '2026-10-13 15:00'), ev(T, '2026-10-13 15:10', { kind: 'Reclassified', by: 'adm-ana', type: 'incidencia', priority: 'Alta' })];
    const again = decide(ticketOf(T, raisedEvents), at('2026-10-13 15:10'), { sla: [alta] });
    expect(lines(again)).toEqual(['sla-at-risk:contractual.firstResponse#2026-10-13 16:00 → @admin:adm-ana', 'sla-at-risk:contractual.firstResponse#2026-10-13 16:00@team → #CTEAM']);
    const dm = again.intents[0];
    expect(dm.kind === 'slack.post' && dm.text).toBe('⏳ Ticket #3101 from ACME (Alta) is at risk: first response (contractual) due Tue 13/10 16:00 (50m left).');
    // Once: the review after it was posted finds it recorded.
    const told = ticketOf(T, [...raisedEvents, ...sent(again, '2026-10-13 15:10')]);
    expect(decide(told, at('2026-10-13 15:20'), { sla: [alta] }).intents).toEqual([]);
    // Back to Media: that deadline was already announced, so nothing new.
    expect(decide(told, at('2026-10-13 15:30'), { sla: [media] }).intents).toEqual([]);
  });

  it('reviewing the same ticket ten times sends one at-risk alert', () => {
    let events = opened;
    const posted: string[] = [];
    for (let n = 0; n < 10; n++) {
      const when = `2026-10-13 15:${String(n * 5).padStart(2, '0')}`;
      const d = decide(ticketOf(T, events), at(when), { sla: [media] });
      posted.push(...lines(d));
      events = [...events, ...sent(d, when)];
    }
    expect(posted).toEqual(['sla-at-risk:contractual.firstResponse#2026-10-13 17:00 → @admin:adm-ana', 'sla-at-risk:contractual.firstResponse#2026-10-13 17:00@team → #CTEAM']);
  });

  it('retries of the same deadline yield the same intent keys; a moved deadline a new one', () => {
    const a = decide(ticketOf(T, opened), at('2026-10-13 15:00'), { sla: [media] });
    const b = decide(ticketOf(T, opened), at('2026-10-13 15:40'), { sla: [media] });
    expect(b.intents.map((i) => i.key)).toEqual(a.intents.map((i) => i.key));
    const c = decide(ticketOf(T, opened), at('2026-10-13 15:40'), { sla: [alta] });
    expect(c.intents.map((i) => i.key)).not.toEqual(a.intents.map((i) => i.key));
  });

  it('an at-risk alert recorded before alerts carried their deadline is not sent again after the upgrade', () => {
    const legacy = [
      ev(T, '2026-10-13 15:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-at-risk', target: 'contractual.firstResponse' }),
      ev(T, '2026-10-13 15:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-at-risk', target: 'contractual.firstResponse@team' }),
    ];
    expect(decide(ticketOf(T, [...opened, ...legacy]), at('2026-10-13 15:30'), { sla: [media] }).intents).toEqual([]);
  });

  it('a breach is announced once per deadline, and metrics still count one breached first response per ticket and kind', () => {
    const breachedMedia: SlaTargetView = { ...media, state: 'breached' };
    const d1 = decide(ticketOf(T, opened), at('2026-10-13 17:30'), { sla: [breachedMedia] });
    // (The assignee's DM waits for the office to open: 17:30 is after hours.)
    expect(lines(d1)).toEqual(['sla-breached:contractual.firstResponse#2026-10-13 17:00 → #CMGR']);
    const after = [...opened, ...sent(d1, '2026-10-13 17:30')];
    expect(decide(ticketOf(T, after), at('2026-10-13 18:00'), { sla: [breachedMedia] }).intents).toEqual([]);
    // Raised afterwards, the new (earlier) deadline is its own breach; metrics still see one breached
    // contractual first response for the ticket, decided at the first breach alert.
    const again = [...after, ev(T, '2026-10-13 18:00', { kind: 'AlertSent', source: 'bot', alert: 'sla-breached', target: `contractual.firstResponse#${at('2026-10-13 13:00')}` })];
    const facts = slaFactsFromAlerts([ticketFacts(T, again)]);
    expect(facts.filter((f) => f.kind === 'contractual')).toEqual([{ ticketId: T, plan: 'Gold', kind: 'contractual', target: 'firstResponse', met: false, at: at('2026-10-13 17:30') }]);
    expect(facts.filter((f) => f.kind === 'internal')).toEqual([]);
  });
});

describe('on the real SLA clock (the shipped tables and calendar)', () => {
  it('an Alta lowered to Media after its at-risk alert is announced at risk again for its later deadline, and breached only then', () => {
    const id = '3102';
    // Gold incidencia Alta, opened Tue 13 Oct 09:00 and answered at 09:10: internal resolution 8 business h → 17:00,
    // at risk at 6 h → 15:00. Lowered to Media at 15:30: 24 h → Tue 8 h + Wed 9 h + Thu 7 h = Thu 15 15:00, at risk at
    // 18 h → Thu 15 09:00. The Alta deadline (Tue 17:00) is never reported as exceeded.
    const script: DomainEvent[] = [
      ev(id, '2026-10-13 09:00', { kind: 'ConversationOpened', body: 'Los pedidos no llegan', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', hosting: 'saas', tags: [] } }),
      ev(id, '2026-10-13 09:00', { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority: 'Alta', evoCriticality: null, confidence: 0.9, rules: [], flags: NO_FLAGS } }),
      ev(id, '2026-10-13 09:10', { kind: 'SupportReplied', adminId: 'adm-ana', body: 'Lo miramos' }),
      ev(id, '2026-10-13 15:30', { kind: 'Reclassified', by: 'adm-ana', type: 'incidencia', priority: 'Media' }),
    ];
    const posted = new VirtualOffice(script).run(at('2026-10-16 23:59'), at('2026-10-14 12:00'));
    const internal = posted.map((p) => p.line).filter((l) => l.includes('internal.resolution'));
    expect(internal).toEqual([
      '2026-10-13 15:00 sla-at-risk:internal.resolution#2026-10-13 17:00 #3102 → @admin:adm-ana',
      '2026-10-13 15:00 sla-at-risk:internal.resolution#2026-10-13 17:00@team #3102 → #C06SOPTEAM1',
      '2026-10-15 09:00 sla-at-risk:internal.resolution#2026-10-15 15:00 #3102 → @admin:adm-ana',
      '2026-10-15 09:00 sla-at-risk:internal.resolution#2026-10-15 15:00@team #3102 → #C06SOPTEAM1',
      '2026-10-15 15:00 resolution-exceeded:internal.resolution#2026-10-15 15:00 #3102 → #C06SOPTEAM1',
      '2026-10-15 15:00 resolution-exceeded:internal.resolution#2026-10-15 15:00@assignee #3102 → @admin:adm-ana',
    ]);
    expect(new Set(posted.map((p) => p.key)).size).toBe(posted.length);
    expect(local(posted[0].at)).toBe('2026-10-13 15:00');
  });
});

describe('a deadline moved by a pause is a new deadline too', () => {
  it('at risk, then waiting on the customer: when the customer answers, the new deadline is announced at risk once', () => {
    const id = '3103';
    // Gold incidencia Alta, opened Tue 13 Oct 09:00, answered 09:10: internal resolution 8 business h → 17:00, at risk 15:00.
    // Waiting on the customer from 15:30 (6 h 30 m used, 1 h 30 m left) until the answer on Wed 14 10:00: the 1 h 30 m left
    // run from 10:00 → Wed 11:30. The at-risk instant stays Tue 15:00 (already past): the new deadline is announced at 10:00.
    const script: DomainEvent[] = [
      ev(id, '2026-10-13 09:00', { kind: 'ConversationOpened', body: 'Los pedidos no llegan', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', hosting: 'saas', tags: [] } }),
      ev(id, '2026-10-13 09:00', { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority: 'Alta', evoCriticality: null, confidence: 0.9, rules: [], flags: NO_FLAGS } }),
      ev(id, '2026-10-13 09:10', { kind: 'SupportReplied', adminId: 'adm-ana', body: '¿Nos pasa un pedido de ejemplo?' }),
      ev(id, '2026-10-13 15:30', { kind: 'WaitingOnCustomer', by: 'adm-ana' }),
      ev(id, '2026-10-14 10:00', { kind: 'CustomerMessaged', body: 'El pedido 4411' }),
    ];
    const lines = new VirtualOffice(script).run(at('2026-10-14 23:59'), at('2026-10-14 10:30')).map((p) => p.line).filter((l) => l.includes('internal.resolution'));
    expect(lines).toEqual([
      '2026-10-13 15:00 sla-at-risk:internal.resolution#2026-10-13 17:00 #3103 → @admin:adm-ana',
      '2026-10-13 15:00 sla-at-risk:internal.resolution#2026-10-13 17:00@team #3103 → #C06SOPTEAM1',
      '2026-10-14 10:00 sla-at-risk:internal.resolution#2026-10-14 11:30 #3103 → @admin:adm-ana',
      '2026-10-14 10:00 sla-at-risk:internal.resolution#2026-10-14 11:30@team #3103 → #C06SOPTEAM1',
      '2026-10-14 11:30 resolution-exceeded:internal.resolution#2026-10-14 11:30 #3103 → #C06SOPTEAM1',
      '2026-10-14 11:30 resolution-exceeded:internal.resolution#2026-10-14 11:30@assignee #3103 → @admin:adm-ana',
    ]);
  });
});
