import type { CalendarsConfig } from '../../config/calendar.schema';
import { localYear } from './local-year';
import { resolveCalendars } from './resolve-calendar';
import { yearsWithoutClosedDates } from './special-dates';

/**
 * The calendar is set each January: warns about every calendar with no closed dates in the
 * current or the next year (in its own zone) as of `now`.
 */
export function calendarWarnings(config: CalendarsConfig, now: number): string[] {
  const out: string[] = [];
  for (const cal of resolveCalendars(config)) {
    const year = localYear(cal.zone, now);
    for (const y of yearsWithoutClosedDates(cal, [year, year + 1])) {
      out.push(`calendars.${cal.name}: no closed dates configured for ${y} — add the year's holidays to config/calendars.yaml (the calendar is set each January)`);
    }
  }
  return out;
}
