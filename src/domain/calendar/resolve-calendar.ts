import { DEFAULT_CALENDAR_ZONE, type CalendarDefinition, type CalendarsConfig } from '../../config/calendar.schema';
import { CalendarError } from './calendar-error';
import { DEFAULT_WEEK_HOURS, type ResolvedCalendar } from './compiled-calendar';

/**
 * Resolves `extends`: the parent's zone, hours and dates apply unless the child says otherwise.
 * A date the child opens is no longer closed (and the reverse); a `null` name removes a date.
 */
export function resolveCalendar(name: string, def: CalendarDefinition, all: CalendarsConfig = {}, seen: string[] = []): ResolvedCalendar {
  if (seen.includes(name)) {
    throw new CalendarError('CALENDAR_EXTENDS_CYCLE', `calendar "${name}" extends itself through ${[...seen, name].join(' → ')}`);
  }
  let parent: ResolvedCalendar | undefined;
  if (def.extends !== undefined) {
    const p = all[def.extends];
    if (!p) throw new CalendarError('CALENDAR_UNKNOWN', `calendar "${name}" extends "${def.extends}", which is not defined`);
    parent = resolveCalendar(def.extends, p, all, [...seen, name]);
  }
  const closed: Record<string, string> = { ...parent?.closed };
  const open: Record<string, string> = { ...parent?.open };
  for (const [date, label] of Object.entries(def.closed ?? {})) {
    delete closed[date];
    delete open[date];
    if (label !== null) closed[date] = label;
  }
  for (const [date, label] of Object.entries(def.open ?? {})) {
    if (label === null) {
      delete open[date];
      continue;
    }
    delete closed[date];
    open[date] = label;
  }
  return {
    name,
    description: def.description ?? parent?.description,
    zone: def.zone ?? parent?.zone ?? DEFAULT_CALENDAR_ZONE,
    hours: def.hours ?? parent?.hours ?? DEFAULT_WEEK_HOURS,
    closed,
    open,
  };
}

/** Every calendar of the section, resolved. */
export function resolveCalendars(config: CalendarsConfig): ResolvedCalendar[] {
  return Object.entries(config).map(([name, def]) => resolveCalendar(name, def, config));
}
