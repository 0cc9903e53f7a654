import { CalendarDefinitionSchema } from '../../../src/config/calendar.schema';
import { addNaturalTime, CalendarError, createCalendar, naturalTimeBetween } from '../../../src/domain/calendar';
import { HOUR, MINUTE, at, madrid, shippedCalendars, shippedCalendarsConfig } from './shipped';

const calendars = shippedCalendars();
const team = calendars.get('default')!;
const staffed = calendars.get('staffed')!;
const provider = calendars.get('provider-us')!;

/** The deadline, read back in Madrid time so a failure shows the wall clock a person would see. */
const due = (from: string, hours: number, calendar = team) => madrid(calendar.addBusinessTime(at(from), hours * HOUR));

describe('the team calendar (default): Mon–Fri 08:00–17:00, Europe/Madrid', () => {
  it('ships default, staffed and an example provider calendar', () => {
    expect([...calendars.keys()]).toEqual(['default', 'staffed', 'provider-us']);
    expect(team.zone).toBe('Europe/Madrid');
    expect(provider.zone).toBe('America/New_York');
  });

  it('opens at 08:00 sharp and closes at 17:00 sharp', () => {
    expect(team.isOpen(at('2026-06-29T07:59:59.999+02:00'))).toBe(false);
    expect(team.isOpen(at('2026-06-29T08:00:00+02:00'))).toBe(true);
    expect(team.isOpen(at('2026-06-29T16:59:59.999+02:00'))).toBe(true);
    expect(team.isOpen(at('2026-06-29T17:00:00+02:00'))).toBe(false);
  });

  it('is closed at weekends', () => {
    expect(team.isOpen(at('2026-06-27T10:00:00+02:00'))).toBe(false);
    expect(team.isOpen(at('2026-06-28T10:00:00+02:00'))).toBe(false);
  });

  it('keeps 08:00–17:00 local on both sides of a DST switch', () => {
    expect(team.isOpen(at('2026-03-27T07:30:00Z'))).toBe(true); // 08:30 CET
    expect(team.isOpen(at('2026-03-30T06:30:00Z'))).toBe(true); // 08:30 CEST
    expect(team.isOpen(at('2026-03-30T15:30:00Z'))).toBe(false); // 17:30 CEST
    expect(team.isOpen(at('2026-10-26T07:30:00Z'))).toBe(true); // 08:30 CET
    expect(team.isOpen(at('2026-10-26T06:30:00Z'))).toBe(false); // 07:30 CET
  });
});

describe('holidays closed and holidays worked on purpose', () => {
  it.each([
    ['Año Nuevo', '2026-01-01T10:00:00+01:00'],
    ['Reyes', '2026-01-06T10:00:00+01:00'],
    ['Good Friday', '2026-04-03T10:00:00+02:00'],
    ["Catalonia's Easter Monday", '2026-04-06T10:00:00+02:00'],
    ['1 May', '2026-05-01T10:00:00+02:00'],
    ['12 Oct', '2026-10-12T10:00:00+02:00'],
    ['8 Dec', '2026-12-08T10:00:00+01:00'],
    ['Christmas', '2026-12-25T10:00:00+01:00'],
    ['Good Friday 2027', '2027-03-26T10:00:00+01:00'],
    ['Easter Monday 2027', '2027-03-29T10:00:00+02:00'],
    ['1 Nov 2027 (a Monday)', '2027-11-01T10:00:00+01:00'],
    ['6 Dec 2027 (a Monday)', '2027-12-06T10:00:00+01:00'],
  ])('%s is closed', (_name, instant) => expect(team.isOpen(at(instant))).toBe(false));

  it.each([
    ['Sant Joan', '2026-06-24T10:00:00+02:00'],
    ['Diada', '2026-09-11T10:00:00+02:00'],
    ["Sant Crist d'Igualada (the Tuesday after Easter Monday)", '2026-04-07T10:00:00+02:00'],
    ["Festa Major d'Igualada", '2026-08-31T10:00:00+02:00'],
    ['Sant Joan 2027', '2027-06-24T10:00:00+02:00'],
    ["Sant Crist d'Igualada 2027", '2027-03-30T10:00:00+02:00'],
  ])('%s is open', (_name, instant) => expect(team.isOpen(at(instant))).toBe(true));

  it('opens on a worked holiday with the usual hours, not round the clock', () => {
    expect(team.isOpen(at('2026-06-24T07:00:00+02:00'))).toBe(false);
    expect(team.isOpen(at('2026-06-24T18:00:00+02:00'))).toBe(false);
  });
});

