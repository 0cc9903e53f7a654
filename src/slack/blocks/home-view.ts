import type { SlackBlock } from '../../domain/intents';
import type { Ticket } from '../../domain/ticket';
import { formatInstant, formatRemaining } from '../format-instant';
import { BLOCK_LIMITS, capBlocks, context, escapeMrkdwn, header, section } from './limits';
import { ticketCustomer } from './ticket-view';

export interface HomeTicket {
  ticket: Ticket;
  /** The nearest SLA deadline still running, or null when no clock runs. */
  deadline: number | null;
}

/**
 * The order of the agent's list (issue 6): least SLA time remaining first; among equals (same
 * minute, or no clock), key accounts first, then the oldest ticket (METHODOLOGY.md, "Priority").
 */
export function compareHomeTickets(a: HomeTicket, b: HomeTicket): number {
  const minute = (d: number | null) => (d === null ? Number.MAX_SAFE_INTEGER : Math.floor(d / 60_000));
  return (
    minute(a.deadline) - minute(b.deadline) ||
    Number(b.ticket.keyAccount) - Number(a.ticket.keyAccount) ||
    (a.ticket.createdAt ?? Number.MAX_SAFE_INTEGER) - (b.ticket.createdAt ?? Number.MAX_SAFE_INTEGER) ||
    (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0)
  );
}

/** The App Home tab: the agent's open tickets, ordered by {@link compareHomeTickets}. */
export function buildHomeView(input: { tickets: HomeTicket[]; now: number; intercomUrl: (id: string) => string }): Record<string, unknown> {
  const sorted = [...input.tickets].sort(compareHomeTickets);
  const late = sorted.filter((h) => h.deadline !== null && h.deadline < input.now).length;
  const blocks: SlackBlock[] = [
    header('Tus tickets abiertos'),
    section(`*${sorted.length}* conversaciones abiertas · *${late}* con el SLA vencido`, 'home_summary'),
    { type: 'divider' },
  ];
  if (sorted.length === 0) blocks.push(section('No tienes tickets abiertos. :tada:'));
  // Header, summary, divider and footer take 4 of Slack's 100 blocks; one more says what was left out.
  const room = BLOCK_LIMITS.viewBlocks - 4;
  const shown = sorted.length > room ? sorted.slice(0, room - 1) : sorted;
  for (const h of shown) {
    const t = h.ticket;
    const ka = t.keyAccount ? ':large_orange_diamond: *KA* · ' : '';
    const priority = t.priority ?? t.evoCriticality ?? 'sin prioridad';
    const sla =
      h.deadline === null
        ? 'sin SLA en curso'
        : h.deadline >= input.now
          ? `vence ${formatInstant(h.deadline)} (quedan ${formatRemaining(h.deadline - input.now)})`
          : `:red_circle: vencido hace ${formatRemaining(input.now - h.deadline)}`;
    const jira = t.jira ? ` · <${t.jira.url}|${t.jira.key}>` : '';
    blocks.push(section(`${ka}<${input.intercomUrl(t.id)}|#${t.id}> · *${escapeMrkdwn(ticketCustomer(t))}* · ${t.type ?? 'sin clasificar'} ${priority}\n${sla}${jira}`));
  }
  if (shown.length < sorted.length) blocks.push(context(`… y ${sorted.length - shown.length} tickets más. Usa \`/ticket <id>\` para ver uno.`));
  blocks.push(context('Ordenados por tiempo restante de SLA; a igualdad, las cuentas KA primero.'));
  return { type: 'home', blocks: capBlocks(blocks, BLOCK_LIMITS.viewBlocks, (n) => `${n} bloques omitidos`) };
}
