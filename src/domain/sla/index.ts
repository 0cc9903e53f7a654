/** The SLA clock: targets from the plan tables and rules, evaluated against a ticket's events. */
export * from './types';
export { targetsFor, slaCellFor, ruleApplies } from './targets-for';
export { calendarNameFor } from './calendar-name-for';
