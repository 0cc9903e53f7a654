import type { RedisTicketStore } from '../../adapters/redis/ticket-store';
import { DomainEventSchema } from '../../domain/events';
import { intercomEventId } from '../../domain/ingest/normalize-intercom';
import type { IntercomPort, Logger } from '../../ports';
import { runDecisions, type DecisionDeps } from './run-decisions';

export interface RatingSweepDeps extends DecisionDeps {
  store: RedisTicketStore;
  intercom: IntercomPort;
  logger: Logger;
}

export interface RatingSweepResult {
  checked: number;
  rated: number;
  /** Set when Intercom rate-limited or failed: the sweep stopped early and resumes next time. */
  stoppedBy?: string;
}

/**
 * Fetches the rating of recently closed, not yet rated tickets and stores it as `Rated` (the same
 * event id a webhook carrying the rating would give, so the two fold once), then runs the
 * decisions on the rated ticket. Intercom has no webhook topic for ratings.
 */
export async function sweepRatings(deps: RatingSweepDeps, windowMs: number): Promise<RatingSweepResult> {
  const now = deps.clock.now();
  const ids = await deps.store.recentlyClosedTicketIds(now - windowMs);
  let checked = 0;
  let rated = 0;
  for (const id of ids) {
    const ticket = await deps.store.get(id);
    if (!ticket || ticket.status !== 'closed' || ticket.rating !== null) continue;
    checked++;
    let rating;
    try {
      rating = await deps.intercom.getRating(id);
    } catch (err) {
      deps.logger.warn({ ticketId: id, err: (err as Error).message }, 'rating poll stopped: Intercom failed');
      return { checked, rated, stoppedBy: (err as { code?: string }).code ?? 'error' };
    }
    if (!rating) continue;
    const event = DomainEventSchema.parse({
      id: intercomEventId.rating(id, rating.at),
      ticketId: id,
      at: rating.at,
      source: 'intercom',
      kind: 'Rated',
      rating: rating.rating,
      remark: rating.remark,
      adminId: rating.adminId,
    });
    const { ticket: after, appended } = await deps.store.append(id, [event]);
    if (appended.length > 0) {
      rated++;
      await runDecisions(deps, after, appended, deps.logger.child({ ticketId: id, sweep: 'rating' }));
    }
  }
  return { checked, rated };
}