describe('deadlines in business hours', () => {
  it('an Alta opened on Friday at 18:00 with 8 business hours is due on Monday at 16:00', () => {
    expect(due('2026-07-03T18:00:00+02:00', 8)).toBe('2026-07-06T16:00:00+02:00');
  });

  it('a deadline that lands on closing time stays on Friday 17:00', () => {
    expect(due('2026-06-26T16:00:00+02:00', 1)).toBe('2026-06-26T17:00:00+02:00');
  });

  it('a ticket opened on a closed holiday starts counting at the next opening', () => {
    expect(due('2026-12-25T11:00:00+01:00', 1)).toBe('2026-12-28T09:00:00+01:00');
  });

  it('crosses the year end: 31 Dec, then 1 Jan closed and a weekend', () => {
    expect(due('2026-12-31T16:00:00+01:00', 2)).toBe('2027-01-04T09:00:00+01:00');
  });

  it('keeps counting weekdays into a year whose holidays are not configured yet', () => {
    expect(due('2027-12-31T16:00:00+01:00', 2)).toBe('2028-01-03T09:00:00+01:00');
  });

  it('a zero duration is due at once', () => {
    expect(team.addBusinessTime(at('2026-06-27T11:00:00+02:00'), 0)).toBe(at('2026-06-27T11:00:00+02:00'));
  });

  it('counts business time between two instants, across weekends and the year end', () => {
    expect(team.businessTimeBetween(at('2026-06-26T16:00:00+02:00'), at('2026-06-29T09:00:00+02:00'))).toBe(2 * HOUR);
    expect(team.businessTimeBetween(at('2026-12-31T08:00:00+01:00'), at('2027-01-05T08:00:00+01:00'))).toBe(18 * HOUR);
    expect(team.businessTimeBetween(at('2026-06-29T12:00:00+02:00'), at('2026-06-29T11:00:00+02:00'))).toBe(0);
    expect(team.businessTimeBetween(at('2026-06-27T12:00:00+02:00'), at('2026-06-28T12:00:00+02:00'))).toBe(0);
  });

  it('counts a full two years of business days', () => {
    // 2026: 261 weekdays − 8 weekday holidays (1 Jan, 6 Jan, 3 Apr, 6 Apr, 1 May, 12 Oct, 8 Dec, 25 Dec) = 253.
    const y2026 = team.businessTimeBetween(at('2026-01-01T00:00:00+01:00'), at('2027-01-01T00:00:00+01:00'));
    expect(y2026).toBe(253 * 9 * HOUR);
    // 2027: 261 weekdays − 8 (1 Jan, 6 Jan, 26 Mar, 29 Mar, 12 Oct, 1 Nov, 6 Dec, 8 Dec) = 253.
    const y2027 = team.businessTimeBetween(at('2027-01-01T00:00:00+01:00'), at('2028-01-01T00:00:00+01:00'));
    expect(y2027).toBe(253 * 9 * HOUR);
  });
});

describe('the next opening', () => {
  it('is the instant itself when open', () => {
    expect(team.nextOpening(at('2026-06-29T10:00:00+02:00'))).toBe(at('2026-06-29T10:00:00+02:00'));
  });
  it('is Monday 08:00 after Friday closing', () => {
    expect(madrid(team.nextOpening(at('2026-06-26T17:00:00+02:00')))).toBe('2026-06-29T08:00:00+02:00');
  });
  it('skips Christmas and the weekend after it', () => {
    expect(madrid(team.nextOpening(at('2026-12-24T17:00:00+01:00')))).toBe('2026-12-28T08:00:00+01:00');
  });
  it('reaches into the next year', () => {
    expect(madrid(team.nextOpening(at('2026-12-31T17:00:00+01:00')))).toBe('2027-01-04T08:00:00+01:00');
  });
});

