import { customerSilentNags } from './customer-silent';
import { deliverNags } from './deliver';
import { escalationNags } from './escalations';
import { ladderNags } from './ladder';
import { slaNags } from './sla-alerts';
import { staleNags } from './stale';
import type { FollowupDecision, FollowupInput, Nag } from './types';

/** Every nag the ticket's state implies (due or not), in a stable order. */
export function followupNags(input: FollowupInput): Nag[] {
  const { ticket: t, now, config, calendar, channels } = input;
  if (!t.opened || t.status === 'closed' || t.status === 'deleted') return [];
  return [
    ...escalationNags(input),
    ...slaNags(t, input.sla, channels),
    ...ladderNags(t, now, calendar, config.ladder.interval, config.people.headOfDepartment, channels),
    ...customerSilentNags(t, now, calendar, config.customerSilent, channels),
    ...staleNags(t, config.staleAfter, channels),
  ];
}

/**
 * The follow-up decision for one ticket at `now` (pure): the Slack alerts due now and not sent yet,
 * and the instants at which something else becomes due (for the timers). Run it on every ticket
 * event, when a timer fires and in the reconciliation sweep: the same state gives the same answer,
 * and what was already sent (AlertSent) is never sent again.
 */
export function decideFollowup(input: FollowupInput): FollowupDecision {
  const nags = followupNags(input).sort((a, b) => a.dueAt - b.dueAt);
  const decision = deliverNags(nags, input);
  const seen = new Set<string>();
  const wakes = decision.wakes
    .filter((w) => {
      const k = `${w.at}|${w.clock}|${w.target}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.at - b.at);
  return { intents: decision.intents, wakes };
}
