import { WEEKDAYS, type WeekHours } from '../../config/calendar.schema';

/** A calendar with its inheritance resolved: what the year tables are built from. */
export interface ResolvedCalendar {
  readonly name: string;
  readonly description?: string;
  readonly zone: string;
  readonly hours: WeekHours;
  /** Closed dates, `YYYY-MM-DD` → name. */
  readonly closed: Readonly<Record<string, string>>;
  /** Holidays worked on purpose, `YYYY-MM-DD` → name: open with the weekday's hours. */
  readonly open: Readonly<Record<string, string>>;
}

/** The methodology's hours: Monday to Friday, 08:00–17:00. */
export const DEFAULT_WEEK_HOURS: WeekHours = {
  mon: [{ start: '08:00', end: '17:00' }],
  tue: [{ start: '08:00', end: '17:00' }],
  wed: [{ start: '08:00', end: '17:00' }],
  thu: [{ start: '08:00', end: '17:00' }],
  fri: [{ start: '08:00', end: '17:00' }],
};

function minutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/**
 * Opening intervals per day of the week as [startMinute, endMinute) pairs, indexed like
 * `Date#getUTCDay` (0 = Sunday), sorted and with touching intervals merged.
 */
export function weekMinutes(hours: WeekHours): number[][][] {
  const byJsDay: number[][][] = [[], [], [], [], [], [], []];
  WEEKDAYS.forEach((day, i) => {
    const list = (hours[day] ?? []).map((iv) => [minutes(iv.start), minutes(iv.end)]).sort((a, b) => a[0] - b[0]);
    const merged: number[][] = [];
    for (const iv of list) {
      const last = merged[merged.length - 1];
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    byJsDay[(i + 1) % 7] = merged;
  });
  return byJsDay;
}
