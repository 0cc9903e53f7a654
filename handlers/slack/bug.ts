import type { App, types } from '@slack/bolt';
import { DateTime } from 'luxon';
import { SLACK_ONLY_TICKET_PREFIX } from '../../src/domain/jira-sync';
import type { Ticket } from '../../src/domain/ticket';
import { BUG_IDS, BUG_PRIORITIES, buildBugModal, buildKindPickerView } from '../../src/slack/blocks/bug-modal';
import { truncate } from '../../src/slack/blocks/limits';
import { conversationOf, readBugForm, validateBugForm, type SlackStateValues } from '../../src/slack/bug-form';
import { decodeBugFormMeta, type BugFormMeta } from '../../src/slack/bug-form-meta';
import { findConversationLink, parseConversationRef } from '../../src/slack/conversation-ref';
import { SUPPORT_TIME_ZONE } from '../../src/slack/format-instant';
import { REFUSAL, mayAct } from './guard';
import type { SlackHandlerContext } from './context';

type View = types.View;
const asView = (v: Record<string, unknown>): View => v as unknown as View;

/** The message shortcut's callback id (slack-manifest.yaml). */
export const FILE_AS_BUG_SHORTCUT = 'cr_file_bug';
/** Alert button "Create Jira issue" (value: the conversation id); the second is the fixtures' name. */
export const CREATE_JIRA_ACTION = /^(alert\.create-jira|crear_incidencia_jira)$/;

/** What the modal starts with when a conversation is known: its customer and the rules' priority. */
export function prefillFromTicket(ticket: Ticket | null, meta: BugFormMeta): BugFormMeta {
  if (!ticket) return meta;
  const out: BugFormMeta = { ...meta, prefill: { ...meta.prefill } };
  if (ticket.company?.id && ticket.company.name) out.customer = { id: ticket.company.id, name: ticket.company.name };
  const priority = ticket.priority;
  if (priority && (BUG_PRIORITIES as readonly string[]).includes(priority) && !out.prefill.priority) out.prefill.priority = priority;
  if (!out.prefill.summary && ticket.subject) out.prefill.summary = truncate(ticket.subject, 200);
  return out;
}

/** A one-line summary and the body from a Slack message, for the shortcut's pre-fill. */
export function prefillFromMessage(text: string): Record<string, string> {
  const plain = text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .trim();
  const firstLine = plain.split('\n')[0] ?? '';
  return { summary: truncate(firstLine, 200), happened: truncate(plain, 3000) };
}

