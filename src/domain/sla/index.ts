/** The SLA clock: targets from the plan tables and rules, evaluated against a ticket's events. */
export * from './types';
export { targetsFor, slaCellFor, ruleApplies } from './targets-for';
export { calendarNameFor } from './calendar-name-for';
export { profileOf } from './profile-of';
export { computeSlaClocks, slaCalendar } from './compute-sla-clocks';
export { partyOf } from './split-time';
export { naturalCalendar } from './natural-calendar';
export { isPublicReply, isSupportAction } from './support-actions';

/** The plans, strictest first (Platinum, Gold, Silver, Bronze). */
export { PLANS } from './plans';
export { slaWarnings } from './sla-warnings';
