import type { SlaConfig } from '../../config/sla.schema';
import type { SlaProfile } from './types';

/**
 * The calendar a ticket's clock runs on (a name from the `calendars` section, or `natural`).
 * The first that applies wins: the priority's (Muy Alta runs 24x7), the key accounts', the plan's,
 * the default.
 */
export function calendarNameFor(profile: SlaProfile, sla: SlaConfig): string {
  const c = sla.calendars;
  if (profile.priority !== 'normal') {
    const byPriority = c.priorities[profile.priority];
    if (byPriority) return byPriority;
  }
  if (profile.keyAccount && c.keyAccount) return c.keyAccount;
  return c.plans[profile.plan] ?? c.default;
}
