import type { CalendarDefinition, CalendarsConfig } from '../../config/calendar.schema';
import type { BusinessCalendar } from './business-calendar';
import { CalendarError } from './calendar-error';
import { weekMinutes, type ResolvedCalendar } from './compiled-calendar';
import { resolveCalendar } from './resolve-calendar';
import { buildYearTable, yearStart, type YearInputs, type YearTable } from './year-table';

const AVG_YEAR_MS = 31_556_952_000;
/** How many consecutive years without an open minute before a question is refused. */
const MAX_EMPTY_YEARS = 20;

/** First index i in [lo, n) with arr[i] > x (n when none). */
function firstAbove(arr: Float64Array, x: number, lo: number): number {
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index i in [lo, n) with arr[i] >= x (n when none). */
function firstAtLeast(arr: Float64Array, x: number, lo: number): number {
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Instants the calendar answers for: years 1900 to 9998 (the zone database's reach, and then some). */
const MIN_INSTANT = Date.UTC(1900, 0, 1);
const MAX_INSTANT = Date.UTC(9999, 0, 1);
/** Longer than any SLA: 50 years of real time. Beyond it a caller has mixed up units. */
const MAX_DURATION = 50 * 365.25 * 86_400_000;

function checkInstant(at: number, what: string): void {
  if (!(at >= MIN_INSTANT && at < MAX_INSTANT)) {
    throw new CalendarError('CALENDAR_INVALID_INSTANT', `${what} must be an instant in epoch ms between 1900 and 9998, got ${at}`);
  }
}

/**
 * Year tables and year starts are shared by every calendar with the same zone, hours and closed
 * dates (callers may create calendars per request; a table costs milliseconds to build, a
 * question microseconds). A memo of pure results: it does not change any answer.
 */
const sharedTables = new Map<string, Map<number, YearTable>>();
const sharedStarts = new Map<string, Map<number, number>>();

function shared<V>(store: Map<string, Map<number, V>>, key: string): Map<number, V> {
  let m = store.get(key);
  if (!m) {
    m = new Map();
    store.set(key, m);
  }
  return m;
}

function contentKey(inputs: YearInputs): string {
  return JSON.stringify([inputs.zone, inputs.week, Object.keys(inputs.closed).sort()]);
}

/**
 * The calendar behind {@link BusinessCalendar}: year tables built lazily and cached, so every
 * question is a couple of binary searches over the year's opening intervals (O(log n)).
 */
class TableCalendar implements BusinessCalendar {
  readonly name: string;
  readonly zone: string;
  private readonly inputs: YearInputs;
  private readonly tables: Map<number, YearTable>;
  private readonly starts: Map<number, number>;
  private last: YearTable | undefined;

  constructor(resolved: ResolvedCalendar) {
    this.name = resolved.name;
    this.zone = resolved.zone;
    this.inputs = { zone: resolved.zone, week: weekMinutes(resolved.hours), closed: resolved.closed };
    if (this.inputs.week.every((d) => d.length === 0)) {
      throw new CalendarError('CALENDAR_NEVER_OPEN', `calendar "${resolved.name}" has no opening hours on any weekday`);
    }
    this.tables = shared(sharedTables, contentKey(this.inputs));
    this.starts = shared(sharedStarts, this.zone);
  }

  private startOf(year: number): number {
    let s = this.starts.get(year);
    if (s === undefined) {
      s = yearStart(this.zone, year);
      this.starts.set(year, s);
    }
    return s;
  }

  private year(year: number): YearTable {
    let t = this.tables.get(year);
    if (!t) {
      t = buildYearTable(this.inputs, year, this.startOf(year), this.startOf(year + 1));
      this.tables.set(year, t);
    }
    return t;
  }

  /** The table of the local year holding instant `at`. */
  private tableAt(at: number): YearTable {
    const last = this.last;
    if (last !== undefined && at >= last.start && at < last.end) return last;
    let y = 1970 + Math.floor(at / AVG_YEAR_MS);
    while (at < this.startOf(y)) y--;
    while (at >= this.startOf(y + 1)) y++;
    const t = this.year(y);
    this.last = t;
    return t;
  }

  isOpen(at: number): boolean {
    checkInstant(at, 'at');
    const t = this.tableAt(at);
    const i = firstAbove(t.ends, at, 0);
    return i < t.ends.length && t.starts[i] <= at;
  }

  nextOpening(at: number): number {
    checkInstant(at, 'at');
    let t = this.tableAt(at);
    const i = firstAbove(t.ends, at, 0);
    if (i < t.ends.length) return Math.max(at, t.starts[i]);
    for (let k = 0; k < MAX_EMPTY_YEARS; k++) {
      t = this.year(t.year + 1);
      if (t.ends.length > 0) return t.starts[0];
    }
    return this.neverOpen(at);
  }

  addBusinessTime(from: number, ms: number): number {
    checkInstant(from, 'from');
    if (!(ms >= 0 && ms <= MAX_DURATION)) {
      throw new CalendarError('CALENDAR_INVALID_DURATION', `a business duration must be a number of ms from 0 to 50 years, got ${ms}`);
    }
    if (ms === 0) return from;
    let t = this.tableAt(from);
    // Open time already elapsed in the year at `from`.
    let target = this.openBefore(t, from) + ms;
    for (let empty = 0; empty < MAX_EMPTY_YEARS; ) {
      if (target <= t.total) {
        // The interval where the count ends: the first whose accumulated end reaches the target,
        // so a deadline on a closing time stays there (Friday 17:00, not Monday 08:00).
        const j = firstAtLeast(t.cumEnd, target, 0);
        return t.ends[j] - (t.cumEnd[j] - target);
      }
      target -= t.total;
      empty = t.total === 0 ? empty + 1 : 0;
      t = this.year(t.year + 1);
    }
    return this.neverOpen(from);
  }

  businessTimeBetween(from: number, to: number): number {
    checkInstant(from, 'from');
    checkInstant(to, 'to');
    if (to <= from) return 0;
    const a = this.tableAt(from);
    const before = this.openBefore(a, from);
    const b = this.tableAt(to);
    if (a === b) return this.openBefore(b, to) - before;
    let sum = a.total - before + this.openBefore(b, to);
    for (let y = a.year + 1; y < b.year; y++) sum += this.year(y).total;
    return sum;
  }

  /** Open ms from the start of the table's year to `at`. */
  private openBefore(t: YearTable, at: number): number {
    const i = firstAbove(t.ends, at, 0);
    if (i >= t.ends.length) return t.total;
    return (i > 0 ? t.cumEnd[i - 1] : 0) + Math.max(0, at - t.starts[i]);
  }

  private neverOpen(at: number): never {
    throw new CalendarError(
      'CALENDAR_NEVER_OPEN',
      `calendar "${this.name}" has no open time in the ${MAX_EMPTY_YEARS} years after ${new Date(at).toISOString()}`,
    );
  }
}

/**
 * A business calendar from its definition (one entry of config/calendars.yaml). A definition that
 * `extends` another needs the whole section as `all` to find it.
 */
export function createCalendar(name: string, def: CalendarDefinition, all?: CalendarsConfig): BusinessCalendar {
  return new TableCalendar(resolveCalendar(name, def, all));
}
