import type { App, types } from '@slack/bolt';
import { PrioritySchema, TicketTypeSchema } from '../../src/domain/vocabulary';
import { RECLASSIFY_IDS, buildReclassifyModal, reclassifyError } from '../../src/slack/blocks/reclassify-modal';
import type { SlackStateValues } from '../../src/slack/bug-form';
import { formatInstant } from '../../src/slack/format-instant';
import { parseConversationRef } from '../../src/slack/conversation-ref';
import { REFUSAL, mayAct } from './guard';
import type { SlackHandlerContext } from './context';

/** Alert buttons (action ids shared with src/domain/followup/blocks.ts `ALERT_ACTIONS`). */
export const ALERT_ACTION_IDS = {
  reclassify: 'alert.reclassify',
  snoozeLadder: 'alert.snooze-ladder',
  waitingOnCustomer: 'alert.waiting-on-customer',
} as const;

/** Link buttons still send an action; it only needs acknowledging. */
const LINK_ACTIONS = /^(alert\.open-(intercom|jira)|cr_open_(jira|intercom)|abrir_intercom)$/;

type ActionArgs = { body: { user: { id: string }; trigger_id?: string }; action: { value?: string; action_ts?: string } };

/** The alert buttons: reclassify, snooze the follow-up ladder one business day, waiting on customer. */
export function registerAlertActions(app: App, ctx: SlackHandlerContext): void {
  const { deps, group, logger } = ctx;

  app.action(LINK_ACTIONS, async ({ ack }) => {
    await ack();
  });

  /** Common part of the buttons: acknowledge, check who clicked, find the ticket. */
  async function start(args: ActionArgs, respond: (m: Record<string, unknown>) => Promise<unknown>) {
    if (!(await mayAct(group, args.body.user.id, logger))) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSAL });
      return null;
    }
    const ticketId = args.action.value ? parseConversationRef(args.action.value) : null;
    const ticket = ticketId ? await deps.store.get(ticketId) : null;
    if (!ticket) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'No encuentro ese ticket; puede que aún se esté procesando.' });
      return null;
    }
    return ticket;
  }

  /** A stable id per click: Slack's action_ts, so a redelivered click is recorded once. */
  const clickId = (args: ActionArgs, now: number) => args.action.action_ts ?? String(now);

  app.action(ALERT_ACTION_IDS.snoozeLadder, async ({ ack, body, action, respond }) => {
    await ack();
    const args = { body, action } as unknown as ActionArgs;
    const ticket = await start(args, respond as never);
    if (!ticket) return;
    const now = deps.clock.now();
    const until = deps.nextBusinessDay(now);
    await deps.recordEvents(ticket.id, [
      { id: `ladder-snoozed:${ticket.id}:${clickId(args, now)}`, ticketId: ticket.id, at: now, source: 'slack', kind: 'LadderSnoozed', until, by: body.user.id },
    ]);
    await respond({ response_type: 'ephemeral', replace_original: false, text: `Seguimiento de #${ticket.id} pospuesto hasta el ${formatInstant(until)}.` });
  });

  app.action(ALERT_ACTION_IDS.waitingOnCustomer, async ({ ack, body, action, respond }) => {
    await ack();
    const args = { body, action } as unknown as ActionArgs;
    const ticket = await start(args, respond as never);
    if (!ticket) return;
    const now = deps.clock.now();
    await deps.recordEvents(ticket.id, [
      { id: `waiting-on-customer:${ticket.id}:${clickId(args, now)}`, ticketId: ticket.id, at: now, source: 'slack', kind: 'WaitingOnCustomer', by: body.user.id },
    ]);
    await respond({ response_type: 'ephemeral', replace_original: false, text: `#${ticket.id} queda esperando al cliente: los plazos de soporte se paran hasta que conteste.` });
  });

  app.action(ALERT_ACTION_IDS.reclassify, async ({ ack, body, action, respond, client }) => {
    await ack();
    const args = { body, action } as unknown as ActionArgs;
    const ticket = await start(args, respond as never);
    if (!ticket || !args.body.trigger_id) return;
    await client.views.open({ trigger_id: args.body.trigger_id, view: buildReclassifyModal(ticket) as unknown as types.View });
  });

  app.view(RECLASSIFY_IDS.view, async ({ view, body, ack }) => {
    if (!(await mayAct(group, body.user.id, logger))) {
      await ack({ response_action: 'errors', errors: { [RECLASSIFY_IDS.type]: REFUSAL } });
      return;
    }
    const values = view.state.values as unknown as SlackStateValues;
    const type = TicketTypeSchema.safeParse(values[RECLASSIFY_IDS.type]?.[RECLASSIFY_IDS.input]?.selected_option?.value);
    const priorityRaw = values[RECLASSIFY_IDS.priority]?.[RECLASSIFY_IDS.input]?.selected_option?.value ?? null;
    const priority = priorityRaw ? PrioritySchema.safeParse(priorityRaw) : null;
    if (!type.success) {
      await ack({ response_action: 'errors', errors: { [RECLASSIFY_IDS.type]: 'Elige un tipo.' } });
      return;
    }
    const errors = reclassifyError(type.data, priority?.success ? priority.data : null);
    if (Object.keys(errors).length) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    let ticketId: string | null = null;
    try {
      ticketId = (JSON.parse(view.private_metadata) as { ticketId?: string }).ticketId ?? null;
    } catch {
      ticketId = null;
    }
    if (!ticketId) {
      await ack({ response_action: 'errors', errors: { [RECLASSIFY_IDS.type]: 'No sé qué ticket reclasificar; vuelve a pulsar el botón de la alerta.' } });
      return;
    }
    const reason = values[RECLASSIFY_IDS.reason]?.[RECLASSIFY_IDS.input]?.value?.trim() || null;
    await deps.recordEvents(ticketId, [
      {
        id: `reclassified:${view.id}`,
        ticketId,
        at: deps.clock.now(),
        source: 'slack',
        kind: 'Reclassified',
        by: body.user.id,
        type: type.data,
        priority: priority?.success ? priority.data : null,
        reason,
      },
    ]);
    await ack({ response_action: 'clear' });
  });
}
