import type { DomainEvent } from '../events';
import type { PlansConfig } from '../../config/plans.schema';
import type { SlaConfig, SlaLevel, SlaRowKey, SlaTargetKind } from '../../config/sla.schema';
import type { Hosting, Instant, Party, Plan, TicketType } from '../vocabulary';

export type { SlaLevel, SlaRowKey, SlaTargetKind } from '../../config/sla.schema';

/**
 * What the SLA clock needs from a business calendar (src/domain/calendar/): a structural subset of
 * `BusinessCalendar`, so any calendar (or a test double) fits.
 */
export interface SlaCalendar {
  readonly name: string;
  readonly zone: string;
  /** The instant `ms` of open time after `from` (the end of the last counted minute). */
  addBusinessTime(from: number, ms: number): number;
  /** Open time between two instants (0 when `to <= from`). */
  businessTimeBetween(from: number, to: number): number;
}

/** The configuration the SLA clock reads: the `sla` and `plans` sections. */
export interface SlaSettings {
  sla: SlaConfig;
  plans: PlansConfig;
}

/** What decides a ticket's targets. `priority` is `normal` for a consulta (one row). */
export interface SlaProfile {
  hosting: Hosting;
  type: TicketType;
  priority: SlaRowKey;
  plan: Plan;
  keyAccount: boolean;
}

/** `business`: opening hours of a calendar; `natural`: real elapsed time, 24x7. */
export type SlaClockKind = 'business' | 'natural';

/** Where a target comes from: the plan tables, a configured rule, or an external provider's SLA. */
export type SlaTargetSource = 'table' | 'rule' | 'provider';

/** One target a ticket must meet, before any event is counted. */
export interface SlaTarget {
  /** Stable id, `<level>.<name>`: `contractual.firstResponse`, `internal.resolution`, `contractual.answer24h`. */
  key: string;
  /** `firstResponse`, `resolution`, or the rule's name. */
  name: string;
  level: SlaLevel;
  kind: SlaTargetKind;
  /** The target's length in time of its clock (business or natural ms). */
  durationMs: number;
  /** The calendar it counts on (a name from the `calendars` section, or `natural`). */
  calendar: string;
  clock: SlaClockKind;
  /** True only for the contractual first response (resolution is an intent, internal targets are ours). */
  binding: boolean;
  source: SlaTargetSource;
  /** The provider whose SLA this is, when `source` is `provider`. */
  provider?: string;
  description?: string;
}

/**
 * - `running`: counting, less than the at-risk share used;
 * - `at-risk`: counting, past the at-risk share;
 * - `paused`: not counting (waiting on the customer, or closed and not yet evaluated);
 * - `met`: stopped on or before the deadline;
 * - `breached`: the deadline passed before it stopped (or it is still running past it).
 */
export type SlaState = 'running' | 'paused' | 'at-risk' | 'met' | 'breached';

/** A target evaluated against a ticket's history at `now`. */
export interface SlaClock extends SlaTarget {
  state: SlaState;
  /** When this target started counting: creation, or the cycle's first unanswered message, or the hand-over to a provider. */
  startedAt: Instant;
  /**
   * The instant the target runs out. For a running target it is where the clock will reach the
   * target if nothing pauses it; null while paused before running out (unknown until it resumes),
   * or when it stopped while paused.
   */
  deadline: Instant | null;
  /** The instant it becomes (or became) at risk; null while paused before reaching the share. */
  atRiskAt: Instant | null;
  /** The instant it stopped (first reply, closing, …), null while still counting or paused. */
  stoppedAt: Instant | null;
  /** Time of its clock counted so far (business ms on a business calendar). */
  elapsedMs: number;
  /** `durationMs - elapsedMs`: time left, negative when overdue. */
  remainingMs: number;
  /** For `everyResponse`: how many answer cycles there were and how many missed the target. */
  cycles?: { total: number; breached: number };
}

/** How the elapsed time of a ticket splits between the parties who had the ball. */
export interface SlaTimeSplit {
  /** Real elapsed ms per party from creation to now (closed periods count for nobody). */
  natural: Record<Party, number>;
  /** The same in business ms of the ticket's calendar. */
  business: Record<Party, number>;
  /** The calendar `business` was measured on. */
  calendar: string;
}

/** Everything the SLA clock says about one ticket at `now`. */
export interface SlaReport {
  ticketId: string;
  now: Instant;
  /** The profile in force at `now`; null when the ticket has not been opened (no ConversationOpened). */
  profile: SlaProfile | null;
  /** One clock per target, contractual and internal, in a stable order. */
  clocks: SlaClock[];
  timeSplit: SlaTimeSplit;
  /**
   * The earliest instant after `now` when a clock changes state by itself (becomes at risk or
   * breached), for scheduling timers; null when nothing is counting.
   */
  nextChangeAt: Instant | null;
}

/** Input of {@link computeSlaClocks}. */
export interface ComputeSlaClocksInput {
  events: readonly DomainEvent[];
  now: Instant;
  config: SlaSettings;
  /** Calendars by name (createCalendars(config.calendars)); `natural` needs no entry. */
  calendars: ReadonlyMap<string, SlaCalendar>;
}

/** Coded errors of the SLA domain. */
export type SlaErrorCode = 'SLA_UNKNOWN_CALENDAR' | 'SLA_NO_TABLE_CELL';

export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SlaError';
  }
}
