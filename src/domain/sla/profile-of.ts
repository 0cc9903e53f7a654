import type { SlaConfig } from '../../config/sla.schema';
import type { Ticket } from '../ticket';
import type { SlaProfile } from './types';

/**
 * What decides a ticket's SLA targets, from its state: hosting and plan from the company, type and
 * priority from the classification in force (an agent's reclassification wins). Whatever the
 * ticket does not say yet comes from `sla.assume` (e.g. a company without a plan is Bronze).
 */
export function profileOf(ticket: Ticket, sla: SlaConfig): SlaProfile {
  const a = sla.assume;
  const type = ticket.type ?? a.type;
  const priority =
    type === 'consulta' ? 'normal' : type === 'incidencia' ? (ticket.priority ?? a.incidentPriority) : (ticket.evoCriticality ?? a.evoCriticality);
  return {
    hosting: ticket.company?.hosting ?? a.hosting,
    type,
    priority,
    plan: ticket.company?.plan ?? a.plan,
    keyAccount: ticket.keyAccount,
  };
}
