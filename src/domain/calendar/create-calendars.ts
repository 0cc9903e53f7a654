import type { CalendarsConfig } from '../../config/calendar.schema';
import type { BusinessCalendar } from './business-calendar';
import { createCalendar } from './create-calendar';

/** Every calendar of the `calendars` section, by name (`default`, `staffed`, a provider's…). */
export function createCalendars(config: CalendarsConfig): ReadonlyMap<string, BusinessCalendar> {
  const out = new Map<string, BusinessCalendar>();
  for (const [name, def] of Object.entries(config)) out.set(name, createCalendar(name, def, config));
  return out;
}
