/** Timers: delayed jobs for SLA, ladder and reminders; the reconciliation sweep; the digests. See docs/alerts.md. */
export { FollowupService, type FollowupServiceDeps, type TicketReview } from './followup-service';
export { createTimersProcessor, CLOCK_SKEW_MS } from './processor';
export { createFollowupDecider } from './decider';
export { timersProcessorFactory, followupDeciderFactory, followupServiceFor } from './wiring';
export { upsertTimerSchedulers, dailyCron, SWEEP_SCHEDULER_ID, DIGEST_SCHEDULER_IDS } from './schedulers';
export { EvoMonthIndex } from './evo-index';
export { followupTimerKey, digestTimerKey, TIMER_KINDS } from './timer-key';
