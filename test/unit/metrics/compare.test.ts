import { compareMetrics, delta } from '../../../src/domain/metrics/compare';
import { periodMetrics } from '../../../src/domain/metrics/period-metrics';
import { monthOf, previousPeriod, truncatePeriod } from '../../../src/domain/metrics/periods';
import { factsFromEvents } from '../../../src/domain/metrics/ticket-facts';
import { MIN, log, madrid } from './build-events';

describe('period comparison', () => {
  it('gives the change and the relative change, and nothing relative to zero or an unknown', () => {
    expect(delta(10, 8)).toEqual({ current: 10, previous: 8, change: 2, relative: 0.25 });
    expect(delta(5, 0)).toEqual({ current: 5, previous: 0, change: 5, relative: null });
    expect(delta(null, 3)).toEqual({ current: null, previous: 3, change: null, relative: null });
  });

  it('compares November to date with the whole of October, volumes also per week', () => {
    const events = [
      // October: 4 conversations, first responses 10, 20, 30, 40 minutes → median 25.
      ...['01', '08', '15', '22'].flatMap((d, i) => log(`oct${d}`).opened(`2026-10-${d}T09:00`).replied(`2026-10-${d}T09:${String((i + 1) * 10).padStart(2, '0')}`).events),
      // November 1–14: 2 conversations, first responses 4 and 6 minutes → median 5.
      ...log('nov1').opened('2026-11-03T09:00').replied('2026-11-03T09:04').events,
      ...log('nov2').opened('2026-11-10T09:00').replied('2026-11-10T09:06').events,
    ];
    const tickets = factsFromEvents(events);
    const opts = { businessTimeBetween: (a: number, b: number) => b - a, slaFacts: [] };
    const november = truncatePeriod(monthOf(madrid('2026-11-10T00:00')), madrid('2026-11-15T00:00'));
    const c = compareMetrics(periodMetrics(tickets, november, opts), periodMetrics(tickets, previousPeriod(november), opts));
    expect(c.current).toBe('2026-11');
    expect(c.previous).toBe('2026-10');
    expect(c.opened).toEqual({ current: 2, previous: 4, change: -2, relative: -0.5 });
    // 2 in 14 days = 1 a week; 4 in 31 days = 28/31 a week.
    expect(c.openedPerWeek.current).toBeCloseTo(1, 10);
    expect(c.openedPerWeek.previous).toBeCloseTo(28 / 31, 10);
    expect(c.medianFirstResponseMs).toEqual({ current: 5 * MIN, previous: 25 * MIN, change: -20 * MIN, relative: -0.8 });
  });
});
