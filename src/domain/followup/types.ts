import type { FollowupConfig } from '../../config/followup.schema';
import type { AlertKind } from '../events';
import type { SlackDestination, Intent } from '../intents';
import type { Ticket } from '../ticket';
import type { TextCatalog } from '../../templates/text';
import type { Language } from '../vocabulary';

/**
 * The part of the business calendar (src/domain/calendar/) the follow-up decisions use. Any
 * `BusinessCalendar` fits: it is declared here so the decisions depend on what they call, nothing more.
 */
export interface FollowupCalendar {
  readonly zone: string;
  isOpen(at: number): boolean;
  nextOpening(at: number): number;
  addBusinessTime(from: number, ms: number): number;
}

export type SlaTargetState = 'running' | 'paused' | 'at-risk' | 'met' | 'breached';

/**
 * One SLA target of a ticket as the alerts need it, computed by the SLA clock (src/domain/sla/)
 * at `now`; see {@link ../followup/sla-view} for the adapter.
 */
export interface SlaTargetView {
  /** `<contractual|internal>.<measure>`, e.g. `contractual.firstResponse`: the AlertSent target. */
  id: string;
  contractual: boolean;
  /** `firstResponse`, `resolution`, `review`, `nextResponse`, … */
  measure: string;
  state: SlaTargetState;
  deadline: number | null;
  /** When the target becomes at-risk (a share of it elapsed); null when unknown. */
  atRiskAt: number | null;
  /** The target itself (ms of its clock), for the message. */
  targetMs: number | null;
  /**
   * When the target started counting. A target that restarts per cycle (`everyResponse`: each
   * customer message must be answered in time) alerts once per cycle, keyed by this instant.
   */
  startedAt?: number | null;
}

/** Where the team's alerts go (channel ids), from the `slack` section. */
export interface AlertChannels {
  team: string;
  managers: string;
  evo: string;
}

/** How alerts speak and link, from the `slack` section. */
export interface AlertStyle {
  /** The language of the texts the team reads. */
  lang: Language;
  /** The Intercom conversation URL; `{id}` is replaced by the conversation id. */
  intercomUrl: string;
}

/** Everything a follow-up decision needs; time and configuration are parameters. */
export interface FollowupInput {
  ticket: Ticket;
  now: number;
  config: FollowupConfig;
  /** The ticket's clock: its plan's or key account's calendar, the provider's once handed over. */
  calendar: FollowupCalendar;
  /** The calendar whose hours are business hours for DMs (quiet hours outside them). */
  officeCalendar: FollowupCalendar;
  /** The ticket's SLA targets at `now`. */
  sla: readonly SlaTargetView[];
  texts: TextCatalog;
  channels: AlertChannels;
  style: AlertStyle;
  /** Whether the ticket's plan includes phone support (null when the plan is unknown). */
  phoneIncluded: boolean | null;
  /**
   * For a Media or Urgente evolutivo: its rank (1-based, by creation) among its company's Media or
   * Urgente evolutivos opened in the same calendar month (calendar zone). Null otherwise or unknown.
   */
  evoRankInMonth: number | null;
}

/** Who receives one delivery of an alert; names the AlertSent target suffix. */
export type Recipient = 'assignee' | 'team' | 'managers' | 'csm' | 'head' | 'evo';

export interface Delivery {
  recipient: Recipient;
  to: SlackDestination;
  /** A direct message: held back outside business hours unless the ticket is Muy Alta. */
  dm: boolean;
  /** Key in templates/text/<lang>/alerts.yaml (without the `alerts.` group). */
  text: string;
  /** Contractual breaches and Muy Alta: louder (mention, red header). */
  loud?: boolean;
}

/**
 * An alert a rule wants sent once it is due. Pure data: {@link deliverNags} turns due nags into
 * Slack intents, deduplicated against the ticket's AlertSent records and by intent key.
 */
export interface Nag {
  alert: AlertKind;
  /** What it is about: an SLA target id, a ladder stage number, `remind`, … */
  target: string;
  /** When it becomes due (ms). */
  dueAt: number;
  /** The start of the cycle this nag belongs to (the ladder's last public reply, the wait's start); 0 when it happens once per ticket. */
  cycleStart: number;
  /**
   * The deadline an SLA alert is about (ms): recorded in its AlertSent target as `#<deadline>`, so a
   * re-based target (priority, type or plan change, provider hand-over) whose deadline moved is
   * announced once more for its new deadline, while the same deadline is never announced twice.
   * Absent for alerts that are not about a deadline.
   */
  deadline?: number;
  deliveries: Delivery[];
  /** Extra placeholders for the texts (the common ones are added by the renderer). */
  vars: Record<string, string | number>;
  /** Adds the breach buttons and facts (customer, plan, KA, priority, target, how late). */
  detailed?: boolean;
}

/** A future instant at which something becomes due, with why (for the timer's job id). */
export interface Wake {
  at: number;
  /** `sla`, `ladder`, `silent`, `stale`, `quiet-hours`, … */
  clock: string;
  target: string;
}

export interface FollowupDecision {
  intents: Intent[];
  wakes: Wake[];
}
