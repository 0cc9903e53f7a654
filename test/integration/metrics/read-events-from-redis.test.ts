import { Redis } from 'ioredis';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { readEventsFromRedis } from '../../../src/app/report/read-events-from-redis';
import { log } from '../../unit/metrics/build-events';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const PREFIX = `test-metrics-${process.pid}`;

describe('reading every ticket log from the Redis ticket store', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });

  afterAll(async () => {
    await deleteKeysMatching(redis, `${PREFIX}:*`);
    redis.disconnect();
  });

  it('includes closed tickets, which the open index leaves out', async () => {
    const store = new RedisTicketStore(redis, { prefix: PREFIX });
    const open = log('open-1').opened('2026-11-16T09:00').replied('2026-11-16T09:05');
    const closed = log('closed-1').opened('2026-11-16T10:00').closed('2026-11-16T11:00');
    await store.append('open-1', open.events);
    await store.append('closed-1', closed.events);
    const events = await readEventsFromRedis(redis, PREFIX);
    expect(events.map((e) => e.id).sort()).toEqual([...open.events, ...closed.events].map((e) => e.id).sort());
  });
});
