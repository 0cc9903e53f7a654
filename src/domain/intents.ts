import type { AlertKind, DomainEventInput } from './events';

/**
 * What a pure decision wants done in the outside world. Decisions return intents; the worker turns
 * each into a job on the `effects` queue whose job id is the intent's `key`, so an intent decided
 * twice (a retry, a duplicate delivery, a replay) is carried out once.
 *
 * `key` must be deterministic: derived from the ticket, the reason and the moment it is about
 * (e.g. `alert:sla-breached:<ticket>:contractual.firstResponse:<deadline>`), never from the
 * current time or a random number.
 */
interface IntentBase {
  key: string;
  ticketId: string | null;
  /** Events to append to the ticket once the effect succeeded (e.g. AlertSent with the Slack ts). */
  record?: { alert: AlertKind; target: string };
}

/** A Slack block, as Block Kit JSON (built by pure functions in templates/). */
export type SlackBlock = Record<string, unknown>;

export type SlackDestination =
  | { kind: 'channel'; channel: string }
  /**
   * A DM to a Slack user id (or an e-mail address, looked up in Slack: CSMs come from Intercom as
   * e-mails), or to an Intercom admin mapped to Slack by e-mail. When nobody is found the message
   * goes to the team channel with a note, rather than being lost.
   */
  | { kind: 'user'; slackUserId?: string; intercomAdminId?: string }
  /** A reply in the ticket's Slack thread (posted as a thread root in `fallbackChannel` if none yet). */
  | { kind: 'ticket-thread'; fallbackChannel: string };

export type Intent =
  | (IntentBase & { kind: 'slack.post'; to: SlackDestination; text: string; blocks?: SlackBlock[]; urgent?: boolean })
  | (IntentBase & { kind: 'intercom.note'; ticketId: string; html: string })
  | (IntentBase & { kind: 'intercom.tag'; ticketId: string; tags: string[] })
  | (IntentBase & { kind: 'intercom.reopen'; ticketId: string })
  | (IntentBase & { kind: 'jira.createIssue'; ticketId: string | null; bugId: string })
  | (IntentBase & { kind: 'ticket.append'; ticketId: string; events: DomainEventInput[] });

export type IntentKind = Intent['kind'];
