import type { Wake } from '../../domain/followup';

/** Timer kinds on the `timers` queue. */
export const TIMER_KINDS = { followup: 'followup', sweep: 'sweep', digest: 'digest' } as const;

/**
 * The deterministic key of a ticket's timer: ticket + clock + target + the instant it is due, e.g.
 * `1001|sla-breached|contractual.firstResponse|1760950800000`. The same wake derived twice (on
 * every event, by the sweep, after a restart) is the same BullMQ job; a moved deadline is a new one.
 */
export function followupTimerKey(ticketId: string, wake: Wake): string {
  return `${ticketId}|${wake.clock}|${wake.target}|${wake.at}`;
}

/** The key of a digest run: one per local date and slot. */
export function digestTimerKey(date: string, slot: string): string {
  return `digest|${date}|${slot}`;
}
