import fc from 'fast-check';
import { CalendarDefinitionSchema, type CalendarsConfig } from '../../../src/config/calendar.schema';
import { createCalendars, type BusinessCalendar } from '../../../src/domain/calendar';
import { MinuteOracle, type OracleCalendar } from './minute-oracle';
import { MINUTE, at, shippedCalendarsConfig } from './shipped';

/**
 * Property tests: the real calendar (year tables, binary search) against a minute-stepping oracle
 * on random starts, with starts drawn around DST switches and holidays as well as uniformly over
 * 2026–2027, and durations up to 40 business hours (the oracle's cost bounds the range).
 */

const shipped = shippedCalendarsConfig();

// A deliberately awkward calendar: a night shift across the DST hour, breaks, a midnight edge.
const awkward = CalendarDefinitionSchema.parse({
  zone: 'Europe/Madrid',
  hours: {
    mon: [{ start: '01:00', end: '03:30' }, { start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }, { start: '22:00', end: '24:00' }],
    tue: [{ start: '01:00', end: '03:30' }, { start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }, { start: '22:00', end: '24:00' }],
    wed: [{ start: '01:00', end: '03:30' }, { start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }, { start: '22:00', end: '24:00' }],
    thu: [{ start: '01:00', end: '03:30' }, { start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }, { start: '22:00', end: '24:00' }],
    fri: [{ start: '01:00', end: '03:30' }, { start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }, { start: '22:00', end: '24:00' }],
    sat: [{ start: '01:00', end: '03:30' }, { start: '22:00', end: '24:00' }],
    sun: [{ start: '00:00', end: '03:30' }, { start: '22:00', end: '24:00' }],
  },
  closed: { '2026-03-29': 'a closed DST Sunday', '2026-12-31': 'New Year’s Eve', '2027-01-01': 'New Year' },
});
const config: CalendarsConfig = { ...shipped, awkward };
const calendars = createCalendars(config);

// The oracle's view of each calendar, taken from the config by hand (not through the resolver).
const LUXON_DAY: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
function oracleOf(hours: Record<string, { start: string; end: string }[] | undefined>, zone: string, closed: Record<string, string | null>): MinuteOracle {
  const h: OracleCalendar['hours'] = {};
  for (const [day, list] of Object.entries(hours)) h[LUXON_DAY[day]] = (list ?? []).map((i) => [i.start, i.end]);
  const c = new Set(Object.entries(closed).filter(([, n]) => n !== null).map(([d]) => d));
  return new MinuteOracle({ zone, hours: h, closed: c });
}
const oracles: Record<string, MinuteOracle> = {
  default: oracleOf(shipped.default.hours!, 'Europe/Madrid', shipped.default.closed),
  staffed: oracleOf(shipped.staffed.hours!, 'Europe/Madrid', shipped.default.closed),
  'provider-us': oracleOf(shipped['provider-us'].hours!, 'America/New_York', shipped['provider-us'].closed),
  awkward: oracleOf(awkward.hours!, 'Europe/Madrid', awkward.closed),
};
const NAMES = Object.keys(oracles);

const DAY = 86_400_000;
const HOTSPOTS = [
  // DST switches in Madrid and New York.
  '2026-03-29T02:00:00+01:00', '2026-10-25T03:00:00+02:00', '2027-03-28T02:00:00+01:00', '2027-10-31T03:00:00+02:00',
  '2026-03-08T02:00:00-05:00', '2026-11-01T02:00:00-04:00', '2027-03-14T02:00:00-05:00', '2027-11-07T02:00:00-04:00',
  // Holidays, worked holidays, Easter weeks and year ends.
  '2026-01-01T00:00:00+01:00', '2026-04-03T00:00:00+02:00', '2026-04-07T00:00:00+02:00', '2026-05-01T00:00:00+02:00',
  '2026-06-24T00:00:00+02:00', '2026-09-11T00:00:00+02:00', '2026-10-12T00:00:00+02:00', '2026-12-08T00:00:00+01:00',
  '2026-12-25T00:00:00+01:00', '2027-01-01T00:00:00+01:00', '2027-03-26T00:00:00+01:00', '2027-12-24T00:00:00+01:00',
  '2027-12-31T12:00:00+01:00', '2026-11-26T00:00:00-05:00',
].map(at);
const RANGE_START = at('2025-12-28T00:00:00Z');
const RANGE_END = at('2028-01-03T00:00:00Z');
const minuteOf = (t: number) => Math.floor(t / MINUTE) * MINUTE;

