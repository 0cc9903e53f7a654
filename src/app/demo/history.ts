import { DateTime } from 'luxon';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../../domain/events';
import type { Plan, TicketType } from '../../domain/vocabulary';

/**
 * Deterministic synthetic history: `weeks` weeks of closed conversations before `until`, so the
 * weekly report's 12-week chart has a trend to show (the demo seeds it into the ticket store as
 * already-processed history; the scripted fortnight then runs through the real endpoints).
 * A seeded generator (no Math.random), so every run draws the same history.
 */
export interface HistoryOptions {
  /** The instant the history ends (the demo's first scripted day). */
  until: number;
  weeks: number;
  /** Conversations per week around this figure. */
  perWeek?: number;
  /** Local dates of releases: the week after one gets a burst of incidents. */
  releases?: readonly string[];
  zone?: string;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

const TYPES: TicketType[] = ['consulta', 'consulta', 'incidencia', 'incidencia', 'evolutivo'];
const PLANS: Plan[] = ['Platinum', 'Gold', 'Gold', 'Silver', 'Silver', 'Bronze'];
const AGENTS = ['7012345', '7012346', '7012347'];
const PRIORITIES = ['Alta', 'Media', 'Media', 'Baja'] as const;

export function syntheticHistory(options: HistoryOptions): DomainEvent[] {
  const zone = options.zone ?? 'Europe/Madrid';
  const rand = lcg(20260114);
  const perWeek = options.perWeek ?? 24;
  const events: DomainEvent[] = [];
  const end = DateTime.fromMillis(options.until, { zone }).startOf('week');
  const releaseWeeks = new Set((options.releases ?? []).map((d) => DateTime.fromISO(d, { zone }).startOf('week').plus({ weeks: 0 }).toISODate()));
  for (let w = options.weeks; w >= 1; w--) {
    const monday = end.minus({ weeks: w });
    const afterRelease = releaseWeeks.has(monday.minus({ weeks: 1 }).toISODate()) || releaseWeeks.has(monday.toISODate());
    const count = Math.round(perWeek * (0.85 + rand() * 0.3) * (afterRelease ? 1.8 : 1));
    for (let i = 0; i < count; i++) {
      const id = `hist-${monday.toFormat('kkkk-WW')}-${String(i).padStart(3, '0')}`;
      const opened = monday.plus({ days: Math.floor(rand() * 5), hours: 8 + Math.floor(rand() * 8), minutes: Math.floor(rand() * 60) });
      const type = afterRelease && rand() < 0.5 ? 'incidencia' : TYPES[Math.floor(rand() * TYPES.length)];
      const plan = PLANS[Math.floor(rand() * PLANS.length)];
      const agent = AGENTS[Math.floor(rand() * AGENTS.length)];
      // First responses drift down from ~12 to ~5 minutes over the history: the team is improving.
      const frMinutes = Math.max(1, Math.round((5 + (7 * w) / options.weeks) * (0.4 + rand() * 1.2)));
      const firstReply = opened.plus({ minutes: frMinutes });
      const closeHours = 0.5 + rand() * 6;
      const closed = firstReply.plus({ minutes: Math.round(closeHours * 60) });
      const at = (dt: DateTime) => dt.toMillis();
      const priority = type === 'incidencia' ? PRIORITIES[Math.floor(rand() * PRIORITIES.length)] : null;
      const input: DomainEventInput[] = [
        { id: `${id}:open`, ticketId: id, at: at(opened), source: 'intercom', kind: 'ConversationOpened', subject: null, body: '', tags: [], assigneeId: agent, company: { id: `hist-co-${plan}`, plan, tags: [] }, language: rand() < 0.7 ? 'es' : 'en' },
        {
          id: `${id}:classified`,
          ticketId: id,
          at: at(opened),
          source: 'bot',
          kind: 'Classified',
          classification: { type, priority, evoCriticality: type === 'evolutivo' ? 'Baja' : null, confidence: 0.8, rules: [], flags: { complaint: false, keyAccount: false, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false } },
        },
        { id: `${id}:reply`, ticketId: id, at: at(firstReply), source: 'intercom', kind: 'SupportReplied', adminId: agent, body: '' },
        { id: `${id}:closed`, ticketId: id, at: at(closed), source: 'intercom', kind: 'Closed', adminId: agent },
      ];
      if (rand() < 0.35) input.push({ id: `${id}:rated`, ticketId: id, at: at(closed.plus({ minutes: 30 })), source: 'intercom', kind: 'Rated', rating: rand() < 0.88 ? 5 : 3, remark: null, adminId: agent });
      for (const e of input) events.push(DomainEventSchema.parse(e));
    }
  }
  return events;
}
