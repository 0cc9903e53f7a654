import type { Job } from 'bullmq';
import type { Clock, Logger } from '../../ports';
import type { TimerJob } from '../queues';
import type { FollowupService } from './followup-service';
import { TIMER_KINDS } from './timer-key';

/**
 * The `timers` queue processor: a ticket's timer fired → review the ticket at `now`; the sweep →
 * review every open ticket; a digest → build and post it. `now` is the injected clock, never
 * earlier than the instant the timer is about (a clock slightly behind the Redis server's must not
 * make a due alert look early).
 */
export function createTimersProcessor(service: FollowupService, clock: Clock, logger?: Logger): (job: Job<TimerJob>) => Promise<unknown> {
  return async (job) => {
    const data = job.data;
    switch (data.kind) {
      case TIMER_KINDS.followup: {
        if (!data.ticketId) return { skipped: 'no ticket' };
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
