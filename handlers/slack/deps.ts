import type { Config } from '../../src/config/schema';
import type { DomainEventInput } from '../../src/domain/events';
import type { Ticket } from '../../src/domain/ticket';
import type { Clock, IntentSink, Logger, TicketStore } from '../../src/ports';
import type { BugTemplate } from '../../src/schemas/bug-template';
import type { TicketSlaLine } from '../../src/slack/blocks/ticket-view';

/** What the Slack app is built from; composition roots pass real adapters, tests fakes or nock. */
export interface SlackAppDeps {
  /** The app's signing secret (SLACK_SIGNING_SECRET): every request is verified with it. */
  signingSecret: string;
  /** The bot token (SLACK_BOT_TOKEN) for views.open, chat.postEphemeral, usergroups.users.list. */
  botToken: string;
  /** SLACK_API_URL: Slack's Web API root, overridden by the demo's fake Slack and in tests. */
  slackApiUrl?: string;
  /** The bot's ids, when known, spare Bolt an `auth.test` call on the first request. */
  botId?: string;
  botUserId?: string;
  config: Pick<Config, 'slack' | 'jira'>;
  bugTemplates: BugTemplate[];
  store: Pick<TicketStore, 'get' | 'openTicketIds'>;
  /**
   * Appends events decided in Slack (BugFiled, Reclassified, LadderSnoozed, WaitingOnCustomer) to
   * a ticket's log, before the request is answered. Wire it to the ticket store's `append` (or to
   * a queue that does it and re-runs the decisions).
   */
  recordEvents: (ticketId: string, events: DomainEventInput[]) => Promise<void>;
  /** Hands the bug's `jira.createIssue` intent to the effects queue. */
  intents: IntentSink;
  clock: Clock;
  logger?: Logger;
  /** Intercom companies matching a search, for the customer select (external options). */
  searchCompanies?: (query: string) => Promise<{ id: string; name: string }[]>;
  /** The nearest running SLA deadline of a ticket (App Home order, bug issue), or null. */
  slaDeadline?: (ticket: Ticket, now: number) => number | null | Promise<number | null>;
  /** A ticket's SLA clocks for `/ticket` (src/slack/sla-reader.ts `lines`). */
  slaClocks?: (ticket: Ticket, now: number) => TicketSlaLine[] | Promise<TicketSlaLine[]>;
  /** The follow-up ladder stage due now (1–4) or null. */
  ladderStage?: (ticket: Ticket, now: number) => number | null | Promise<number | null>;
  /** When a ladder snoozed "one business day" from `now` ends (the support calendar). */
  nextBusinessDay: (now: number) => number;
  /** The Intercom admin id of a Slack user, for App Home (config overrides are tried first). */
  intercomAdminOf?: (slackUserId: string) => Promise<string | null>;
  /**
   * Answer Slack only after the listener finished (true in tests and on FaaS). Default false:
   * acknowledge at once, keep working after the answer.
   */
  processBeforeResponse?: boolean;
}
