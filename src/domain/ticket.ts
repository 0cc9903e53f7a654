import { compareEvents, type Classification, type Company, type Customer, type DomainEvent, type AlertKind } from './events';
import { EvoCriticalitySchema, IncidentPrioritySchema, type EvoCriticality, type IncidentPriority, type Instant, type Priority, type TicketType } from './vocabulary';

export type TicketStatus = 'open' | 'snoozed' | 'waiting-on-customer' | 'waiting-on-provider' | 'closed' | 'deleted';

/** An alert already sent, so decisions never send it twice. Key: `${alert}:${target}`. */
export interface SentAlert {
  alert: AlertKind;
  target: string;
  at: Instant;
  channel: string | null;
  slackTs: string | null;
}

/**
 * A ticket: everything the decisions need, derived from its events by {@link foldTicket}.
 * The stored copy in Redis is a cache of this fold; the events are the truth.
 */
export interface Ticket {
  id: string;
  /** False until the ConversationOpened event has arrived (events may arrive out of order). */
  opened: boolean;
  subject: string | null;
  body: string;
  language: 'es' | 'en' | null;
  customer: Customer | null;
  company: Company | null;
  tags: string[];
  assigneeId: string | null;
  teamId: string | null;
  status: TicketStatus;
  /** The classification in force: the bot's, unless an agent reclassified. */
  type: TicketType | null;
  priority: IncidentPriority | null;
  evoCriticality: EvoCriticality | null;
  classification: Classification | null;
  reclassifiedBy: string | null;
  keyAccount: boolean;
  createdAt: Instant | null;
  firstPublicReplyAt: Instant | null;
  lastPublicReplyAt: Instant | null;
  lastCustomerMessageAt: Instant | null;
  /** The last moment support did anything visible to the customer or asked for waiting. */
  lastSupportActivityAt: Instant | null;
  closedAt: Instant | null;
  snoozedUntil: Instant | null;
  waitingOnProvider: string | null;
  /** Customer message followed by a support reply, counted as one exchange. */
  exchanges: number;
  rating: { rating: number; remark: string | null; adminId: string | null; at: Instant } | null;
  jira: { key: string; url: string; status: string | null; statusCategory: string | null } | null;
  slackThread: { channel: string; ts: string } | null;
  bug: { kind: string; by: string; fields: Record<string, string>; priority: Priority | null } | null;
  ladderSnoozedUntil: Instant | null;
  alerts: Record<string, SentAlert>;
  /** Event ids folded in, to absorb duplicates. */
  seen: number;
  /** Instant of the latest event folded in. */
  updatedAt: Instant | null;
}

export function emptyTicket(id: string): Ticket {
  return {
    id,
    opened: false,
    subject: null,
    body: '',
    language: null,
    customer: null,
    company: null,
    tags: [],
    assigneeId: null,
    teamId: null,
    status: 'open',
    type: null,
    priority: null,
    evoCriticality: null,
    classification: null,
    reclassifiedBy: null,
    keyAccount: false,
    createdAt: null,
    firstPublicReplyAt: null,
    lastPublicReplyAt: null,
    lastCustomerMessageAt: null,
    lastSupportActivityAt: null,
    closedAt: null,
    snoozedUntil: null,
    waitingOnProvider: null,
    exchanges: 0,
    rating: null,
    jira: null,
    slackThread: null,
    bug: null,
    ladderSnoozedUntil: null,
    alerts: {},
    seen: 0,
    updatedAt: null,
  };
}

/** The key under which an alert is remembered in {@link Ticket.alerts}. */
export function alertKey(alert: AlertKind, target: string): string {
  return `${alert}:${target}`;
}

const KA_TAG = 'KA';

