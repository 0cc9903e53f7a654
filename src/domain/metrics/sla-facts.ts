import type { Instant, Plan } from '../vocabulary';
import type { TicketFacts } from './ticket-facts';

/** Contractual targets are in the customer's contract; internal ones are the team's stricter goals. */
export type SlaKind = 'contractual' | 'internal';

/**
 * One SLA outcome of one ticket: target `firstResponse` (or any target name the SLA clock uses) of
 * kind contractual or internal was met or breached, decided at `at` (when it was met, or when the
 * deadline passed). Metrics count it in the period containing `at`.
 */
export interface SlaFact {
  ticketId: string;
  plan: Plan | null;
  kind: SlaKind;
  target: string;
  met: boolean;
  at: Instant;
}

const KINDS: readonly SlaKind[] = ['contractual', 'internal'];

/**
 * SLA outcomes read from the event log alone, for when the SLA clock's own outcomes are not passed
 * in: for each kind, a ticket that received a first response, or that got an `sla-breached` alert of
 * that kind, yields one `firstResponse` fact — breached when an `sla-breached` alert of that kind
 * (target `contractual.…` / `internal.…`) was sent, met otherwise. It relies on the breach alerts
 * being sent, which is the bot's job; tickets still waiting without a breach are not counted yet.
 */
export function slaFactsFromAlerts(tickets: readonly TicketFacts[]): SlaFact[] {
  const facts: SlaFact[] = [];
  for (const t of tickets) {
    if (t.deleted) continue;
    for (const kind of KINDS) {
      const breaches = t.slaBreaches.filter((b) => b.target.startsWith(`${kind}.`));
      if (breaches.length > 0) {
        facts.push({ ticketId: t.ticketId, plan: t.plan, kind, target: 'firstResponse', met: false, at: Math.min(...breaches.map((b) => b.at)) });
      } else if (t.firstResponseAt !== null) {
        facts.push({ ticketId: t.ticketId, plan: t.plan, kind, target: 'firstResponse', met: true, at: t.firstResponseAt });
      }
    }
  }
  return facts;
}
