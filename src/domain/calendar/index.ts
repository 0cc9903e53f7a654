/** The business calendar: pure, zone-aware, precomputed per year. See docs/calendar.md. */
export type { BusinessCalendar } from './business-calendar';
export { addNaturalTime, naturalTimeBetween } from './natural-time';
export { createCalendar } from './create-calendar';
export { createCalendars } from './create-calendars';
export type { CalendarDefinition, CalendarsConfig } from '../../config/calendar.schema';
