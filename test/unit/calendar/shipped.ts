import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { CalendarsConfigSchema } from '../../../src/config/calendar.schema';
import { DEFAULT_CONFIG_DIR, formatIssues } from '../../../src/config/load';
import { createCalendars, type BusinessCalendar, type CalendarsConfig } from '../../../src/domain/calendar';

/**
 * The calendars shipped in config/calendars.yaml, validated by the section's schema (only this
 * section, so these tests do not depend on the other sections being valid while they are written).
 */
export function shippedCalendarsConfig(): CalendarsConfig {
  const raw: unknown = YAML.parse(fs.readFileSync(path.join(DEFAULT_CONFIG_DIR, 'calendars.yaml'), 'utf8'));
  const parsed = CalendarsConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`config/calendars.yaml invalid: ${formatIssues(parsed.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.data;
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
