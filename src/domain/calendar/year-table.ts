import { firstInstantAtWall, offsetSegments } from './zone-offsets';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * One local calendar year of a calendar, precomputed: its opening intervals as UTC instants in
 * order, and the open time accumulated up to the end of each, so a deadline is a binary search.
 */
export interface YearTable {
  readonly year: number;
  /** First instant of 1 January, local time. */
  readonly start: number;
  /** First instant of the next year. */
  readonly end: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Open ms from `start` to `ends[i]`. */
  readonly cumEnd: Float64Array;
  /** Open ms in the whole year. */
  readonly total: number;
}

/** `YYYY-MM-DD` of a local midnight written as UTC ms. */
export function dateKey(wallMidnight: number): string {
  const d = new Date(wallMidnight);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Day of the week of a local midnight written as UTC ms: 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(wallMidnight: number): number {
  return (((Math.floor(wallMidnight / DAY_MS) + 4) % 7) + 7) % 7;
}

export interface YearInputs {
  zone: string;
  /** Per weekday (0 = Sunday), [startMinute, endMinute) intervals. */
  week: readonly (readonly (readonly number[])[])[];
  closed: Readonly<Record<string, string>>;
}

/** The first instant of local 1 January `year` in `zone`. */
export function yearStart(zone: string, year: number): number {
  const wall = Date.UTC(year, 0, 1);
  return firstInstantAtWall(offsetSegments(zone, wall - 2 * DAY_MS, wall + 2 * DAY_MS), wall);
}

/**
 * Builds a year's table. Each local day's wall-clock intervals are mapped to instants through the
 * offsets in force that day, so a day with a DST switch is 23 or 25 hours long and an interval
 * crossing the switch keeps exactly the instants whose local time lies inside it.
 */
export function buildYearTable(inputs: YearInputs, year: number, start: number, end: number): YearTable {
  const firstWall = Date.UTC(year, 0, 1);
  const nextWall = Date.UTC(year + 1, 0, 1);
  const segments = offsetSegments(inputs.zone, firstWall - 2 * DAY_MS, nextWall + 2 * DAY_MS);
  const raw: number[][] = [];
  let seg = 0;
  for (let wall = firstWall; wall < nextWall; wall += DAY_MS) {
    const intervals = inputs.week[weekdayOf(wall)];
    if (intervals.length === 0 || inputs.closed[dateKey(wall)] !== undefined) continue;
    // Offsets that can apply to this day: segments overlapping [wall - 14h, wall + 24h + 14h).
    while (seg < segments.length - 1 && segments[seg].to <= wall - 14 * 3_600_000) seg++;
    for (let k = seg; k < segments.length && segments[k].from < wall + DAY_MS + 14 * 3_600_000; k++) {
      const s = segments[k];
      for (const [a, b] of intervals) {
        const lo = Math.max(wall + a * MINUTE_MS - s.offset, s.from, start);
        const hi = Math.min(wall + b * MINUTE_MS - s.offset, s.to, end);
        if (hi > lo) raw.push([lo, hi]);
      }
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const merged: number[][] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push(iv);
  }
  const n = merged.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cumEnd = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = merged[i][0];
    ends[i] = merged[i][1];
    total += ends[i] - starts[i];
    cumEnd[i] = total;
  }
  return { year, start, end, starts, ends, cumEnd, total };
}
