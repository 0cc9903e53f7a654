import { z } from 'zod';

/**
 * The `calendars` section of the configuration (config/calendars.yaml): named business calendars.
 * `default` is the team's calendar (Europe/Madrid, Mon–Fri 08:00–17:00, the year's closed and
 * open-on-holiday dates); others (a staffed calendar for Platinum/KA, an external provider's) may
 * `extends` it and change only what differs. See docs/calendar.md.
 */

const TIME_MESSAGE = 'expected a time like "08:00"';
const TIME_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since local midnight of a validated "HH:MM" ("24:00" is the end of the day). */
export function timeToMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h * 60 + m;
}

/** A wall-clock time of the calendar's zone: "08:00", "13:30", "24:00" (end of day). */
export const TimeOfDaySchema = z.string({ error: TIME_MESSAGE }).regex(TIME_RE, { error: TIME_MESSAGE });

/** One opening interval of a day, [start, end) in local wall-clock time. */
export const OpeningIntervalSchema = z
  .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((i) => !TIME_RE.test(i.start) || !TIME_RE.test(i.end) || timeToMinutes(i.end) > timeToMinutes(i.start), {
    error: 'expected end after start (an interval is "start"–"end" within one day)',
    path: ['end'],
  });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

/** A day's opening intervals, e.g. a morning and an afternoon around a lunch break. */
export const DayHoursSchema = z.array(OpeningIntervalSchema, { error: 'expected a list of {start, end} intervals' }).superRefine((list, ctx) => {
  const sorted = list.map((i, idx) => ({ i, s: timeToMinutes(i.start), e: timeToMinutes(i.end), idx })).sort((a, b) => a.s - b.s);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    if (sorted[k].s < prev.e) {
      ctx.addIssue({ code: 'custom', message: `overlaps ${prev.i.start}–${prev.i.end}; intervals of a day must not overlap`, path: [sorted[k].idx] });
    }
  }
});

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * An error map for objects and records that names the offending key: a typo such as `monday` or
 * a date such as `2026-02-30` reads `unknown key "monday"; expected mon, tue, …`.
 */
function keyedError(expected: string, keys: { known?: readonly string[]; badKey?: string } = {}) {
  return (issue: { code?: string; keys?: string[] }): string => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      const list = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${list}${keys.known ? `; expected ${keys.known.join(', ')}` : ''}`;
    }
    if (issue.code === 'invalid_key' && keys.badKey) return keys.badKey;
    return expected;
  };
}
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday; a weekday left out is closed. */
export const WeekHoursSchema = z.strictObject(
  {
    mon: DayHoursSchema.optional(),
    tue: DayHoursSchema.optional(),
    wed: DayHoursSchema.optional(),
    thu: DayHoursSchema.optional(),
    fri: DayHoursSchema.optional(),
    sat: DayHoursSchema.optional(),
    sun: DayHoursSchema.optional(),
  },
  { error: keyedError('expected opening hours per weekday (mon … sun)', { known: WEEKDAYS }) },
);
export type WeekHours = z.infer<typeof WeekHoursSchema>;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

const DATE_MESSAGE = 'expected a date like "2026-06-24"';
export const IsoDateSchema = z.string({ error: DATE_MESSAGE }).refine(isIsoDate, { error: DATE_MESSAGE });

/**
 * Named dates, `YYYY-MM-DD: name`. A `null` name (`~` in YAML) removes a date inherited from the
 * calendar this one extends, or from the defaults when laid over them.
 */
export const NamedDatesSchema = z.record(
  IsoDateSchema,
  z.string({ error: 'expected the name of the day, e.g. "Sant Joan"' }).min(1, { error: 'expected the name of the day, e.g. "Sant Joan"' }).nullable(),
  { error: keyedError('expected dates like `2026-06-24: Sant Joan`', { badKey: DATE_MESSAGE }) },
);
export type NamedDates = z.infer<typeof NamedDatesSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ZONE_MESSAGE = 'expected an IANA time zone like "Europe/Madrid"';
export const TimeZoneSchema = z.string({ error: ZONE_MESSAGE }).refine(isTimeZone, { error: ZONE_MESSAGE });

export const DEFAULT_CALENDAR_ZONE = 'Europe/Madrid';

/** One calendar. Left-out `zone`/`hours` come from the calendar it extends, else the defaults. */
export const CalendarDefinitionSchema = z
  .strictObject(
    {
      description: z.string().optional(),
      /** Another calendar's name: its zone, hours and dates apply unless this one says otherwise. */
      extends: z.string({ error: 'expected the name of another calendar' }).optional(),
      /** IANA zone; default Europe/Madrid. */
      zone: TimeZoneSchema.optional(),
      /** Opening hours per weekday; default Mon–Fri 08:00–17:00. */
      hours: WeekHoursSchema.optional(),
      /** Holidays: closed all day. */
      closed: NamedDatesSchema.default({}),
      /** Holidays the team works on purpose: open with that weekday's hours. */
      open: NamedDatesSchema.default({}),
    },
    { error: keyedError('expected a calendar: zone, hours, closed, open', { known: ['description', 'extends', 'zone', 'hours', 'closed', 'open'] }) },
  )
  .superRefine((def, ctx) => {
    if (def.hours !== undefined && WEEKDAYS.every((d) => (def.hours?.[d] ?? []).length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'expected opening hours on at least one weekday (a calendar that never opens has no deadlines)', path: ['hours'] });
    }
    for (const [date, name] of Object.entries(def.open)) {
      if (name !== null && def.closed[date] != null) {
        ctx.addIssue({ code: 'custom', message: `is also listed under closed (${def.closed[date]}); a date is either closed or open — remove one (a ~ name removes a date)`, path: ['open', date] });
      }
    }
  });
export type CalendarDefinition = z.infer<typeof CalendarDefinitionSchema>;

const NAME_MESSAGE = 'expected a calendar name of letters, digits, "-" or "_"';

/** The section: calendar name → definition. `default` must exist; `extends` must name one. */
export const CalendarsConfigSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_-]+$/, { error: NAME_MESSAGE }), CalendarDefinitionSchema, {
    error: keyedError('expected named calendars, e.g. `default: { zone: Europe/Madrid, … }`', { badKey: NAME_MESSAGE }),
  })
  .superRefine((cals, ctx) => {
    if (!cals.default) ctx.addIssue({ code: 'custom', message: 'a calendar named "default" is required', path: [] });
    for (const [name, def] of Object.entries(cals)) {
      if (def.extends === undefined) continue;
      if (!cals[def.extends]) {
        ctx.addIssue({ code: 'custom', message: `extends "${def.extends}", which is not a calendar here (${Object.keys(cals).join(', ')})`, path: [name, 'extends'] });
        continue;
      }
      const seen = new Set([name]);
      for (let at: string | undefined = def.extends; at !== undefined; at = cals[at]?.extends) {
        if (seen.has(at)) {
          ctx.addIssue({ code: 'custom', message: `extends itself through ${[...seen].join(' → ')} → ${at}`, path: [name, 'extends'] });
          break;
        }
        seen.add(at);
      }
    }
  });
export type CalendarsConfig = z.infer<typeof CalendarsConfigSchema>;
