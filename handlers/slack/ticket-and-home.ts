import type { App, types } from '@slack/bolt';
import type { Ticket } from '../../src/domain/ticket';
import { buildHomeView, type HomeTicket } from '../../src/slack/blocks/home-view';
import { buildTicketView } from '../../src/slack/blocks/ticket-view';
import { parseConversationRef } from '../../src/slack/conversation-ref';
import { conversationUrl } from '../../src/jobs/effects/processor';
import { REFUSAL, mayAct } from './guard';
import type { SlackHandlerContext } from './context';

/** At most this many open tickets are read for one App Home (the view shows up to ~95). */
const HOME_SCAN_LIMIT = 2000;

/** `/ticket <id or URL>` and the App Home tab. */
export function registerTicketAndHome(app: App, ctx: SlackHandlerContext): void {
  const { deps, group, logger } = ctx;
  const urlOf = (id: string) => conversationUrl(deps.config.slack.intercomConversationUrl, id);

  app.command('/ticket', async ({ command, ack }) => {
    if (!(await mayAct(group, command.user_id, logger))) {
      await ack({ response_type: 'ephemeral', text: REFUSAL });
      return;
    }
    const id = parseConversationRef(command.text ?? '');
    if (!id) {
      await ack({ response_type: 'ephemeral', text: 'Uso: `/ticket <número o enlace de la conversación de Intercom>`' });
      return;
    }
    const ticket = await deps.store.get(id);
    if (!ticket) {
      await ack({ response_type: 'ephemeral', text: `No conozco la conversación #${id} (¿aún no ha llegado su webhook?).` });
      return;
    }
    const now = deps.clock.now();
    const view = buildTicketView({
      ticket,
      now,
      intercomUrl: urlOf(ticket.id),
      sla: deps.slaClocks ? await deps.slaClocks(ticket, now) : [],
      ladderStage: deps.ladderStage ? await deps.ladderStage(ticket, now) : null,
    });
    await ack({ response_type: 'ephemeral', text: view.text, blocks: view.blocks as unknown as types.KnownBlock[] });
  });

  /**
   * The Intercom admin behind a Slack user: `slack.adminOverrides` naming the user, then the user's
   * Slack e-mail (users.info) among the overrides' and `slack.adminEmails`' e-mails, then the
   * injected lookup. Remembered per user for the process's life.
   */
  const admins = new Map<string, string | null>();
  async function adminOf(slackUserId: string, client: App['client']): Promise<string | null> {
    if (admins.has(slackUserId)) return admins.get(slackUserId) ?? null;
    const { adminOverrides, adminEmails } = deps.config.slack;
    let found: string | null = Object.entries(adminOverrides).find(([, ref]) => ref === slackUserId)?.[0] ?? null;
    if (!found) {
      const byEmail = new Map<string, string>();
      for (const [adminId, email] of Object.entries(adminEmails)) byEmail.set(email.toLowerCase(), adminId);
      for (const [adminId, ref] of Object.entries(adminOverrides)) if (ref.includes('@')) byEmail.set(ref.toLowerCase(), adminId);
      if (byEmail.size) {
        try {
          const info = await client.users.info({ user: slackUserId });
          const email = info.user?.profile?.email?.toLowerCase();
          found = email ? (byEmail.get(email) ?? null) : null;
        } catch (err) {
          logger?.warn({ err, slackUserId }, 'users.info failed; App Home shows only the bugs this user filed');
        }
      }
    }
    if (!found && deps.intercomAdminOf) found = await deps.intercomAdminOf(slackUserId);
    admins.set(slackUserId, found);
    return found;
  }

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const now = deps.clock.now();
    const adminId = await adminOf(event.user, client);
    const ids = (await deps.store.openTicketIds()).slice(0, HOME_SCAN_LIMIT);
    const mine: HomeTicket[] = [];
    for (const id of ids) {
      const t: Ticket | null = await deps.store.get(id);
      if (!t || t.status === 'closed' || t.status === 'deleted') continue;
      if ((adminId && t.assigneeId === adminId) || t.bug?.by === event.user) {
        mine.push({ ticket: t, deadline: deps.slaDeadline ? await deps.slaDeadline(t, now) : null });
      }
    }
    await client.views.publish({ user_id: event.user, view: buildHomeView({ tickets: mine, now, intercomUrl: urlOf }) as unknown as types.HomeView });
  });
}
