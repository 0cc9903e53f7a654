import type { Decider } from '../events/decider';
import type { Logger } from '../../ports';
import type { FollowupService } from './followup-service';

/**
 * The follow-up Decider the events worker runs after every append: the alerts now due (the worker
 * dispatches them) and, as a side effect, the ticket's timers rescheduled from its new state (a
 * public reply moves the ladder, a priority change moves the SLA deadlines, …). Timers whose
 * deadline moved simply fire, find nothing due and end. It never fails the event job.
 */
export function createFollowupDecider(service: FollowupService, logger?: Logger): Decider {
  return async (ctx) => {
    try {
      const decision = await service.decide(ctx.ticket.id, ctx.now);
      await service.schedule(ctx.ticket.id, decision.wakes, ctx.now);
      return decision.intents;
    } catch (err) {
      // A follow-up problem (a calendar missing from the config, Redis hiccup on the timers queue)
      // must not fail the ticket's event job: the reconciliation sweep reviews the ticket again.
      logger?.error({ ticketId: ctx.ticket.id, err: (err as Error).message }, 'followup decider failed; the sweep will retry');
      return [];
    }
  };
}
