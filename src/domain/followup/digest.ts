import type { FollowupConfig } from '../../config/followup.schema';
import type { TextCatalog } from '../../templates/text';
import type { Intent, SlackBlock } from '../intents';
import type { Ticket } from '../ticket';
import { compareTickets, customerName, formatInstant, formatSpan, intercomUrl, localDate, priorityOf } from './format';
import { ladderPosition, LADDER_STAGES } from './ladder';
import { alertText, targetLabel } from './render';
import type { AlertChannels, AlertStyle, FollowupCalendar, SlaTargetView } from './types';

/** One open ticket as the digest sees it. */
export interface DigestTicket {
  ticket: Ticket;
  sla: readonly SlaTargetView[];
  /** The ticket's clock (for its ladder). */
  calendar: FollowupCalendar;
}

export type DigestSection = 'breached' | 'at-risk' | 'ladder' | 'ka' | 'unassigned' | 'stale';

/** Sections of an agent's digest and of the team's, in the order they are shown. */
export const AGENT_SECTIONS: readonly DigestSection[] = ['breached', 'at-risk', 'ladder', 'ka'];
export const TEAM_SECTIONS: readonly DigestSection[] = ['breached', 'at-risk', 'ladder', 'ka', 'unassigned', 'stale'];

export interface DigestInput {
  tickets: readonly DigestTicket[];
  now: number;
  /** `morning` for the first configured time, `afternoon` for the others. */
  slot: 'morning' | 'afternoon';
  config: FollowupConfig;
  texts: TextCatalog;
  channels: AlertChannels;
  style: AlertStyle;
  /** Digests are sent only on open days, at times inside opening hours. */
  officeCalendar: FollowupCalendar;
}

interface Entry {
  ticket: Ticket;
  detail: string;
}

function isLive(t: Ticket): boolean {
  return t.opened && t.status !== 'closed' && t.status !== 'deleted';
}

/** Which sections a ticket belongs to at `now`, each with its one-line detail. */
export function digestSections(d: DigestTicket, input: DigestInput): Map<DigestSection, string> {
  const { now, config, texts } = input;
  const lang = input.style.lang;
  const zone = input.officeCalendar.zone;
  const t = d.ticket;
  const out = new Map<DigestSection, string>();
  if (!isLive(t)) return out;
  const breached = d.sla.filter((v) => v.state === 'breached' && v.deadline !== null);
  if (breached.length > 0) {
    out.set('breached', breached.map((v) => `${targetLabel(texts, lang, v.id)} −${formatSpan(now - (v.deadline ?? now))}`).join(', '));
  }
  const atRisk = d.sla.filter((v) => v.state === 'at-risk' && v.deadline !== null);
  if (atRisk.length > 0) {
    out.set('at-risk', atRisk.map((v) => `${targetLabel(texts, lang, v.id)} ${formatInstant(v.deadline ?? now, zone, lang)}`).join(', '));
  }
  const today = localDate(now, zone);
  const ladder = ladderPosition(t, d.calendar, config.ladder.interval);
  const dueToday = ladder.dues.findIndex((due) => localDate(due, zone) === today);
  if (dueToday >= 0) out.set('ladder', `${LADDER_STAGES[dueToday]}/4 ${formatInstant(ladder.dues[dueToday], zone, lang)}`);
  const age = t.createdAt === null ? '—' : formatSpan(now - t.createdAt);
  if (t.keyAccount) out.set('ka', age);
  if (t.assigneeId === null) out.set('unassigned', age);
  if (t.createdAt !== null && now - t.createdAt >= config.staleAfter) out.set('stale', age);
  return out;
}

function sectionText(section: DigestSection, entries: Entry[], input: DigestInput): string {
  const { config, texts } = input;
  const lang = input.style.lang;
  const max = config.digests.maxPerSection;
  const sorted = [...entries].sort((a, b) => compareTickets(a.ticket, b.ticket));
  const lines = sorted.slice(0, max).map(({ ticket: t, detail }) =>
    alertText(texts, lang, 'digest-line', {
      ka: t.keyAccount ? alertText(texts, lang, 'ka-badge') + ' ' : '',
      url: intercomUrl(input.style.intercomUrl, t.id),
      ticket: t.id,
      customer: customerName(t),
      priority: priorityOf(t) ?? '—',
      detail: t.jira?.url ? `${detail} · <${t.jira.url}|${t.jira.key}>` : detail,
    }),
  );
  if (sorted.length > max) lines.push(alertText(texts, lang, 'digest-more', { count: sorted.length - max }));
  return `*${alertText(texts, lang, `digest-section-${section}`)}* (${entries.length})\n${lines.join('\n')}`;
}

function digestMessage(title: string, sections: readonly DigestSection[], bySection: Map<DigestSection, Entry[]>, input: DigestInput): { text: string; blocks: SlackBlock[] } {
  const { texts } = input;
  const lang = input.style.lang;
  const parts = sections.filter((s) => (bySection.get(s)?.length ?? 0) > 0).map((s) => sectionText(s, bySection.get(s) ?? [], input));
  const body = parts.length > 0 ? parts : [alertText(texts, lang, 'digest-empty')];
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } }];
  for (const part of body) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: part.length > 3000 ? part.slice(0, 2999) + '…' : part } });
  return { text: [title, ...body].join('\n\n'), blocks };
}

/**
 * The start-of-day and afternoon digests (pure): one DM per agent with open tickets that need
 * them (breached, at risk, ladder stage due today, KA open) and one post for the team (the same
 * plus unassigned and stale), each list ordered by priority, then KA, then age. Only on open days.
 * Keys are per day, slot and recipient, so a retried or duplicated digest job posts once.
 */
export function buildDigests(input: DigestInput): Intent[] {
  const { now, texts, channels } = input;
  if (!input.officeCalendar.isOpen(now)) return [];
  const lang = input.style.lang;
  const date = localDate(now, input.officeCalendar.zone);
  const title = alertText(texts, lang, `digest-title-${input.slot}`, { date });
  const team = new Map<DigestSection, Entry[]>();
  const agents = new Map<string, Map<DigestSection, Entry[]>>();
  for (const d of input.tickets) {
    for (const [section, detail] of digestSections(d, input)) {
      const entry = { ticket: d.ticket, detail };
      team.set(section, [...(team.get(section) ?? []), entry]);
      const agent = d.ticket.assigneeId;
      if (agent !== null && AGENT_SECTIONS.includes(section)) {
        const mine = agents.get(agent) ?? new Map<DigestSection, Entry[]>();
        mine.set(section, [...(mine.get(section) ?? []), entry]);
        agents.set(agent, mine);
      }
    }
  }
  const intents: Intent[] = [];
  for (const agent of [...agents.keys()].sort()) {
    const msg = digestMessage(`${title} · ${alertText(texts, lang, 'digest-title-agent')}`, AGENT_SECTIONS, agents.get(agent) ?? new Map(), input);
    intents.push({ kind: 'slack.post', key: `digest:${date}:${input.slot}:agent:${agent}`, ticketId: null, to: { kind: 'user', intercomAdminId: agent }, ...msg });
  }
  const msg = digestMessage(`${title} · ${alertText(texts, lang, 'digest-title-team')}`, TEAM_SECTIONS, team, input);
  intents.push({ kind: 'slack.post', key: `digest:${date}:${input.slot}:team`, ticketId: null, to: { kind: 'channel', channel: channels.team }, ...msg });
  return intents;
}
