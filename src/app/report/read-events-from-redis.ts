import type { Redis } from 'ioredis';
import { RedisTicketStore } from '../../adapters/redis/ticket-store';
import { DEFAULT_KEY_PREFIX, ticketKeys } from '../../adapters/redis/ticket-keys';
import type { DomainEvent } from '../../domain/events';
import { scanKeys } from '../../adapters/redis/scan-keys';

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
  for await (const keys of scanKeys(redis, pattern, 500)) {
    for (const k of keys) if (k.startsWith(head) && k.endsWith(tail)) ids.add(k.slice(head.length, -tail.length));
  }
  const events: DomainEvent[] = [];
  for (const id of [...ids].sort()) events.push(...(await store.events(id)));
  return events;
}
