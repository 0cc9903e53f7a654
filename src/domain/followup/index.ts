/** Follow-up: SLA alerts, the follow-up ladder, escalations, reminders and digests (pure). See docs/alerts.md. */
export * from './types';
export { decideFollowup, followupNags } from './decide';
export { deliverNags, recordTarget, alertIntentKey } from './deliver';
export { readableAlertTarget } from './readable-target';
export { ladderPosition, ladderStageAt, ladderNags, LADDER_STAGES, type LadderStage, type LadderPosition } from './ladder';
export { slaNags } from './sla-alerts';
export { escalationNags } from './escalations';
export { customerSilentNags } from './customer-silent';
export { staleNags } from './stale';
export { buildDigests, digestSections, AGENT_SECTIONS, TEAM_SECTIONS, type DigestInput, type DigestTicket, type DigestSection } from './digest';
export { alertBlocks, ALERT_ACTIONS } from './blocks';
export { slaTargetViews } from './sla-view';
export { naturalCalendar } from './natural-calendar';
export { evoMonthKey } from './evo-month';
export { formatInstant, formatSpan, localDate, compareTickets, priorityRank } from './format';
export { followupInputFor, ticketCalendar, type AnyCalendar, type FollowupInputOptions, type FollowupSettings } from './input-for';
export { FollowupSimulation, type SimulatedPost, type SimulationOptions } from './simulate';
