import type { SlackBlock } from '../../domain/intents';
import type { Ticket } from '../../domain/ticket';
import { formatInstant, formatRemaining } from '../format-instant';
import { BLOCK_LIMITS, capBlocks, context, escapeMrkdwn, header, section } from './limits';

/** One SLA clock as the `/ticket` view and App Home show it (computed by the SLA engine). */
export interface TicketSlaLine {
  /** e.g. `Primera respuesta (contractual)`. */
  label: string;
  deadline: number | null;
  /** `running`, `paused`, `at-risk`, `met` or `breached`. */
  state: string;
}

export interface TicketViewInput {
  ticket: Ticket;
  now: number;
  intercomUrl: string;
  sla: TicketSlaLine[];
  /** The follow-up ladder stage (1–4), or null when none is due. */
  ladderStage: number | null;
}

const STATUS_ES: Record<Ticket['status'], string> = {
  open: 'abierta',
  snoozed: 'pospuesta',
  'waiting-on-customer': 'esperando al cliente',
  'waiting-on-provider': 'esperando al proveedor',
  closed: 'cerrada',
  deleted: 'borrada',
};

const STATE_ICON: Record<string, string> = { breached: ':red_circle:', 'at-risk': ':large_orange_circle:', met: ':white_check_mark:', paused: ':double_vertical_bar:', running: ':large_green_circle:' };

/** The name people use for a ticket's customer. */
export function ticketCustomer(t: Ticket): string {
  return t.company?.name ?? t.customer?.name ?? t.customer?.email ?? '—';
}

/** A ticket's state for `/ticket`: type, priority, KA, status, SLA clocks, ladder stage, links. */
export function buildTicketView(input: TicketViewInput): { text: string; blocks: SlackBlock[] } {
  const t = input.ticket;
  const priority = t.priority ?? t.evoCriticality ?? 'sin prioridad';
  const ka = t.keyAccount ? ' · :large_orange_diamond: *KA*' : '';
  const title = `#${t.id} · ${ticketCustomer(t)}`;
  const blocks: SlackBlock[] = [
    header(title),
    section(
      [
        `*Tipo:* ${t.type ?? 'sin clasificar'} · *Prioridad:* ${priority}${ka}`,
        `*Plan:* ${t.company?.plan ?? '—'} · *Estado:* ${STATUS_ES[t.status]}${t.reclassifiedBy ? ` · reclasificada por <@${t.reclassifiedBy}>` : ''}`,
        t.subject ? `*Asunto:* ${escapeMrkdwn(t.subject)}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      'ticket_summary',
    ),
  ];
  if (input.sla.length) {
    const lines = input.sla.map((c) => {
      const when = c.deadline === null ? '—' : `${formatInstant(c.deadline)} (${c.deadline >= input.now ? 'quedan ' : 'hace '}${formatRemaining(Math.abs(c.deadline - input.now))})`;
      return `${STATE_ICON[c.state] ?? '•'} *${escapeMrkdwn(c.label)}:* ${when} · ${c.state}`;
    });
    blocks.push(section(`*SLA*\n${lines.join('\n')}`, 'ticket_sla'));
  }
  blocks.push(section(`*Escalera de seguimiento:* ${input.ladderStage ? `${input.ladderStage}.º aviso` : 'al día'}`, 'ticket_ladder'));
  const links = [`<${input.intercomUrl}|Intercom #${t.id}>`];
  if (t.jira) links.push(`<${t.jira.url}|${t.jira.key}>${t.jira.status ? ` (${t.jira.status})` : ''}`);
  blocks.push(context(links.join(' · '), 'ticket_links'));
  return { text: title, blocks: capBlocks(blocks, BLOCK_LIMITS.messageBlocks, (n) => `${n} bloques omitidos`) };
}
