import { NATURAL_CALENDAR, type SlaConfig } from '../../config/sla.schema';

/**
 * Cross-checks the `sla` section against the calendars defined: every calendar it names must
 * exist (or be `natural`), otherwise the SLA clock throws `SLA_UNKNOWN_CALENDAR` for the tickets
 * that would use it. Also flags a provider that sets no target (it would change nothing).
 */
export function slaWarnings(sla: SlaConfig, calendarNames: readonly string[]): string[] {
  const out: string[] = [];
  const known = new Set([...calendarNames, NATURAL_CALENDAR]);
  const check = (path: string, name: string | undefined) => {
    if (name !== undefined && !known.has(name)) {
      out.push(`sla.${path}: calendar "${name}" is not defined in calendars (${[...known].join(', ')}); tickets using it cannot be timed`);
    }
  };
  check('calendars.default', sla.calendars.default);
  check('calendars.keyAccount', sla.calendars.keyAccount);
  for (const [plan, name] of Object.entries(sla.calendars.plans)) check(`calendars.plans.${plan}`, name);
  for (const [priority, name] of Object.entries(sla.calendars.priorities)) check(`calendars.priorities.${priority}`, name);
  for (const [provider, p] of Object.entries(sla.providers)) {
    check(`providers.${provider}.calendar`, p.calendar);
    if (p.firstResponse === undefined && p.resolution === undefined && !p.internal?.firstResponse && !p.internal?.resolution) {
      out.push(`sla.providers.${provider}: sets no target (firstResponse, resolution); our own targets apply`);
    }
  }
  for (const [rule, r] of Object.entries(sla.rules)) check(`rules.${rule}.calendar`, r.calendar);
  return out;
}