function hasKaTag(tags: readonly string[]): boolean {
  return tags.some((t) => t.trim().toUpperCase() === KA_TAG);
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Applies one event to a ticket. Pure; returns a new ticket. Call through {@link foldTicket},
 * which orders events and drops duplicates, unless you know the event is the newest.
 */
export function applyEvent(t: Ticket, e: DomainEvent): Ticket {
  const next: Ticket = { ...t, seen: t.seen + 1, updatedAt: Math.max(t.updatedAt ?? 0, e.at) };
  switch (e.kind) {
    case 'ConversationOpened': {
      const company = e.company ?? next.company;
      const tags = uniq([...next.tags, ...e.tags]);
      return {
        ...next,
        opened: true,
        subject: e.subject,
        body: e.body,
        language: e.language ?? next.language,
        customer: e.customer ?? next.customer,
        company,
        tags,
        assigneeId: next.assigneeId ?? e.assigneeId,
        createdAt: e.at,
        lastCustomerMessageAt: Math.max(next.lastCustomerMessageAt ?? 0, e.at),
        keyAccount: next.keyAccount || hasKaTag(company?.tags ?? []),
      };
    }
    case 'CustomerMessaged':
      // A customer message ends waiting on the customer, wakes a snoozed conversation and, as in
      // Intercom, reopens a closed one: the clocks resume (a deleted conversation stays deleted).
      return {
        ...next,
        lastCustomerMessageAt: e.at,
        status: next.status === 'deleted' ? next.status : next.waitingOnProvider ? 'waiting-on-provider' : 'open',
        closedAt: next.status === 'deleted' ? next.closedAt : null,
        snoozedUntil: null,
      };
    case 'SupportReplied': {
      const newExchange = next.lastCustomerMessageAt !== null && (next.lastPublicReplyAt === null || next.lastPublicReplyAt < next.lastCustomerMessageAt);
      return {
        ...next,
        firstPublicReplyAt: next.firstPublicReplyAt === null ? e.at : Math.min(next.firstPublicReplyAt, e.at),
        lastPublicReplyAt: Math.max(next.lastPublicReplyAt ?? 0, e.at),
        lastSupportActivityAt: Math.max(next.lastSupportActivityAt ?? 0, e.at),
        exchanges: next.exchanges + (newExchange ? 1 : 0),
      };
    }
    case 'NoteAdded':
      return next;
    case 'Assigned':
      return { ...next, assigneeId: e.adminId, teamId: e.teamId ?? next.teamId };
    case 'Tagged': {
      const tags = uniq([...next.tags, ...e.tags]);
      return { ...next, tags };
    }
    case 'Snoozed':
      return next.status === 'closed' ? next : { ...next, status: 'snoozed', snoozedUntil: e.until };
    case 'Unsnoozed':
      return next.status === 'snoozed' ? { ...next, status: 'open', snoozedUntil: null } : next;
    case 'Closed':
      return { ...next, status: 'closed', closedAt: e.at, snoozedUntil: null };
    case 'Reopened':
      return { ...next, status: next.waitingOnProvider ? 'waiting-on-provider' : 'open', closedAt: null };
    case 'Deleted':
      return { ...next, status: 'deleted' };
    case 'Rated':
      return { ...next, rating: { rating: e.rating, remark: e.remark, adminId: e.adminId, at: e.at } };
    case 'CompanyEnriched':
      return {
        ...next,
        company: e.company,
        customer: e.customer ?? next.customer,
        keyAccount: next.keyAccount || hasKaTag(e.company.tags),
      };
    case 'Classified': {
      if (next.reclassifiedBy !== null) return { ...next, classification: e.classification };
      const c = e.classification;
      return {
        ...next,
        classification: c,
        type: c.type,
        priority: c.priority,
        evoCriticality: c.evoCriticality,
        keyAccount: next.keyAccount || c.flags.keyAccount,
        language: next.language ?? c.language ?? null,
      };
    }
    case 'Reclassified': {
      // The vocabulary says which priorities belong to which type; anything else is dropped.
      const priority = e.type === 'incidencia' ? (IncidentPrioritySchema.safeParse(e.priority).data ?? null) : null;
      const evoCriticality = e.type === 'evolutivo' ? (EvoCriticalitySchema.safeParse(e.priority).data ?? null) : null;
      return { ...next, type: e.type, priority, evoCriticality, reclassifiedBy: e.by };
    }
    case 'WaitingOnCustomer':
      return next.status === 'closed' ? next : { ...next, status: 'waiting-on-customer', lastSupportActivityAt: Math.max(next.lastSupportActivityAt ?? 0, e.at) };
    case 'WaitingOnProvider':
      return next.status === 'closed' ? next : { ...next, status: 'waiting-on-provider', waitingOnProvider: e.provider };
    case 'BugFiled':
      return { ...next, bug: { kind: e.bugKind, by: e.by, fields: e.fields, priority: e.priority } };
    case 'JiraLinked':
      return { ...next, jira: { key: e.key, url: e.url, status: next.jira?.status ?? null, statusCategory: next.jira?.statusCategory ?? null } };
    case 'JiraStatusChanged':
      return {
        ...next,
        jira: { key: e.key, url: next.jira?.url ?? '', status: e.to, statusCategory: e.category },
      };
    case 'JiraCommented':
    case 'JiraPriorityChanged':
    case 'JiraAssigneeChanged':
      return next;
    case 'JiraIssueDeleted':
      return next.jira?.key === e.key ? { ...next, jira: null } : next;
    case 'AlertSent':
      return {
        ...next,
        alerts: { ...next.alerts, [alertKey(e.alert, e.target)]: { alert: e.alert, target: e.target, at: e.at, channel: e.channel, slackTs: e.slackTs } },
      };
    case 'LadderSnoozed':
      return { ...next, ladderSnoozedUntil: Math.max(next.ladderSnoozedUntil ?? 0, e.until) };
    case 'SlackThreadPosted':
      return next.slackThread ? next : { ...next, slackThread: { channel: e.channel, ts: e.ts } };
  }
}

/**
 * Folds a ticket's events into its state. Tolerates out-of-order arrival (events are sorted by the
 * instant they happened) and duplicate deliveries (an event id is applied once).
 */
export function foldTicket(ticketId: string, events: readonly DomainEvent[]): Ticket {
  const seen = new Set<string>();
  const ordered = [...events].sort(compareEvents);
  let t = emptyTicket(ticketId);
  for (const e of ordered) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    t = applyEvent(t, e);
  }
  return t;
}
