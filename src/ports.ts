import type { Company, DomainEvent } from './domain/events';
import type { Intent } from './domain/intents';
import type { Ticket } from './domain/ticket';

/**
 * The small interfaces jobs and handlers depend on. Adapters in src/adapters implement them;
 * tests pass fakes or real adapters pointed at nock / a real Redis.
 */

/** The current time. The domain never reads it; only composition roots and jobs do, through this. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The result of appending events to a ticket's log. */
export interface AppendResult {
  ticket: Ticket;
  /** The events that were new (duplicates by id are dropped). */
  appended: DomainEvent[];
}

/** A ticket's event log and its folded state, in Redis. */
export interface TicketStore {
  /** Atomically appends the events not seen before and re-folds; safe with concurrent writers. */
  append(ticketId: string, events: DomainEvent[]): Promise<AppendResult>;
  get(ticketId: string): Promise<Ticket | null>;
  events(ticketId: string): Promise<DomainEvent[]>;
  /** Ids of tickets that are not closed or deleted. */
  openTicketIds(): Promise<string[]>;
}

/** A minimal structured logger (pino's shape) so code can log without knowing pino. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}

/** Hands intents to the effects queue (job id = intent key, so a repeated intent runs once). */
export interface IntentSink {
  dispatch(intents: Intent[]): Promise<void>;
}

/**
 * Intercom's REST API as the jobs need it (implemented in src/adapters/intercom/ with the official
 * intercom-client, Intercom-Version 2.14, honouring rate limits and Retry-After).
 */
export interface IntercomPort {
  /** The company and contact behind a conversation: plan, KA tag, hosting, CSM (cached). */
  getCompany(companyId: string): Promise<Company | null>;
  getContactCompanyId(contactId: string): Promise<string | null>;
  /** Adds an internal note (`message_type: note`) as the bot's admin; returns the part id. */
  addNote(conversationId: string, html: string): Promise<{ partId: string }>;
  /** Attaches tags by name (created when missing). */
  tagConversation(conversationId: string, tagNames: string[]): Promise<void>;
  /** Reopens a snoozed or closed conversation. */
  reopen(conversationId: string): Promise<void>;
  /** The conversation's rating, when the customer has rated it. */
  getRating(conversationId: string): Promise<{ rating: number; remark: string | null; adminId: string | null; at: number } | null>;
}

/** Jira Cloud REST v3 as the jobs need it (src/adapters/jira/). */
export interface JiraPort {
  createIssue(input: { fields: Record<string, unknown> }): Promise<{ id: string; key: string; url: string }>;
  /** Finds an issue created earlier for the same bug (by a label or property), for exactly-once. */
  findIssueByLabel(label: string): Promise<{ id: string; key: string; url: string } | null>;
  addRemoteLink(issueKey: string, link: { globalId: string; url: string; title: string }): Promise<void>;
}

/** Slack's Web API as the jobs need it (src/adapters/slack/). */
export interface SlackPort {
  postMessage(input: { channel: string; text: string; blocks?: Record<string, unknown>[]; threadTs?: string }): Promise<{ channel: string; ts: string }>;
  /** The Slack user for an e-mail address (to DM an Intercom admin), or null. */
  lookupUserByEmail(email: string): Promise<string | null>;
}
