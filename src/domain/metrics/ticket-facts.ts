import { compareEvents, type DomainEvent } from '../events';
import { foldTicket } from '../ticket';
import type { Instant, Plan, Priority, TicketType } from '../vocabulary';

/** One support reply and the customer message it answered (the oldest one still unanswered). */
export interface ResponsePair {
  askedAt: Instant;
  repliedAt: Instant;
  adminId: string | null;
}

/** A customer's rating of a conversation (Intercom conversation rating, 1–5). */
export interface RatingFact {
  rating: number;
  adminId: string | null;
  at: Instant;
}

/**
 * What the metrics need to know about one ticket, read once from its event log. Classification
 * (type, priority, plan, tags) is the ticket's state after all its events (see {@link foldTicket}).
 */
export interface TicketFacts {
  ticketId: string;
  openedAt: Instant | null;
  type: TicketType | null;
  /** The incident priority, or the evolutivo criticality. */
  priority: Priority | null;
  plan: Plan | null;
  tags: string[];
  keyAccount: boolean;
  assigneeId: string | null;
  firstResponseAt: Instant | null;
  responses: ResponsePair[];
  /** The last close, when the ticket was not reopened after it. */
  closedAt: Instant | null;
  snoozedAt: Instant[];
  /** The customer's latest rating (a re-rating replaces the earlier one, as in Intercom). */
  rating: RatingFact | null;
  /** Follow-up ladder stages alerted (AlertSent `ladder`, target = stage number). */
  ladder: { stage: number; at: Instant }[];
  /** SLA breach alerts (AlertSent `sla-breached`), target like `contractual.firstResponse`. */
  slaBreaches: { target: string; at: Instant }[];
  deleted: boolean;
}

function dedupeSorted(events: readonly DomainEvent[]): DomainEvent[] {
  const seen = new Set<string>();
  const out: DomainEvent[] = [];
  for (const e of [...events].sort(compareEvents)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

/**
 * Reads a ticket's event log into {@link TicketFacts}. Tolerates duplicates and any order, like
 * the fold. Response pairs follow Intercom's definition of response time: each public support reply
 * is timed from the oldest customer message it answers (the opening message counts).
 */
export function ticketFacts(ticketId: string, events: readonly DomainEvent[]): TicketFacts {
  const ordered = dedupeSorted(events);
  const t = foldTicket(ticketId, ordered);
  const responses: ResponsePair[] = [];
  const snoozedAt: Instant[] = [];
  const ladder: { stage: number; at: Instant }[] = [];
  const slaBreaches: { target: string; at: Instant }[] = [];
  let waitingSince: Instant | null = null;
  let rating: RatingFact | null = null;
  let closedAt: Instant | null = null;
  for (const e of ordered) {
    switch (e.kind) {
      case 'ConversationOpened':
      case 'CustomerMessaged':
        waitingSince ??= e.at;
        break;
      case 'SupportReplied':
        if (waitingSince !== null) responses.push({ askedAt: waitingSince, repliedAt: e.at, adminId: e.adminId });
        waitingSince = null;
        break;
      case 'Snoozed':
        snoozedAt.push(e.at);
        break;
      case 'Closed':
        closedAt = e.at;
        break;
      case 'Reopened':
        closedAt = null;
        break;
      case 'Rated':
        rating = { rating: e.rating, adminId: e.adminId, at: e.at };
        break;
      case 'AlertSent': {
        if (e.alert === 'ladder') {
          const stage = Number.parseInt(e.target, 10);
          if (Number.isFinite(stage)) ladder.push({ stage, at: e.at });
        } else if (e.alert === 'sla-breached') {
          slaBreaches.push({ target: e.target, at: e.at });
        }
        break;
      }
      default:
        break;
    }
  }
  return {
    ticketId,
    openedAt: t.createdAt,
    type: t.type,
    priority: t.priority ?? t.evoCriticality,
    plan: t.company?.plan ?? null,
    tags: t.tags,
    keyAccount: t.keyAccount,
    assigneeId: t.assigneeId,
    firstResponseAt: t.firstPublicReplyAt,
    responses,
    closedAt,
    snoozedAt,
    rating,
    ladder,
    slaBreaches,
    deleted: t.status === 'deleted',
  };
}

/** Groups a flat event stream by ticket and reads each ticket's facts. */
export function factsFromEvents(events: readonly DomainEvent[]): TicketFacts[] {
  const byTicket = new Map<string, DomainEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.ticketId);
    if (list) list.push(e);
    else byTicket.set(e.ticketId, [e]);
  }
  return [...byTicket.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, evs]) => ticketFacts(id, evs));
}
