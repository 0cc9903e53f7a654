import { renderText, type TextCatalog } from '../templates/text';
import type { EventOf } from './events';
import type { Intent, SlackDestination } from './intents';
import type { Ticket } from './ticket';
import type { Language } from './vocabulary';

/** What {@link decideJiraSync} needs besides the ticket and the event. */
export interface JiraSyncContext {
  catalog: TextCatalog;
  language: Language;
  /** Where the bug's thread root goes if it has none yet (config `slack.channels.bugs`). */
  bugsChannel: string;
  /** A link to the conversation in Intercom, for the agent's reminder. */
  conversationUrl: string | null;
}

/**
 * Bugs filed from Slack without an Intercom conversation live under a ticket id with this prefix
 * (`slack-bug-<bugId>`): they have a Jira issue and a Slack thread, but no Intercom side.
 */
export const SLACK_ONLY_TICKET_PREFIX = 'slack-bug-';

/** Whether a ticket id is an Intercom conversation (not a Slack-only bug). */
export function isIntercomConversation(ticketId: string): boolean {
  return !ticketId.startsWith(SLACK_ONLY_TICKET_PREFIX);
}

/** Jira's status category of resolved issues. */
const DONE = 'done';
const COMMENT_MAX = 500;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function shorten(s: string, max: number): string {
  const chars = Array.from(s.trim());
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
}

/**
 * What to do when a developer moves a bug's Jira issue or comments on it (issue 6, "The thread"):
 * a reply in the bug's Slack thread and an internal note on the Intercom conversation, so nobody
 * copies status by hand; when the issue is resolved (status category `done`), the agent is told to
 * answer the customer, and a snoozed conversation is reopened so it shows up in the inbox.
 *
 * Pure: the intents' keys derive from the event id (stable across Jira's redeliveries) and each
 * records an `AlertSent`, so a repeated delivery or a retried job does nothing twice.
 */
export function decideJiraSync(ticket: Ticket, event: EventOf<'JiraStatusChanged'> | EventOf<'JiraCommented'>, ctx: JiraSyncContext): Intent[] {
  // Only issues we filed (or linked) are synced: a webhook for another issue is not ours.
  if (!ticket.jira || ticket.jira.key !== event.key) return [];
  const t = (key: string, vars: Record<string, string>) => renderText(ctx.catalog, ctx.language, `jira.${key}`, vars);
  const real = isIntercomConversation(ticket.id);
  const intents: Intent[] = [];
  // One intent per (delivery, step): its key and its record derive from the Jira event id.
  const step = (name: string) => ({ key: `jira-sync:${event.id}:${name}`, ticketId: ticket.id, record: { alert: 'jira-status' as const, target: `${event.id}:${name}` } });
  const post = (name: string, text: string, to: SlackDestination = { kind: 'ticket-thread', fallbackChannel: ctx.bugsChannel }) =>
    intents.push({ kind: 'slack.post', ...step(name), to, text });
  const note = (text: string) => {
    if (real) intents.push({ kind: 'intercom.note', ...step('note'), html: `<p>${escapeHtml(text)}</p>` });
  };

  if (event.kind === 'JiraCommented') {
    const vars = { author: event.author, key: event.key, body: shorten(event.body.replace(/\s+/g, ' '), COMMENT_MAX) };
    post('slack', t('commented', vars));
    note(t('commented-note', vars));
    return intents;
  }

  const vars = { key: event.key, from: event.from ?? '—', to: event.to };
  const resolved = event.category === DONE;
  post('slack', t('status-changed', vars));
  note(t(resolved ? 'resolved-note' : 'status-changed-note', vars));
  if (!resolved) return intents;

  const agentSlackId = ticket.bug?.by ?? null;
  post('resolved', t('resolved', { key: event.key, agent: agentSlackId ? `<@${agentSlackId}>` : t('agent-fallback', {}) }));
  if (ticket.assigneeId || agentSlackId) {
    const conversation = ctx.conversationUrl ? `<${ctx.conversationUrl}|#${ticket.id}>` : `#${ticket.id}`;
    // The conversation's assignee answers the customer; without one, whoever filed the bug.
    const to: SlackDestination = ticket.assigneeId ? { kind: 'user', intercomAdminId: ticket.assigneeId } : { kind: 'user', slackUserId: agentSlackId ?? undefined };
    post('agent', t('resolved-dm', { key: event.key, conversation }), to);
  }
  if (real && ticket.status === 'snoozed') {
    intents.push({ kind: 'intercom.reopen', ...step('reopen') });
  }
  return intents;
}
