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

  /** The Intercom admin behind a Slack user: config overrides first, then the injected lookup. */
  async function adminOf(slackUserId: string): Promise<string | null> {
    for (const [adminId, ref] of Object.entries(deps.config.slack.adminOverrides)) if (ref === slackUserId) return adminId;
    return deps.intercomAdminOf ? deps.intercomAdminOf(slackUserId) : null;
  }

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const now = deps.clock.now();
    const adminId = await adminOf(event.user);
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
