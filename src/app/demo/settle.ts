import type { Queue } from 'bullmq';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the queues have nothing waiting or running (twice in a row, 40 ms apart), so the
 * scenario's next step sees every consequence of the previous one. Retries in backoff (`delayed`
 * on the events and effects queues) are waited for too, up to `maxMs`.
 */
export async function settle(queues: { queue: Queue; includeDelayed: boolean }[], maxMs = 15_000): Promise<{ idle: boolean; waitedMs: number }> {
  const started = Date.now();
  let quiet = 0;
  while (Date.now() - started < maxMs) {
    let busy = 0;
    for (const { queue, includeDelayed } of queues) {
      const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children', ...(includeDelayed ? (['delayed'] as const) : []));
      busy += Object.values(c).reduce((a, b) => a + b, 0);
    }
    if (busy === 0) {
      if (++quiet >= 2) return { idle: true, waitedMs: Date.now() - started };
    } else quiet = 0;
    await sleep(40);
  }
  return { idle: false, waitedMs: Date.now() - started };
}
