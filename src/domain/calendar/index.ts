/** The business calendar: pure, zone-aware, precomputed per year. See docs/calendar.md. */
export type { BusinessCalendar } from './business-calendar';
export { addNaturalTime, naturalTimeBetween } from './natural-time';
export { createCalendar } from './create-calendar';
export { createCalendars } from './create-calendars';
export type { CalendarDefinition, CalendarsConfig } from '../../config/calendar.schema';
export { CalendarError, type CalendarErrorCode } from './calendar-error';
export { resolveCalendar, resolveCalendars } from './resolve-calendar';
export type { ResolvedCalendar } from './compiled-calendar';
export { specialDates, yearsWithoutClosedDates, type SpecialDate } from './special-dates';
export { calendarWarnings } from './calendar-warnings';
