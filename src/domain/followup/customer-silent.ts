import type { Ticket } from '../ticket';
import { assigneeOrTeam } from './recipients';
import type { AlertChannels, FollowupCalendar, Nag } from './types';

/**
 * Customer silent after support asked for information (the ticket is waiting on the customer):
 * after `remindAfter` business time, remind the agent to chase the customer; after `closeAfter`,
 * suggest closing with an explicit non-resolution ("customer silent after several attempts → warn,
 * then close"). Counts from the last support activity; a customer message ends the wait.
 * Only the latest due step is sent.
 */
export function customerSilentNags(
  t: Ticket,
  now: number,
  calendar: FollowupCalendar,
  times: { remindAfter: number; closeAfter: number },
  channels: AlertChannels,
): Nag[] {
  if (!t.opened || t.status !== 'waiting-on-customer' || t.lastSupportActivityAt === null) return [];
  const since = t.lastSupportActivityAt;
  const remindAt = calendar.addBusinessTime(since, times.remindAfter);
  const closeAt = calendar.addBusinessTime(since, times.closeAfter);
  const nags: Nag[] = [];
  if (!(closeAt <= now && remindAt <= now)) {
    nags.push({ alert: 'customer-silent', target: 'remind', dueAt: remindAt, cycleStart: since, vars: { sinceAt: since }, deliveries: [assigneeOrTeam(t, channels.team, 'customer-silent-remind')] });
  }
  nags.push({ alert: 'customer-silent', target: 'close', dueAt: closeAt, cycleStart: since, vars: { sinceAt: since }, deliveries: [assigneeOrTeam(t, channels.team, 'customer-silent-close')] });
  return nags;
}
