import type { TextCatalog } from '../../templates/text';
import type { SlackBlock } from '../intents';
import type { Ticket } from '../ticket';
import type { Language } from '../vocabulary';
import { alertText, ticketLinks } from './render';

/** Action ids of the buttons on alerts, handled by the Slack app (handlers/slack/). */
export const ALERT_ACTIONS = {
  openIntercom: 'alert.open-intercom',
  openJira: 'alert.open-jira',
  /** Opens the bug form for the conversation (only while it has no Jira issue). */
  createJira: 'alert.create-jira',
  snoozeLadder: 'alert.snooze-ladder',
  waitingOnCustomer: 'alert.waiting-on-customer',
  reclassify: 'alert.reclassify',
} as const;

/** Slack's limit on a section's text. */
const SECTION_MAX = 3000;

function clip(text: string, max = SECTION_MAX): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

export interface AlertBlocksInput {
  texts: TextCatalog;
  lang: Language;
  ticket: Ticket;
  intercomPattern: string;
  /** The rendered alert text (mrkdwn). */
  text: string;
  /** A red header: contractual breaches, stage 4, KA incidents. */
  loud: boolean;
  /** Facts and buttons (breaches, escalations). */
  detailed: boolean;
  /** Rendered placeholders, for the facts (customer, plan, priority, target, late). */
  vars: Record<string, string | number>;
}

/**
 * The Block Kit of an alert (pure): the message, then for detailed alerts the facts (customer,
 * plan, KA badge, priority, target, how late) and the buttons (open in Intercom, open the Jira
 * issue, snooze the ladder, mark waiting on customer, reclassify); every alert ends with its links.
 * The buttons are handled by the Slack app (handlers/slack/alert-actions.ts).
 */
export function alertBlocks(input: AlertBlocksInput): SlackBlock[] {
  const { texts, lang, ticket: t, vars } = input;
  const label = (k: string): string => alertText(texts, lang, `label-${k}`);
  const links = ticketLinks(t, input.intercomPattern);
  const blocks: SlackBlock[] = [];
  if (input.loud) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(alertText(texts, lang, 'header-loud', { ticket: t.id }), 150), emoji: true } });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(input.text) } });
  if (input.detailed) {
    const fields = [
      `*${label('customer')}*\n${vars.customer}`,
      `*${label('plan')}*\n${vars.plan}`,
      `*${label('priority')}*\n${vars.priority}`,
      `*${label('key-account')}*\n${t.keyAccount ? alertText(texts, lang, 'ka-badge') : '—'}`,
    ];
    if (vars.target !== undefined) fields.push(`*${label('target')}*\n${vars.target}`);
    if (vars.late !== undefined) fields.push(`*${label('late')}*\n${vars.late}`);
    blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text: clip(text, 2000) })) });
    const buttons: SlackBlock[] = [
      { type: 'button', action_id: ALERT_ACTIONS.openIntercom, text: { type: 'plain_text', text: label('open-intercom') }, url: links.intercom },
    ];
    if (links.jira) buttons.push({ type: 'button', action_id: ALERT_ACTIONS.openJira, text: { type: 'plain_text', text: label('open-jira') }, url: links.jira });
    else buttons.push({ type: 'button', action_id: ALERT_ACTIONS.createJira, text: { type: 'plain_text', text: label('create-jira') }, value: t.id });
    buttons.push(
      { type: 'button', action_id: ALERT_ACTIONS.snoozeLadder, text: { type: 'plain_text', text: label('snooze-ladder') }, value: t.id },
      { type: 'button', action_id: ALERT_ACTIONS.waitingOnCustomer, text: { type: 'plain_text', text: label('waiting-on-customer') }, value: t.id },
      { type: 'button', action_id: ALERT_ACTIONS.reclassify, text: { type: 'plain_text', text: label('reclassify') }, value: t.id },
    );
    blocks.push({ type: 'actions', block_id: `alert-actions-${t.id}`, elements: buttons });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.mrkdwn }] });
  return blocks;
}
