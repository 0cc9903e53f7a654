import { DelayedError, type Job } from 'bullmq';
import type { Clock, Logger } from '../../ports';
import type { TimerJob } from '../queues';
import type { FollowupService } from './followup-service';
import { TIMER_KINDS } from './timer-key';

/** How far behind the timer's instant the clock may be and still count it due (clock skew between hosts). */
export const CLOCK_SKEW_MS = 2_000;

/**
 * The `timers` queue processor: a ticket's timer fired → review the ticket at `now`; the sweep →
 * review every open ticket; a digest → build and post it. `now` is the injected clock. A timer that
 * runs while its instant is still ahead on that clock (promoted by hand, or a clock that is not the
 * Redis server's, as in the demo) goes back to waiting for the rest of its delay; within
 * {@link CLOCK_SKEW_MS} it counts as due at its instant.
 */
export function createTimersProcessor(service: FollowupService, clock: Clock, logger?: Logger): (job: Job<TimerJob>, token?: string) => Promise<unknown> {
  return async (job, token) => {
    const data = job.data;
    switch (data.kind) {
      case TIMER_KINDS.followup: {
        if (!data.ticketId) return { skipped: 'no ticket' };
        const ahead = data.dueAt - clock.now();
        if (ahead > CLOCK_SKEW_MS && token) {
          await job.moveToDelayed(Date.now() + ahead, token);
          throw new DelayedError();
        }
        const review = await service.reviewTicket(data.ticketId, Math.max(clock.now(), data.dueAt));
        return { intents: review.intents.map((i) => i.key), wakes: review.wakes.length };
      }
      case TIMER_KINDS.sweep:
        return service.sweep(clock.now());
      case TIMER_KINDS.digest: {
        const slot = data.data?.slot === 'afternoon' ? 'afternoon' : 'morning';
        const intents = await service.digest(slot, clock.now());
        return { posts: intents.map((i) => i.key) };
      }
      default:
        logger?.warn({ jobId: job.id, kind: data.kind }, 'timers: unknown job kind, ignored');
        return { skipped: `unknown kind ${data.kind}` };
    }
  };
}
