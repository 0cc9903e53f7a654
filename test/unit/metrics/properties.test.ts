import fc from 'fast-check';
import { DomainEventSchema, type DomainEvent } from '../../../src/domain/events';
import { periodMetrics } from '../../../src/domain/metrics/period-metrics';
import { parseIsoWeek, weeksEndingWith } from '../../../src/domain/metrics/periods';
import { factsFromEvents } from '../../../src/domain/metrics/ticket-facts';

const W47 = parseIsoWeek('2026-W47');
const WEEKS = weeksEndingWith(W47, 4);
const SPAN = W47.end - WEEKS[0].start;
const opts = { businessTimeBetween: (a: number, b: number) => b - a, slaFacts: [] };

/** A ticket: opened somewhere in the four weeks, maybe answered, maybe closed, maybe rated. */
const ticketArb = fc.record({
  openedOffset: fc.integer({ min: 0, max: SPAN - 1 }),
  replyAfter: fc.option(fc.integer({ min: 1, max: 3 * 86_400_000 }), { nil: null }),
  closeAfter: fc.option(fc.integer({ min: 1, max: 5 * 86_400_000 }), { nil: null }),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

function eventsOf(tickets: { openedOffset: number; replyAfter: number | null; closeAfter: number | null; rating: number | null }[]): DomainEvent[] {
  return tickets.flatMap((t, i) => {
    const id = `p${i}`;
    const opened = WEEKS[0].start + t.openedOffset;
    const raw: unknown[] = [{ id: `${id}:o`, ticketId: id, at: opened, source: 'intercom', kind: 'ConversationOpened' }];
    if (t.replyAfter !== null) raw.push({ id: `${id}:r`, ticketId: id, at: opened + t.replyAfter, source: 'intercom', kind: 'SupportReplied' });
    if (t.closeAfter !== null) raw.push({ id: `${id}:c`, ticketId: id, at: opened + t.closeAfter, source: 'intercom', kind: 'Closed' });
    if (t.closeAfter !== null && t.rating !== null) raw.push({ id: `${id}:rt`, ticketId: id, at: opened + t.closeAfter + 1, source: 'intercom', kind: 'Rated', rating: t.rating });
    return raw.map((e) => DomainEventSchema.parse(e));
  });
}

describe('metrics properties', () => {
  it('do not depend on the order events arrive in, nor on duplicate deliveries', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 25 }), fc.integer(), (tickets, seed) => {
        const events = eventsOf(tickets);
        const shuffled = [...events, ...events.slice(0, Math.abs(seed) % (events.length + 1))].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7) || (a.id < b.id ? 1 : -1));
        expect(periodMetrics(factsFromEvents(shuffled), W47, opts)).toEqual(periodMetrics(factsFromEvents(events), W47, opts));
      }),
      { numRuns: 60 },
    );
  });

  it('count every conversation opened in exactly one of consecutive weeks', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 40 }), (tickets) => {
        const facts = factsFromEvents(eventsOf(tickets));
        const perWeek = WEEKS.map((w) => periodMetrics(facts, w, opts).opened);
        expect(perWeek.reduce((a, b) => a + b, 0)).toBe(tickets.length);
      }),
      { numRuns: 60 },
    );
  });

  it('keep medians within the samples and CSAT within 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { minLength: 1, maxLength: 30 }), (tickets) => {
        const m = periodMetrics(factsFromEvents(eventsOf(tickets)), W47, opts);
        const samples = tickets.filter((t) => t.replyAfter !== null && WEEKS[0].start + t.openedOffset + t.replyAfter >= W47.start && WEEKS[0].start + t.openedOffset + t.replyAfter < W47.end).map((t) => t.replyAfter as number);
        expect(m.firstResponse.count).toBe(samples.length);
        if (samples.length) {
          expect(m.firstResponse.medianMs).toBeGreaterThanOrEqual(Math.min(...samples));
          expect(m.firstResponse.medianMs).toBeLessThanOrEqual(Math.max(...samples));
        }
        if (m.csat.score !== null) expect(m.csat.score >= 0 && m.csat.score <= 1).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
