import type { DomainEvent } from '../../domain/events';
import { createCalendars } from '../../domain/calendar';
import type { SlaFact } from '../../domain/metrics/sla-facts';
import { computeSlaClocks, type SlaSettings } from '../../domain/sla';
import type { CalendarsConfig } from '../../config/calendar.schema';
import type { Instant } from '../../domain/vocabulary';

/**
 * SLA outcomes from the SLA clock (src/domain/sla): every target of every ticket that is met or
 * breached at `now`, dated when it was decided (met: when it stopped; breached: its deadline).
 * Targets still running or paused are not outcomes yet.
 */
export function slaFactsFromClock(events: readonly DomainEvent[], settings: SlaSettings & { calendars: CalendarsConfig }, now: Instant): SlaFact[] {
  const calendars = createCalendars(settings.calendars);
  const byTicket = new Map<string, DomainEvent[]>();
  for (const e of events) (byTicket.get(e.ticketId) ?? byTicket.set(e.ticketId, []).get(e.ticketId)!).push(e);
  const facts: SlaFact[] = [];
  for (const [ticketId, evs] of byTicket) {
    const report = computeSlaClocks({ events: evs, now, config: { sla: settings.sla, plans: settings.plans }, calendars });
    if (!report.profile) continue;
    for (const c of report.clocks) {
      if (c.state !== 'met' && c.state !== 'breached') continue;
      const at = c.state === 'met' ? (c.stoppedAt ?? now) : (c.deadline ?? c.stoppedAt ?? now);
      facts.push({ ticketId, plan: report.profile.plan, kind: c.level, target: c.name, met: c.state === 'met', at });
    }
  }
  return facts;
}
