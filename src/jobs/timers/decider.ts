import type { Decider } from '../events/decider';
import type { FollowupService } from './followup-service';

/**
 * The follow-up Decider the events worker runs after every append: the alerts now due (the worker
 * dispatches them) and, as a side effect, the ticket's timers rescheduled from its new state (a
 * public reply moves the ladder, a priority change moves the SLA deadlines, …). Timers whose
 * deadline moved simply fire, find nothing due and end.
 */
export function createFollowupDecider(service: FollowupService): Decider {
  return async (ctx) => {
    const decision = await service.decide(ctx.ticket.id, ctx.now);
    await service.schedule(ctx.ticket.id, decision.wakes, ctx.now);
    return decision.intents;
  };
}
