import type { Redis } from 'ioredis';
import { evoMonthKey } from '../../domain/followup';
import type { Ticket } from '../../domain/ticket';

/**
 * The per-company monthly count of Media/Urgente evolutivos: one sorted set per company and month
 * (`<prefix>evo:{<company>:<YYYY-MM>}`, ticket ids scored by creation instant; the braces keep it on
 * one cluster slot). Adding is idempotent (ZADD NX), so replays and sweeps do not inflate the count;
 * the rank is the ticket's 1-based position by creation. Sets expire after ~400 days.
 */
export class EvoMonthIndex {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'cr:',
  ) {}

  /** The ticket's rank among its company's Media/Urgente evolutivos of its month, or null when it does not count. */
  async rank(ticket: Ticket, zone: string): Promise<number | null> {
    const bucket = evoMonthKey(ticket, zone);
    if (bucket === null || ticket.createdAt === null) return null;
    const key = `${this.prefix}evo:{${bucket}}`;
    const [, , rank] = (await this.redis
      .multi()
      .zadd(key, 'NX', ticket.createdAt, ticket.id)
      .expire(key, 400 * 86_400)
      .zrank(key, ticket.id)
      .exec()) ?? [null, null, null];
    const value = rank?.[1];
    return typeof value === 'number' ? value + 1 : null;
  }
}