describe('natural hours (Muy Alta runs 24x7)', () => {
  it('a Muy Alta opened on Friday at 18:00 with 8 natural hours is due on Saturday at 02:00', () => {
    expect(madrid(addNaturalTime(at('2026-07-03T18:00:00+02:00'), 8 * HOUR))).toBe('2026-07-04T02:00:00+02:00');
  });
  it('the fall-back night lasts seven hours from midnight to 06:00', () => {
    expect(naturalTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-25T06:00:00+01:00'))).toBe(7 * HOUR);
    expect(naturalTimeBetween(at('2026-10-25T06:00:00+01:00'), at('2026-10-25T00:00:00+02:00'))).toBe(0);
  });
});

describe('the staffed calendar (Platinum and key accounts)', () => {
  it('is open on Friday evening until 20:00 and on Saturday morning', () => {
    expect(staffed.isOpen(at('2026-07-03T19:00:00+02:00'))).toBe(true);
    expect(staffed.isOpen(at('2026-07-04T10:00:00+02:00'))).toBe(true);
    expect(staffed.isOpen(at('2026-07-04T14:00:00+02:00'))).toBe(false);
  });
  it('an Alta opened on Friday at 18:00 with 8 business hours is due on Monday at 09:00', () => {
    // Friday 18–20 (2 h), Saturday 09–14 (5 h), Monday 08–09 (1 h).
    expect(due('2026-07-03T18:00:00+02:00', 8, staffed)).toBe('2026-07-06T09:00:00+02:00');
  });
  it("inherits the team's holidays", () => {
    expect(staffed.isOpen(at('2026-12-25T10:00:00+01:00'))).toBe(false);
    expect(staffed.isOpen(at('2026-06-24T19:00:00+02:00'))).toBe(true);
  });
});

describe('an external provider with a lunch break in New York', () => {
  it('is closed over lunch', () => {
    expect(provider.isOpen(at('2026-07-06T11:59:00-04:00'))).toBe(true);
    expect(provider.isOpen(at('2026-07-06T12:30:00-04:00'))).toBe(false);
    expect(provider.isOpen(at('2026-07-06T13:00:00-04:00'))).toBe(true);
  });
  it('counts around the break: 11:00 plus 2 hours is 14:00', () => {
    expect(provider.addBusinessTime(at('2026-07-06T11:00:00-04:00'), 2 * HOUR)).toBe(at('2026-07-06T14:00:00-04:00'));
  });
  it("follows the US DST dates, not Spain's", () => {
    // 9 Mar 2026: New York already on EDT (-04:00) while Madrid is still on CET.
    expect(provider.isOpen(at('2026-03-09T13:00:00Z'))).toBe(true); // 09:00 EDT
    expect(provider.isOpen(at('2026-03-09T12:59:00Z'))).toBe(false);
  });
  it('keeps its own holidays: Thanksgiving', () => {
    expect(provider.isOpen(at('2026-11-26T10:00:00-05:00'))).toBe(false);
    expect(team.isOpen(at('2026-11-26T10:00:00+01:00'))).toBe(true);
  });
});

describe('calendars open at night, across the DST hours', () => {
  const allDay = { start: '00:00', end: '24:00' };
  const roundTheClock = createCalendar(
    'round-the-clock',
    CalendarDefinitionSchema.parse({ hours: { mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay], sun: [allDay] } }),
  );
  const twoToThree = [{ start: '02:00', end: '03:00' }];
  const nightShift = createCalendar('night', CalendarDefinitionSchema.parse({ hours: { sun: twoToThree } }));

  it('a 24x7 calendar counts like natural time over the spring-forward night', () => {
    expect(madrid(roundTheClock.addBusinessTime(at('2026-03-29T01:30:00+01:00'), 2 * HOUR))).toBe('2026-03-29T04:30:00+02:00');
  });
  it('the fall-back day has 25 open hours on a 24x7 calendar', () => {
    expect(roundTheClock.businessTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * HOUR);
  });
  it('02:00–03:00 does not exist on the spring-forward Sunday and happens twice on the fall-back one', () => {
    expect(nightShift.businessTimeBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(0);
    expect(nightShift.businessTimeBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(2 * HOUR);
    expect(nightShift.businessTimeBetween(at('2026-10-18T00:00:00+02:00'), at('2026-10-19T00:00:00+02:00'))).toBe(HOUR);
  });
});

describe('inheritance and overrides', () => {
  it('a calendar that opens a date its parent closes is open that day, and a null name removes a date', () => {
    const config = shippedCalendarsConfig();
    const child = createCalendar(
      'child',
      CalendarDefinitionSchema.parse({ extends: 'default', open: { '2026-12-08': 'Worked Inmaculada' }, closed: { '2026-12-25': null, '2026-06-24': 'Sant Joan, closed here' } }),
      config,
    );
    expect(child.isOpen(at('2026-12-08T10:00:00+01:00'))).toBe(true);
    expect(child.isOpen(at('2026-12-25T10:00:00+01:00'))).toBe(true);
    expect(child.isOpen(at('2026-06-24T10:00:00+02:00'))).toBe(false);
    expect(child.isOpen(at('2026-01-06T10:00:00+01:00'))).toBe(false);
  });
});

describe('refusals, with a code', () => {
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (err) {
      return err instanceof CalendarError ? err.code : `not a CalendarError: ${String(err)}`;
    }
  };
  it('refuses a negative, infinite or absurd duration and an instant that is not a date', () => {
    expect(codeOf(() => team.addBusinessTime(at('2026-06-29T10:00:00+02:00'), -1))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => team.addBusinessTime(at('2026-06-29T10:00:00+02:00'), Infinity))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => team.addBusinessTime(at('2026-06-29T10:00:00+02:00'), 1e15))).toBe('CALENDAR_INVALID_DURATION');
    expect(codeOf(() => team.isOpen(Number.NaN))).toBe('CALENDAR_INVALID_INSTANT');
    expect(codeOf(() => team.nextOpening(8.64e15))).toBe('CALENDAR_INVALID_INSTANT');
    expect(codeOf(() => team.businessTimeBetween(0, Number.POSITIVE_INFINITY))).toBe('CALENDAR_INVALID_INSTANT');
  });
  it('refuses a calendar with no opening hours at all', () => {
    expect(codeOf(() => createCalendar('never', { hours: {}, closed: {}, open: {} }))).toBe('CALENDAR_NEVER_OPEN');
  });
  it('refuses to extend a calendar it is not given', () => {
    expect(codeOf(() => createCalendar('orphan', CalendarDefinitionSchema.parse({ extends: 'default' })))).toBe('CALENDAR_UNKNOWN');
  });
  it('counts minutes, not just hours: 15 minutes before opening plus 15 minutes is 08:15', () => {
    expect(team.addBusinessTime(at('2026-06-29T07:45:00+02:00'), 15 * MINUTE)).toBe(at('2026-06-29T08:15:00+02:00'));
  });
});
