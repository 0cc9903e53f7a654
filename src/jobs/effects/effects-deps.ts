import type { Config } from '../../config/schema';
import { alertKey, type Ticket } from '../../domain/ticket';
import type { Intent } from '../../domain/intents';
import type { Clock, IntercomPort, JiraPort, Logger, SlackPort, TicketStore } from '../../ports';
import type { BugTemplate } from '../../schemas/bug-template';
import type { TextCatalog } from '../../templates/text';

/** What the effects processor drives: the store, the three outside systems and the config. */
export interface EffectsDeps {
  store: TicketStore;
  slack: SlackPort;
  jira: JiraPort;
  intercom: IntercomPort;
  config: Pick<Config, 'slack' | 'jira'>;
  bugTemplates: BugTemplate[];
  catalog: TextCatalog;
  clock: Clock;
  logger?: Logger;
  /** The SLA deadline in force for a ticket at `now` (src/slack/sla-reader.ts), or null. */
  slaDeadline?: (ticket: Ticket, now: number) => number | null | Promise<number | null>;
  /** An Intercom admin's e-mail when config `slack.adminEmails` does not list it. */
  adminEmail?: (adminId: string) => Promise<string | null>;
  /** One job at a time per bug across workers (src/adapters/redis/bug-lock.ts); none: no lock. */
  bugLock?: BugLock;
}

/** A lock per bug shared by every worker: taken (release it when done), or busy for about `retryAfterMs`. */
export interface BugLock {
  acquire(bugId: string): Promise<{ acquired: true; release: () => Promise<boolean> } | { acquired: false; retryAfterMs: number }>;
}

/** What an effect did, for logs and tests. */
export interface EffectOutcome {
  kind: Intent['kind'];
  /** `done`, or `skipped` when the ticket shows it was done before (a retry or a replay). */
  status: 'done' | 'skipped';
  detail?: Record<string, unknown>;
}

/** An effect that cannot run yet (e.g. the bug's event is not stored yet); retried by the queue. */
export class EffectNotReadyError extends Error {
  readonly code = 'EFFECT_NOT_READY';
  readonly retryable = true;
}

/** Another job is doing the same effect right now (it holds the bug's lock); retried after `retryAfterMs`. */
export class EffectBusyError extends Error {
  readonly code = 'EFFECT_BUSY';
  readonly retryable = true;
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** An effect that will never succeed as asked (bad intent, unknown template); not retried. */
export class EffectInvalidError extends Error {
  readonly code = 'EFFECT_INVALID';
  readonly retryable = false;
}

/** Alert targets the bug flow records, so a retry skips what is done. */
export const BUG_NOTE = 'intercom-note';
export const BUG_THREAD = 'slack-thread';
export const BUG_LINK = 'jira-remote-link';
export const BUG_TAG = 'intercom-tag';

/** The Slack thread of a bug (its root in the bugs channel), else the ticket's thread. */
export function bugThreadOf(ticket: Ticket): { channel: string; ts: string } | null {
  const root = ticket.alerts[alertKey('bug-filed', BUG_THREAD)];
  if (root?.channel && root.slackTs) return { channel: root.channel, ts: root.slackTs };
  return ticket.slackThread;
}

/** The conversation's link in the Intercom inbox. */
export function conversationUrl(template: string, conversationId: string): string {
  return template.replace('{id}', encodeURIComponent(conversationId));
}
