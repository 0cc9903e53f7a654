import { DateTime } from 'luxon';
import type { Instant } from '../vocabulary';
import { MetricsError } from './metrics-error';

/**
 * A reporting period: `[start, end)` in epoch ms, with a label (`2026-W47`, `2026-11`, `2026-Q4`).
 * Weeks are ISO weeks (Monday to Sunday) in the reporting time zone (Europe/Madrid by default),
 * so a week starts at Monday 00:00 local time whatever the DST offset.
 */
export interface Period {
  id: string;
  start: Instant;
  end: Instant;
  /** Calendar days covered (7 for a week), used to compare periods of different lengths per week. */
  days: number;
}

/** The reporting time zone the methodology uses. */
export const DEFAULT_REPORT_ZONE = 'Europe/Madrid';

const WEEK_ID_RE = /^(\d{4})-W(\d{2})$/;

function period(id: string, start: DateTime, end: DateTime): Period {
  return { id, start: start.toMillis(), end: end.toMillis(), days: Math.round(end.diff(start, 'days').days) };
}

function weekFrom(dt: DateTime): Period {
  const start = dt.startOf('week');
  const id = `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
  return period(id, start, start.plus({ weeks: 1 }));
}

/** Parses an ISO week label such as `2026-W47` into its period; throws `BAD_WEEK` otherwise. */
export function parseIsoWeek(id: string, zone: string = DEFAULT_REPORT_ZONE): Period {
  const m = WEEK_ID_RE.exec(id.trim());
  if (!m) throw new MetricsError('BAD_WEEK', `expected an ISO week like 2026-W47, got ${JSON.stringify(id)}`);
  const dt = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone });
  if (!dt.isValid || dt.weekNumber !== Number(m[2])) {
    throw new MetricsError('BAD_WEEK', `${id} is not a week of ${m[1]}`);
  }
  return weekFrom(dt);
}

/** The ISO week (in `zone`) that contains the instant. */
export function weekOf(at: Instant, zone: string = DEFAULT_REPORT_ZONE): Period {
  return weekFrom(DateTime.fromMillis(at, { zone }));
}

/** The `count` weeks ending with `last` (oldest first). */
export function weeksEndingWith(last: Period, count: number, zone: string = DEFAULT_REPORT_ZONE): Period[] {
  const weeks: Period[] = [];
  let w = last;
  for (let i = 0; i < count; i++) {
    weeks.unshift(w);
    w = weekOf(w.start - 1, zone);
  }
  return weeks;
}

/** The calendar month (in `zone`) that contains the instant, labelled `2026-11`. */
export function monthOf(at: Instant, zone: string = DEFAULT_REPORT_ZONE): Period {
  const start = DateTime.fromMillis(at, { zone }).startOf('month');
  return period(start.toFormat('yyyy-MM'), start, start.plus({ months: 1 }));
}

/** The calendar quarter (in `zone`) that contains the instant, labelled `2026-Q4`. */
export function quarterOf(at: Instant, zone: string = DEFAULT_REPORT_ZONE): Period {
  const start = DateTime.fromMillis(at, { zone }).startOf('quarter');
  return period(`${start.year}-Q${start.quarter}`, start, start.plus({ quarters: 1 }));
}

/** The period of the same kind just before `p` (previous week, month or quarter). */
export function previousPeriod(p: Period, zone: string = DEFAULT_REPORT_ZONE): Period {
  if (WEEK_ID_RE.test(p.id)) return weekOf(p.start - 1, zone);
  if (/-Q\d$/.test(p.id)) return quarterOf(p.start - 1, zone);
  return monthOf(p.start - 1, zone);
}

/** `p` cut short at `end` (e.g. the quarter to date); keeps the label, recounts the days. */
export function truncatePeriod(p: Period, end: Instant, zone: string = DEFAULT_REPORT_ZONE): Period {
  if (end >= p.end) return p;
  const s = DateTime.fromMillis(p.start, { zone });
  const e = DateTime.fromMillis(Math.max(end, p.start), { zone });
  return { ...period(p.id, s, e), id: p.id };
}

/** The instant a local date (`YYYY-MM-DD`) starts in `zone`. */
export function startOfLocalDate(date: string, zone: string = DEFAULT_REPORT_ZONE): Instant {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new MetricsError('BAD_DATE', `expected a date like 2026-04-15, got ${JSON.stringify(date)}`);
  return dt.startOf('day').toMillis();
}

/** Whether the instant falls in the period. */
export function inPeriod(at: Instant, p: Period): boolean {
  return at >= p.start && at < p.end;
}
