import { periodMetrics } from '../../../src/domain/metrics/period-metrics';
import { parseIsoWeek } from '../../../src/domain/metrics/periods';
import { slaFactsFromAlerts } from '../../../src/domain/metrics/sla-facts';
import { factsFromEvents, ticketFacts } from '../../../src/domain/metrics/ticket-facts';
import { HOUR, MIN, log } from './build-events';

/** A stand-in calendar: business time is half the natural time, so both medians are checkable by hand. */
const halfTime = (from: number, to: number) => (to - from) / 2;

/**
 * Week 2026-W47 (Mon 16 – Sun 22 November 2026), hand-computed:
 * - A, Platinum incidencia Alta: opened Mon 09:00, replies 09:04 and 10:30 (customer wrote 10:00
 *   and 10:10), closed 12:00, rated 5 (ana); ladder stages 1 and 2 alerted.
 * - B, Gold consulta: opened Tue 09:00, reply 09:10, snoozed 09:15, closed Wed 09:00, rated 3 with
 *   no admin (assignee luis).
 * - C, Silver evolutivo Media: opened Fri 16:00, first reply the next Monday (W48); internal SLA
 *   breach alerted Fri 16:30.
 * - D, opened, answered and snoozed in W46, closed Mon 16 10:00 (72 h after opening); ladder stage 1.
 * - E, opened in W47 and deleted: left out of every figure.
 */
function fortnight() {
  const a = log('A')
    .opened('2026-11-16T09:00', { plan: 'Platinum', tags: ['incidencia', 'checkout'] })
    .classified('2026-11-16T09:00', 'incidencia', 'Alta')
    .replied('2026-11-16T09:04', 'ana')
    .customer('2026-11-16T10:00')
    .customer('2026-11-16T10:10')
    .replied('2026-11-16T10:30', 'ana')
    .closed('2026-11-16T12:00')
    .rated('2026-11-17T08:00', 5, 'ana')
    .alert('2026-11-18T09:00', 'ladder', '1')
    .alert('2026-11-20T09:00', 'ladder', '2');
  const b = log('B')
    .opened('2026-11-17T09:00', { plan: 'Gold', assigneeId: 'luis' })
    .classified('2026-11-17T09:00', 'consulta')
    .replied('2026-11-17T09:10', 'luis')
    .snoozed('2026-11-17T09:15')
    .closed('2026-11-18T09:00')
    .rated('2026-11-18T10:00', 3);
  const c = log('C')
    .opened('2026-11-20T16:00', { plan: 'Silver' })
    .classified('2026-11-20T16:00', 'evolutivo', null, 'Media')
    .alert('2026-11-20T16:30', 'sla-breached', 'internal.firstResponse')
    .replied('2026-11-23T08:06', 'ana');
  const d = log('D')
    .opened('2026-11-13T10:00', { plan: 'Bronze' })
    .replied('2026-11-13T10:20', 'ana')
    .snoozed('2026-11-13T11:00')
    .closed('2026-11-16T10:00')
    .alert('2026-11-16T09:00', 'ladder', '1');
  const e = log('E').opened('2026-11-18T10:00', { plan: 'Gold' }).replied('2026-11-18T10:01').deleted('2026-11-18T11:00');
  return factsFromEvents([...a.events, ...b.events, ...c.events, ...d.events, ...e.events]);
}

describe('metrics of one week', () => {
  const tickets = fortnight();
  const m = periodMetrics(tickets, parseIsoWeek('2026-W47'), { businessTimeBetween: halfTime, slaFacts: slaFactsFromAlerts(tickets) });

  it('counts conversations opened, closed and snoozed in the week, leaving deleted ones out', () => {
    expect([m.opened, m.closed, m.snoozed]).toEqual([3, 3, 1]);
  });

  it('takes the median first response over replies sent in the week (4 and 10 minutes → 7)', () => {
    expect(m.firstResponse).toEqual({ count: 2, medianMs: 7 * MIN, medianBusinessMs: 3.5 * MIN });
  });

  it('times every reply from the oldest unanswered customer message (4, 30 and 10 minutes → 10)', () => {
    expect(m.response).toEqual({ count: 3, medianMs: 10 * MIN, medianBusinessMs: 5 * MIN });
  });

  it('takes the median time to close over tickets closed in the week (3 h, 24 h, 72 h → 24 h)', () => {
    expect(m.timeToClose).toEqual({ count: 3, medianMs: 24 * HOUR, medianBusinessMs: 12 * HOUR });
  });

  it('counts CSAT as the share of ratings of 4 or 5, overall and per agent (the assignee when the rating names nobody)', () => {
    expect(m.csat).toEqual({ ratings: 2, satisfied: 1, score: 0.5 });
    expect(m.csatByAgent).toEqual({ ana: { ratings: 1, satisfied: 1, score: 1 }, luis: { ratings: 1, satisfied: 0, score: 0 } });
  });

  it('breaks the opened conversations down by type, priority (or evolutivo criticality), plan and tag', () => {
    expect(m.breakdown).toEqual({
      byType: { incidencia: 1, consulta: 1, evolutivo: 1 },
      byPriority: { Alta: 1, none: 1, Media: 1 },
      byPlan: { Platinum: 1, Gold: 1, Silver: 1 },
      byTag: { incidencia: 1, checkout: 1 },
    });
  });

  it('measures SLA compliance per plan, contractual and internal, from first responses and breach alerts', () => {
    expect(m.sla).toEqual({
      Platinum: { contractual: { met: 1, breached: 0, compliance: 1 }, internal: { met: 1, breached: 0, compliance: 1 } },
      Gold: { contractual: { met: 1, breached: 0, compliance: 1 }, internal: { met: 1, breached: 0, compliance: 1 } },
      Silver: { contractual: { met: 0, breached: 0, compliance: null }, internal: { met: 0, breached: 1, compliance: 0 } },
    });
  });

  it('counts each ticket once at the highest ladder stage it reached in the week', () => {
    expect(m.ladder).toEqual({ '2': 1, '1': 1 });
  });

  it('gives empty figures, not zeros, for a week with no activity', () => {
    const empty = periodMetrics(tickets, parseIsoWeek('2026-W30'), { businessTimeBetween: halfTime, slaFacts: [] });
    expect(empty.firstResponse).toEqual({ count: 0, medianMs: null, medianBusinessMs: null });
    expect(empty.csat.score).toBeNull();
    expect(empty.opened).toBe(0);
  });
});

describe('facts read from a ticket log', () => {
  it('ignores duplicate deliveries and out-of-order arrival', () => {
    const l = log('F').opened('2026-11-16T09:00').replied('2026-11-16T09:30').closed('2026-11-16T10:00');
    const shuffled = [l.events[2], l.events[0], l.events[1], l.events[0]];
    const f = ticketFacts('F', shuffled);
    expect(f.responses).toEqual([{ askedAt: l.events[0].at, repliedAt: l.events[1].at, adminId: null }]);
    expect(f.closedAt).toBe(l.events[2].at);
  });

  it('forgets a close that was followed by a reopen, and keeps the latest rating', () => {
    const l = log('G').opened('2026-11-16T09:00').closed('2026-11-16T10:00').rated('2026-11-16T10:05', 2).reopened('2026-11-16T11:00').rated('2026-11-16T12:00', 5);
    const f = ticketFacts('G', l.events);
    expect(f.closedAt).toBeNull();
    expect(f.rating?.rating).toBe(5);
  });
});
