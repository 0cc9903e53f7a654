import { monthOf, parseIsoWeek, previousPeriod, quarterOf, truncatePeriod, weekOf, weeksEndingWith } from '../../../src/domain/metrics/periods';
import { MetricsError } from '../../../src/domain/metrics/metrics-error';

describe('reporting periods (ISO weeks in Europe/Madrid)', () => {
  it('starts week 2026-W47 on Monday 16 November at 00:00 Madrid time (23:00 UTC the day before)', () => {
    const w = parseIsoWeek('2026-W47');
    expect(w).toEqual({ id: '2026-W47', start: Date.UTC(2026, 10, 15, 23), end: Date.UTC(2026, 10, 22, 23), days: 7 });
  });

  it('keeps local midnight across the spring DST change (week 2026-W13 is 167 hours long)', () => {
    const w = parseIsoWeek('2026-W13');
    expect(w.start).toBe(Date.UTC(2026, 2, 22, 23));
    expect(w.end).toBe(Date.UTC(2026, 2, 29, 22));
    expect(w.days).toBe(7);
  });

  it('puts Sunday 23:30 in Madrid in the week that is ending, although it is already Monday nowhere else', () => {
    expect(weekOf(Date.UTC(2026, 10, 22, 22, 30)).id).toBe('2026-W47');
    expect(weekOf(Date.UTC(2026, 10, 22, 23, 0)).id).toBe('2026-W48');
  });

  it('names the ISO week-year, not the calendar year, around New Year', () => {
    expect(weekOf(Date.UTC(2027, 0, 1, 12)).id).toBe('2026-W53');
    expect(parseIsoWeek('2026-W53').start).toBe(Date.UTC(2026, 11, 27, 23));
  });

  it('rejects labels that are not an ISO week with BAD_WEEK', () => {
    for (const bad of ['2026-47', 'W47', '2027-W53', '2026-W00']) {
      expect(() => parseIsoWeek(bad)).toThrow(MetricsError);
      try {
        parseIsoWeek(bad);
      } catch (e) {
        expect((e as MetricsError).code).toBe('BAD_WEEK');
      }
    }
  });

  it('lists the 12 weeks ending with a week, oldest first', () => {
    const weeks = weeksEndingWith(parseIsoWeek('2026-W47'), 12);
    expect(weeks.map((w) => w.id)).toEqual(['2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
  });

  it('finds the month and the quarter, and the ones before them', () => {
    const at = Date.UTC(2026, 10, 20, 12);
    expect(monthOf(at)).toEqual({ id: '2026-11', start: Date.UTC(2026, 9, 31, 23), end: Date.UTC(2026, 10, 30, 23), days: 30 });
    const q = quarterOf(at);
    expect(q).toEqual({ id: '2026-Q4', start: Date.UTC(2026, 8, 30, 22), end: Date.UTC(2026, 11, 31, 23), days: 92 });
    expect(previousPeriod(q)).toEqual({ id: '2026-Q3', start: Date.UTC(2026, 5, 30, 22), end: Date.UTC(2026, 8, 30, 22), days: 92 });
    expect(previousPeriod(monthOf(at)).id).toBe('2026-10');
    expect(previousPeriod(parseIsoWeek('2026-W01')).id).toBe('2025-W52');
  });

  it('cuts a quarter to date at the end of the reported week', () => {
    const q = truncatePeriod(quarterOf(Date.UTC(2026, 10, 20)), parseIsoWeek('2026-W47').end);
    expect(q).toEqual({ id: '2026-Q4', start: Date.UTC(2026, 8, 30, 22), end: Date.UTC(2026, 10, 22, 23), days: 53 });
  });
});
