import type { SlackBlock } from '../../domain/intents';
import type { Plan, Priority } from '../../domain/vocabulary';
import { formatInstant } from '../format-instant';
import { BLOCK_LIMITS, capBlocks, context, escapeMrkdwn, plainText, section, truncate } from './limits';

export interface BugThreadInput {
  kindTitle: string;
  summary: string;
  customerName: string | null;
  plan: Plan | null;
  keyAccount: boolean;
  priority: Priority | null;
  slaDeadline: number | null;
  jira: { key: string; url: string };
  conversationId: string | null;
  intercomUrl: string | null;
  /** Slack user id of the agent who filed it. */
  reportedBy: string;
}

/**
 * The root of a bug's thread in the bugs channel: kind, customer, plan, KA badge, priority, SLA
 * deadline, and links to Jira and Intercom. Status changes and comments are replies to it.
 */
export function buildBugThreadRoot(input: BugThreadInput): { text: string; blocks: SlackBlock[] } {
  const ka = input.keyAccount ? ' :large_orange_diamond: *KA*' : '';
  const customer = input.customerName ?? 'cliente sin indicar';
  const text = truncate(`Bug ${input.jira.key} · ${input.kindTitle} · ${customer}${input.keyAccount ? ' (KA)' : ''}: ${input.summary}`, BLOCK_LIMITS.fallbackText);
  const fields = [
    `*Cliente*\n${escapeMrkdwn(customer)}${ka}`,
    `*Plan*\n${input.plan ?? '—'}`,
    `*Prioridad*\n${input.priority ?? '—'}`,
    `*Límite SLA*\n${input.slaDeadline !== null ? formatInstant(input.slaDeadline) : '—'}`,
  ].map((t) => ({ type: 'mrkdwn', text: truncate(t, 2000) }));
  const links = [`<${input.jira.url}|${input.jira.key}>`];
  if (input.intercomUrl && input.conversationId) links.push(`<${input.intercomUrl}|Intercom #${input.conversationId}>`);
  const buttons: SlackBlock[] = [{ type: 'button', action_id: 'cr_open_jira', text: plainText(`Abrir ${input.jira.key}`), url: input.jira.url }];
  if (input.intercomUrl) buttons.push({ type: 'button', action_id: 'cr_open_intercom', text: plainText('Abrir en Intercom'), url: input.intercomUrl });
  const blocks: SlackBlock[] = [
    section(`:beetle: *Bug · ${escapeMrkdwn(input.kindTitle)}* · <${input.jira.url}|${input.jira.key}>\n*${escapeMrkdwn(input.summary)}*`, 'bug_root'),
    { type: 'section', block_id: 'bug_fields', fields },
    context(`Reportado por <@${input.reportedBy}> · ${links.join(' · ')}`, 'bug_links'),
    { type: 'actions', block_id: 'bug_actions', elements: buttons },
  ];
  return { text, blocks: capBlocks(blocks, BLOCK_LIMITS.messageBlocks, (n) => `${n} bloques omitidos`) };
}