/** A start instant: uniform over the two years, or within three days of a DST switch or holiday. */
const startArb = fc.oneof(
  fc.integer({ min: RANGE_START / MINUTE, max: RANGE_END / MINUTE }).map((m) => m * MINUTE),
  fc.tuple(fc.constantFrom(...HOTSPOTS), fc.integer({ min: (-3 * DAY) / MINUTE, max: (3 * DAY) / MINUTE })).map(([h, m]) => minuteOf(h) + m * MINUTE),
);
const caseArb = fc.record({
  name: fc.constantFrom(...NAMES),
  from: startArb,
  minutes: fc.oneof(fc.integer({ min: 0, max: 40 * 60 }), fc.constantFrom(1, 60, 9 * 60, 16 * 60, 27 * 60)),
  span: fc.integer({ min: 0, max: 5 * 24 * 60 }),
});

describe('the calendar agrees with a minute-by-minute oracle', () => {
  it('on 10,000 random deadlines, spans, openings and next openings, DST weeks and holidays included', () => {
    fc.assert(
      fc.property(caseArb, ({ name, from, minutes, span }) => {
        const cal = calendars.get(name)!;
        const oracle = oracles[name];
        expect(cal.addBusinessTime(from, minutes * MINUTE)).toBe(oracle.add(from, minutes));
        expect(cal.businessTimeBetween(from, from + span * MINUTE)).toBe(oracle.between(from, from + span * MINUTE));
        expect(cal.isOpen(from)).toBe(oracle.isOpen(from));
        expect(cal.nextOpening(from)).toBe(oracle.nextOpening(from));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('the oracle can tell a wrong calendar', () => {
  it('catches a calendar that keeps winter hours in UTC all year (ignores DST)', () => {
    const utcWinter = createCalendars({ wrong: CalendarDefinitionSchema.parse({ zone: 'UTC', hours: { mon: [{ start: '07:00', end: '16:00' }], tue: [{ start: '07:00', end: '16:00' }], wed: [{ start: '07:00', end: '16:00' }], thu: [{ start: '07:00', end: '16:00' }], fri: [{ start: '07:00', end: '16:00' }] }, closed: shipped.default.closed }) }).get('wrong')!;
    const run = () =>
      fc.assert(
        fc.property(caseArb, ({ from, minutes }) => utcWinter.addBusinessTime(from, minutes * MINUTE) === oracles.default.add(from, minutes)),
        { numRuns: 2000, seed: 42 },
      );
    expect(run).toThrow(/Property failed/);
  });
});

describe('invariants on any instant and any duration (to the millisecond)', () => {
  const msArb = fc.integer({ min: at('2025-06-01T00:00:00Z'), max: at('2028-06-01T00:00:00Z') });
  const durArb = fc.integer({ min: 0, max: 400 * 3_600_000 });
  const calArb = fc.constantFrom(...NAMES).map((n): BusinessCalendar => calendars.get(n)!);

  it('the business time between a start and its deadline is the duration asked for', () => {
    fc.assert(fc.property(calArb, msArb, durArb, (cal, from, ms) => cal.businessTimeBetween(from, cal.addBusinessTime(from, ms)) === ms), { numRuns: 3000 });
  });

  it('a later start or a longer duration never gives an earlier deadline', () => {
    fc.assert(
      fc.property(calArb, msArb, msArb, durArb, durArb, (cal, a, b, x, y) => {
        const [f1, f2] = a <= b ? [a, b] : [b, a];
        const [d1, d2] = x <= y ? [x, y] : [y, x];
        return cal.addBusinessTime(f1, d1) <= cal.addBusinessTime(f2, d1) && cal.addBusinessTime(f1, d1) <= cal.addBusinessTime(f1, d2);
      }),
      { numRuns: 3000 },
    );
  });

  it('adding in two steps is adding once, and spans add up', () => {
    fc.assert(
      fc.property(calArb, msArb, durArb, durArb, (cal, from, x, y) => {
        const mid = cal.addBusinessTime(from, x);
        const end = cal.addBusinessTime(from, x + y);
        return cal.addBusinessTime(mid, y) === end && cal.businessTimeBetween(from, mid) + cal.businessTimeBetween(mid, end) === cal.businessTimeBetween(from, end);
      }),
      { numRuns: 3000 },
    );
  });

  it('a positive deadline ends on an open minute, and the next opening is open with nothing open before it', () => {
    fc.assert(
      fc.property(calArb, msArb, fc.integer({ min: 1, max: 400 * 3_600_000 }), (cal, from, ms) => {
        const deadline = cal.addBusinessTime(from, ms);
        const next = cal.nextOpening(from);
        return deadline > from && cal.isOpen(deadline - 1) && next >= from && cal.isOpen(next) && cal.businessTimeBetween(from, next) === 0;
      }),
      { numRuns: 3000 },
    );
  });
});
