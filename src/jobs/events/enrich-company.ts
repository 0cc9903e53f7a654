import type { DomainEvent } from '../../domain/events';
import { DomainEventSchema } from '../../domain/events';
import type { Ticket } from '../../domain/ticket';
import type { IntercomPort, Logger } from '../../ports';

/** Id of the enrichment event: one per ticket and company, so a retry appends it once. */
export const companyEnrichedEventId = (ticketId: string, companyId: string): string => `intercom:${ticketId}:company:${companyId}`;

/**
 * The company behind a newly opened ticket (plan, KA, hosting, CSM), as a CompanyEnriched event, or
 * nothing when the ticket already has one, has no customer yet, or the contact has no company.
 *
 * A retryable failure (rate limit, Intercom down) is thrown, so the job is retried with backoff
 * before any decision runs without the plan (the SLA depends on it); a request Intercom rejects
 * (403, 400) would fail every time, so it is logged and the ticket goes on without a company.
 */
export async function enrichCompany(ticket: Ticket, intercom: IntercomPort, logger: Logger): Promise<DomainEvent[]> {
  if (!ticket.opened || ticket.company !== null || !ticket.customer) return [];
  try {
    const companyId = await intercom.getContactCompanyId(ticket.customer.contactId);
    if (!companyId) return [];
    const company = await intercom.getCompany(companyId);
    if (!company) return [];
    return [
      DomainEventSchema.parse({
        id: companyEnrichedEventId(ticket.id, companyId),
        ticketId: ticket.id,
        at: ticket.createdAt ?? 0,
        source: 'intercom',
        kind: 'CompanyEnriched',
        company,
      }),
    ];
  } catch (err) {
    if ((err as { retryable?: unknown }).retryable === false) {
      logger.warn({ ticketId: ticket.id, err: (err as Error).message, code: (err as { code?: string }).code }, 'company enrichment rejected by Intercom; going on without the company');
      return [];
    }
    throw err;
  }
}
