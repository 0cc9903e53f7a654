import type { Queue } from 'bullmq';
import type { FollowupConfig } from '../../config/followup.schema';
import type { TimerJob } from '../queues';
import { TIMER_KINDS } from './timer-key';

export const SWEEP_SCHEDULER_ID = 'followup-sweep';
export const DIGEST_SCHEDULER_IDS = ['digest-morning', 'digest-afternoon'] as const;

/** `"08:30"` → the cron pattern `30 8 * * *` (every day: closed days are skipped by the digest itself). */
export function dailyCron(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${m} ${h} * * *`;
}

/**
 * Registers (idempotently: `upsertJobScheduler`) the periodic jobs of the `timers` queue: the
 * reconciliation sweep every `sweepEvery`, and the morning and afternoon digests at their local
 * times in `zone`. A digest time removed from the config removes its scheduler. Call at worker
 * start-up; several workers calling it at once converge on the same schedulers.
 */
export async function upsertTimerSchedulers(timers: Queue<TimerJob>, config: FollowupConfig, zone: string): Promise<string[]> {
  await timers.upsertJobScheduler(
    SWEEP_SCHEDULER_ID,
    { every: config.sweepEvery },
    { name: TIMER_KINDS.sweep, data: { key: 'sweep', kind: TIMER_KINDS.sweep, ticketId: null, dueAt: 0 } },
  );
  const ids: string[] = [SWEEP_SCHEDULER_ID];
  for (const [i, id] of DIGEST_SCHEDULER_IDS.entries()) {
    const time = config.digests.times[i];
    if (time === undefined) {
      await timers.removeJobScheduler(id);
      continue;
    }
    const slot = i === 0 ? 'morning' : 'afternoon';
    await timers.upsertJobScheduler(
      id,
      { pattern: dailyCron(time), tz: zone },
      { name: TIMER_KINDS.digest, data: { key: `digest|${slot}`, kind: TIMER_KINDS.digest, ticketId: null, dueAt: 0, data: { slot } } },
    );
    ids.push(id);
  }
  return ids;
}
