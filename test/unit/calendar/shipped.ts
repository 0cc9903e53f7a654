import { loadConfig } from '../../../src/config/load';
import { createCalendars, type BusinessCalendar, type CalendarsConfig } from '../../../src/domain/calendar';

/** The calendars shipped in config/calendars.yaml, validated the way the app loads them. */
export function shippedCalendarsConfig(): CalendarsConfig {
  const result = loadConfig();
  if (!result.ok) throw new Error(`shipped config invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return result.config.calendars;
}

export function shippedCalendars(): ReadonlyMap<string, BusinessCalendar> {
  return createCalendars(shippedCalendarsConfig());
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** An instant from ISO-8601 with its offset, e.g. `2026-06-26T16:00:00+02:00`. */
export function at(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}

/** ISO-8601 with the Madrid offset of the instant (for readable failure messages). */
export function madrid(t: number): string {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
  }).format(t);
  return local.replace(' ', 'T').replace(' GMT', '');
}
