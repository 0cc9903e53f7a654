import type { ResolvedCalendar } from './compiled-calendar';
import { weekdayOf } from './year-table';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** A named date of a calendar's year: a holiday it closes, or one it works on purpose. */
export interface SpecialDate {
  date: string;
  weekday: (typeof WEEKDAY_NAMES)[number];
  name: string;
  kind: 'closed' | 'open';
}

function weekdayName(date: string): SpecialDate['weekday'] {
  const [y, m, d] = date.split('-').map(Number);
  return WEEKDAY_NAMES[weekdayOf(Date.UTC(y, m - 1, d))];
}

/** The year's closed and open-on-holiday dates, in date order. */
export function specialDates(calendar: ResolvedCalendar, year: number): SpecialDate[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const out: SpecialDate[] = [];
  for (const [kind, dates] of [['closed', calendar.closed], ['open', calendar.open]] as const) {
    for (const [date, name] of Object.entries(dates)) {
      if (date.startsWith(prefix)) out.push({ date, weekday: weekdayName(date), name, kind });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The years among `years` in which the calendar closes no date: its holidays are not set yet. */
export function yearsWithoutClosedDates(calendar: ResolvedCalendar, years: readonly number[]): number[] {
  const set = new Set(Object.keys(calendar.closed).map((d) => Number(d.slice(0, 4))));
  return years.filter((y) => !set.has(y));
}
