import type { Redis } from 'ioredis';

/**
 * The keys matching a glob pattern, batch by batch, with SCAN (never KEYS, which blocks Redis).
 * On a Redis Cluster, SCAN sees one node: use it for prefixes you own (tests, the demo, reports).
 */
export async function* scanKeys(redis: Redis, pattern: string, count = 1000): AsyncGenerator<string[]> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', count);
    cursor = next;
    if (keys.length > 0) yield keys;
  } while (cursor !== '0');
}

/** Deletes every key matching each pattern (clean-up of a test, bench or demo prefix). */
export async function deleteKeysMatching(redis: Redis, ...patterns: string[]): Promise<void> {
  for (const pattern of patterns) for await (const keys of scanKeys(redis, pattern)) await redis.del(...keys);
}