/** `/bug`, the "File as bug" shortcut, the alert's "Create Jira issue" button and the two modals. */
export function registerBug(app: App, ctx: SlackHandlerContext): void {
  const { deps, group, logger } = ctx;
  const templates = deps.bugTemplates;

  /** Tells the agent the conversation already has its issue (one bug per conversation). */
  const existingIssueText = (t: Ticket) => `La conversación #${t.id} ya tiene su incidencia en Jira: <${t.jira!.url}|${t.jira!.key}>.`;

  async function openPicker(client: App['client'], triggerId: string, meta: BugFormMeta): Promise<void> {
    const ticket = meta.conversationId ? await deps.store.get(meta.conversationId) : null;
    await client.views.open({ trigger_id: triggerId, view: asView(buildKindPickerView(templates, prefillFromTicket(ticket, meta))) });
  }

  app.command('/bug', async ({ command, ack, client }) => {
    if (!(await mayAct(group, command.user_id, logger))) {
      await ack({ response_type: 'ephemeral', text: REFUSAL });
      return;
    }
    const conversationId = command.text ? parseConversationRef(command.text) : null;
    const ticket = conversationId ? await deps.store.get(conversationId) : null;
    if (ticket?.jira) {
      await ack({ response_type: 'ephemeral', text: existingIssueText(ticket) });
      return;
    }
    await ack();
    await openPicker(client, command.trigger_id, { conversationId: conversationId ?? undefined, channelId: command.channel_id, prefill: {} });
  });

  app.shortcut(FILE_AS_BUG_SHORTCUT, async ({ shortcut, ack, client, respond }) => {
    await ack();
    if (!(await mayAct(group, shortcut.user.id, logger))) {
      await respond({ response_type: 'ephemeral', text: REFUSAL });
      return;
    }
    if (shortcut.type !== 'message_action') return;
    const text = shortcut.message.text ?? '';
    const link = findConversationLink(text);
    const ticket = link ? await deps.store.get(link.id) : null;
    if (ticket?.jira) {
      await respond({ response_type: 'ephemeral', text: existingIssueText(ticket) });
      return;
    }
    await openPicker(client, shortcut.trigger_id, {
      conversationId: link?.id,
      channelId: shortcut.channel.id,
      messageTs: shortcut.message_ts,
      prefill: prefillFromMessage(text),
    });
  });

  app.action(CREATE_JIRA_ACTION, async ({ body, action, ack, client, respond }) => {
    await ack();
    if (!(await mayAct(group, body.user.id, logger))) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSAL });
      return;
    }
    const conversationId = 'value' in action && typeof action.value === 'string' ? parseConversationRef(action.value) : null;
    const ticket = conversationId ? await deps.store.get(conversationId) : null;
    if (ticket?.jira) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: existingIssueText(ticket) });
      return;
    }
    const triggerId = 'trigger_id' in body ? body.trigger_id : undefined;
    if (!triggerId) return;
    const container = (body as { container?: { channel_id?: string; message_ts?: string } }).container;
    await openPicker(client, triggerId, { conversationId: conversationId ?? undefined, channelId: container?.channel_id, messageTs: container?.message_ts, prefill: {} });
  });

  // Step 1 → 2: the kind chosen, the same modal becomes that kind's template.
  app.view(BUG_IDS.kindView, async ({ view, ack }) => {
    const meta = decodeBugFormMeta(view.private_metadata);
    const values = view.state.values as unknown as SlackStateValues;
    const kind = values[BUG_IDS.kindBlock]?.[BUG_IDS.input]?.selected_option?.value;
    const template = templates.find((t) => t.id === kind);
    if (!template) {
      await ack({ response_action: 'errors', errors: { [BUG_IDS.kindBlock]: 'Elige un tipo de bug.' } });
      return;
    }
    await ack({ response_action: 'update', view: asView(buildBugModal(template, { ...meta, kind: template.id })) });
  });

  // Step 2: the template submitted. Validate, record the bug, queue its Jira issue, close.
  app.view(BUG_IDS.formView, async ({ view, body, ack }) => {
    const meta = decodeBugFormMeta(view.private_metadata);
    const template = templates.find((t) => t.id === meta.kind);
    const firstBlock = template?.fields[0]?.id ?? 'summary';
    if (!template) {
      await ack({ response_action: 'errors', errors: { [firstBlock]: 'Este tipo de bug ya no existe; vuelve a empezar con /bug.' } });
      return;
    }
    if (!(await mayAct(group, body.user.id, logger))) {
      await ack({ response_action: 'errors', errors: { [firstBlock]: REFUSAL } });
      return;
    }
    const now = deps.clock.now();
    const values = readBugForm(template, view.state.values as unknown as SlackStateValues);
    const today = DateTime.fromMillis(now, { zone: SUPPORT_TIME_ZONE }).toISODate() ?? undefined;
    const errors = validateBugForm(template, values, today);
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const conversationId = conversationOf(template, values);
    const convField = template.fields.find((f) => f.type === 'conversation');
    if (conversationId) {
      const ticket = await deps.store.get(conversationId);
      if (ticket?.jira) {
        await ack({ response_action: 'errors', errors: { [convField!.id]: `Esta conversación ya tiene la incidencia ${ticket.jira.key}.` } });
        return;
      }
    }
    // One bug per conversation (the ticket holds one Jira link); a bug with no conversation is
    // keyed by the modal, so a double submission of the same modal still files one issue.
    const bugId = conversationId ?? view.id;
    const ticketId = conversationId ?? `${SLACK_ONLY_TICKET_PREFIX}${view.id}`;
    if (conversationId && convField) values[convField.id] = conversationId;
    const priority = values.priority && (BUG_PRIORITIES as readonly string[]).includes(values.priority) ? (values.priority as (typeof BUG_PRIORITIES)[number]) : null;
    try {
      await deps.recordEvents(ticketId, [
        { id: `bug-filed:${bugId}`, ticketId, at: now, source: 'slack', kind: 'BugFiled', bugKind: template.id, by: body.user.id, fields: values, priority },
      ]);
      await deps.intents.dispatch([{ kind: 'jira.createIssue', key: `jira.createIssue:${bugId}`, ticketId, bugId }]);
    } catch (err) {
      logger?.error({ err, ticketId, bugId }, 'could not record the bug');
      await ack({ response_action: 'errors', errors: { [firstBlock]: 'No he podido guardar el bug ahora mismo; vuelve a pulsar «Crear en Jira» en unos segundos.' } });
      return;
    }
    logger?.info({ ticketId, bugId, kind: template.id, by: body.user.id }, 'bug filed from Slack');
    await ack({ response_action: 'clear' });
  });

  // The customer select searches Intercom companies as the agent types.
  app.options(BUG_IDS.customerAction, async ({ options, ack }) => {
    const query = options.value?.trim() ?? '';
    if (!deps.searchCompanies || query.length < 2) {
      await ack({ options: [] });
      return;
    }
    try {
      const companies = await deps.searchCompanies(query);
      await ack({ options: companies.slice(0, 100).map((c) => ({ text: { type: 'plain_text', text: truncate(c.name, 75) }, value: c.id })) });
    } catch (err) {
      logger?.warn({ err }, 'company search failed');
      await ack({ options: [] });
    }
  });
}
