import type { Ticket } from '../ticket';
import { localDate } from './format';

/**
 * The per-company monthly count of Media or Urgente evolutivos needs a bucket: the company and the
 * calendar month (in the calendar's zone) the ticket was opened in, e.g. `acme:2026-10`. Null for a
 * ticket that does not count (not an evolutivo of that criticality, no company, not opened).
 * The timers keep one sorted set per bucket (ticket ids by creation) and pass the ticket's rank.
 */
export function evoMonthKey(t: Ticket, zone: string): string | null {
  if (t.type !== 'evolutivo' || (t.evoCriticality !== 'Media' && t.evoCriticality !== 'Urgente')) return null;
  if (!t.company || t.createdAt === null) return null;
  return `${t.company.id}:${localDate(t.createdAt, zone).slice(0, 7)}`;
}
