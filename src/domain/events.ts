import { z } from 'zod';
import {
  EvoCriticalitySchema,
  FlagsSchema,
  HostingSchema,
  IncidentPrioritySchema,
  InstantSchema,
  LanguageSchema,
  PlanSchema,
  PrioritySchema,
  TicketTypeSchema,
} from './vocabulary';

/**
 * Domain events: what happened to a ticket, in the methodology's words, whatever system told us.
 * A ticket's state is a pure fold of its events (see ticket.ts). Every event carries:
 * - `id`: unique and stable across redeliveries (derived from the source's delivery id), so the fold
 *   and the store ignore an event they have already seen;
 * - `ticketId`: the Intercom conversation id;
 * - `at`: when it happened at the source (epoch ms), never when we processed it;
 * - `source`: which system (or the bot, or an agent through Slack) said so.
 */
const base = {
  id: z.string().min(1),
  ticketId: z.string().min(1),
  at: InstantSchema,
  source: z.enum(['intercom', 'jira', 'slack', 'bot', 'timer']),
};

export const CompanySchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  plan: PlanSchema.optional(),
  hosting: HostingSchema.optional(),
  tags: z.array(z.string()).default([]),
  /** Slack user id or e-mail of the company's Customer Success Manager, when known. */
  csm: z.string().optional(),
});
export type Company = z.infer<typeof CompanySchema>;

export const CustomerSchema = z.object({
  contactId: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const ClassificationSchema = z.object({
  type: TicketTypeSchema,
  priority: IncidentPrioritySchema.nullable(),
  evoCriticality: EvoCriticalitySchema.nullable(),
  flags: FlagsSchema,
  confidence: z.number().min(0).max(1),
  /** The rules that fired, each with the text it matched: agents must see why. */
  rules: z.array(z.object({ id: z.string(), matched: z.string().optional() })),
  language: LanguageSchema.optional(),
  /** Whether the company's plan includes phone support (null: plan unknown). A phone request without it → CSM (upsell). */
  phoneIncludedInPlan: z.boolean().nullable().optional(),
  /** The rules were not sure: the agent decides (confidence below `rules.lowConfidenceBelow`). */
  lowConfidence: z.boolean().optional(),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const AlertKindSchema = z.enum([
  'sla-at-risk',
  'sla-breached',
  'ladder',
  'complaint',
  'ka-incident',
  'phone-upsell',
  'too-many-exchanges',
  'resolution-exceeded',
  'evo-monthly-limit',
  'customer-silent',
  'stale-ticket',
  'jira-status',
  'bug-filed',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const DomainEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('ConversationOpened'),
    subject: z.string().nullable().default(null),
    body: z.string().default(''),
    customer: CustomerSchema.optional(),
    company: CompanySchema.optional(),
    tags: z.array(z.string()).default([]),
    assigneeId: z.string().nullable().default(null),
    language: LanguageSchema.optional(),
  }),
  z.object({ ...base, kind: z.literal('CustomerMessaged'), body: z.string().default('') }),
  z.object({ ...base, kind: z.literal('SupportReplied'), adminId: z.string().nullable().default(null), body: z.string().default('') }),
  z.object({ ...base, kind: z.literal('NoteAdded'), adminId: z.string().nullable().default(null), body: z.string().default('') }),
  z.object({ ...base, kind: z.literal('Assigned'), adminId: z.string().nullable(), teamId: z.string().nullable().default(null) }),
  z.object({ ...base, kind: z.literal('Tagged'), tags: z.array(z.string()) }),
  z.object({ ...base, kind: z.literal('Snoozed'), until: InstantSchema.nullable().default(null) }),
  z.object({ ...base, kind: z.literal('Unsnoozed') }),
  z.object({ ...base, kind: z.literal('Closed'), adminId: z.string().nullable().default(null) }),
  z.object({ ...base, kind: z.literal('Reopened') }),
  z.object({ ...base, kind: z.literal('Deleted') }),
  z.object({
    ...base,
    kind: z.literal('Rated'),
    rating: z.number().int().min(1).max(5),
    remark: z.string().nullable().default(null),
    adminId: z.string().nullable().default(null),
  }),
  z.object({ ...base, kind: z.literal('CompanyEnriched'), company: CompanySchema, customer: CustomerSchema.optional() }),
  z.object({ ...base, kind: z.literal('Classified'), classification: ClassificationSchema }),
  z.object({
    ...base,
    kind: z.literal('Reclassified'),
    by: z.string(),
    type: TicketTypeSchema,
    priority: PrioritySchema.nullable(),
    reason: z.string().nullable().default(null),
  }),
  z.object({ ...base, kind: z.literal('WaitingOnCustomer'), by: z.string().nullable().default(null) }),
  z.object({
    ...base,
    kind: z.literal('WaitingOnProvider'),
    provider: z.string(),
    by: z.string().nullable().default(null),
  }),
  z.object({
    ...base,
    kind: z.literal('BugFiled'),
    bugKind: z.string(),
    by: z.string(),
    fields: z.record(z.string(), z.string()),
    priority: PrioritySchema.nullable().default(null),
  }),
  z.object({ ...base, kind: z.literal('JiraLinked'), key: z.string(), url: z.string() }),
  z.object({
    ...base,
    kind: z.literal('JiraStatusChanged'),
    key: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    /** Jira's status category key: `new`, `indeterminate` or `done`. */
    category: z.string().nullable().default(null),
  }),
  z.object({ ...base, kind: z.literal('JiraCommented'), key: z.string(), author: z.string(), body: z.string() }),
  /** The linked Jira issue's priority changed (`changelog.items` field `priority`, display names). */
  z.object({ ...base, kind: z.literal('JiraPriorityChanged'), key: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  /** The linked Jira issue was (un)assigned (`changelog.items` field `assignee`, display names). */
  z.object({ ...base, kind: z.literal('JiraAssigneeChanged'), key: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  /** The linked Jira issue was deleted (`jira:issue_deleted`): the ticket is no longer linked to it. */
  z.object({ ...base, kind: z.literal('JiraIssueDeleted'), key: z.string() }),
  z.object({
    ...base,
    kind: z.literal('AlertSent'),
    alert: AlertKindSchema,
    /** What the alert is about, e.g. `contractual.firstResponse` or a ladder stage number. */
    target: z.string(),
    channel: z.string().nullable().default(null),
    slackTs: z.string().nullable().default(null),
  }),
  z.object({ ...base, kind: z.literal('LadderSnoozed'), until: InstantSchema, by: z.string() }),
  z.object({ ...base, kind: z.literal('SlackThreadPosted'), channel: z.string(), ts: z.string() }),
]);

export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventKind = DomainEvent['kind'];
/** The event of one kind, e.g. `EventOf<'SupportReplied'>`. */
export type EventOf<K extends DomainEventKind> = Extract<DomainEvent, { kind: K }>;
/** What a caller passes to build an event (defaults may be omitted). */
export type DomainEventInput = z.input<typeof DomainEventSchema>;

/** Orders events by the instant they happened, then by id, so a fold is deterministic. */
export function compareEvents(a: DomainEvent, b: DomainEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `Omit` that keeps a union a union (plain `Omit` collapses it to the common keys). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
