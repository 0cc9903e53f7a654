import type { Redis } from 'ioredis';
import { RedisTicketStore } from '../../adapters/redis/ticket-store';
import { DEFAULT_KEY_PREFIX, ticketKeys } from '../../adapters/redis/ticket-keys';
import type { DomainEvent } from '../../domain/events';

/**
 * Every ticket's event log from the Redis ticket store, closed tickets included (the store's
 * indexes only list open ones, so this SCANs the per-ticket event keys; fine for a weekly job).
 */
export async function readEventsFromRedis(redis: Redis, prefix: string = DEFAULT_KEY_PREFIX): Promise<DomainEvent[]> {
  const store = new RedisTicketStore(redis, { prefix });
  const pattern = ticketKeys('*', prefix).events;
  const head = `${prefix}:{t:`;
  const tail = '}:events';
  const ids = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    for (const k of keys) if (k.startsWith(head) && k.endsWith(tail)) ids.add(k.slice(head.length, -tail.length));
  } while (cursor !== '0');
  const events: DomainEvent[] = [];
  for (const id of [...ids].sort()) events.push(...(await store.events(id)));
  return events;
}
