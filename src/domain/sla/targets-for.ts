import { NATURAL_CALENDAR, type SlaCell, type SlaConfig, type SlaRule } from '../../config/sla.schema';
import { calendarNameFor } from './calendar-name-for';
import { SlaError, type SlaProfile, type SlaSettings, type SlaTarget } from './types';

/** The table cell for a profile: `sla.<hosting>.<type>.<priority>.<plan>`. */
export function slaCellFor(profile: SlaProfile, sla: SlaConfig): SlaCell {
  const table = sla[profile.hosting];
  const rows: Partial<Record<string, Record<string, SlaCell>>> = table[profile.type];
  const row = rows[profile.priority];
  const cell = row?.[profile.plan];
  if (!cell) {
    throw new SlaError('SLA_NO_TABLE_CELL', `no SLA cell sla.${profile.hosting}.${profile.type}.${profile.priority}.${profile.plan}`);
  }
  return cell;
}

/** Whether a rule's `when` conditions hold for a profile. */
export function ruleApplies(rule: SlaRule, profile: SlaProfile): boolean {
  const w = rule.when;
  if (!w) return true;
  return (
    (!w.hosting || w.hosting.includes(profile.hosting)) &&
    (!w.types || w.types.includes(profile.type)) &&
    (!w.priorities || w.priorities.includes(profile.priority)) &&
    (!w.plans || w.plans.includes(profile.plan)) &&
    (w.keyAccount === undefined || w.keyAccount === profile.keyAccount)
  );
}

function clockOf(calendar: string): SlaTarget['clock'] {
  return calendar === NATURAL_CALENDAR ? 'natural' : 'business';
}

/**
 * Every target a ticket with this profile must meet: from the plan tables (contractual first
 * response and resolution intent, and the internal targets for both), then the configured rules
 * that apply, in a stable order. Pure data: no event is looked at.
 */
export function targetsFor(profile: SlaProfile, config: SlaSettings): SlaTarget[] {
  const { sla } = config;
  const calendar = calendarNameFor(profile, sla);
  const targets: SlaTarget[] = [];
  if (sla.planTargets) {
    const cell = slaCellFor(profile, sla);
    const table = (level: 'contractual' | 'internal', kind: 'firstResponse' | 'resolution', durationMs: number): SlaTarget => ({
      key: `${level}.${kind}`,
      name: kind,
      level,
      kind,
      durationMs,
      calendar,
      clock: clockOf(calendar),
      binding: level === 'contractual' && kind === 'firstResponse',
      source: 'table',
    });
    targets.push(
      table('contractual', 'firstResponse', cell.firstResponse),
      table('contractual', 'resolution', cell.resolution),
      table('internal', 'firstResponse', cell.internal.firstResponse),
      table('internal', 'resolution', cell.internal.resolution),
    );
  }
  for (const [name, rule] of Object.entries(sla.rules)) {
    if (!ruleApplies(rule, profile)) continue;
    const cal = rule.calendar ?? calendar;
    targets.push({
      key: `${rule.level}.${name}`,
      name,
      level: rule.level,
      kind: rule.kind,
      durationMs: rule.within,
      calendar: cal,
      clock: clockOf(cal),
      binding: rule.level === 'contractual',
      source: 'rule',
      ...(rule.description ? { description: rule.description } : {}),
    });
  }
  return targets;
}
