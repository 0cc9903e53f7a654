import type { Instant } from '../vocabulary';
import { inPeriod, type Period } from './periods';
import type { SlaFact, SlaKind } from './sla-facts';
import { median, ratio } from './stats';
import type { TicketFacts } from './ticket-facts';

/** Business time between two instants (ms) through the support calendar; injected, so this stays pure. */
export type BusinessTimeBetween = (from: Instant, to: Instant) => number;

/** A duration metric: how many samples, their median in natural and in business time. */
export interface DurationStat {
  count: number;
  medianMs: number | null;
  medianBusinessMs: number | null;
}

/** CSAT: the share of ratings of 4 or 5 (out of 5) among all ratings given in the period. */
export interface CsatStat {
  ratings: number;
  satisfied: number;
  /** satisfied / ratings in [0, 1]; null when nobody rated. */
  score: number | null;
}

export interface ComplianceStat {
  met: number;
  breached: number;
  /** met / (met + breached); null when no outcome fell in the period. */
  compliance: number | null;
}

/** Everything measured over one period. */
export interface PeriodMetrics {
  period: Period;
  /** Conversations opened in the period. */
  opened: number;
  /** Conversations whose last close fell in the period. */
  closed: number;
  /** Conversations snoozed at least once in the period. */
  snoozed: number;
  firstResponse: DurationStat;
  response: DurationStat;
  timeToClose: DurationStat;
  csat: CsatStat;
  /** CSAT per agent (the rated admin, else the assignee, else `unassigned`). */
  csatByAgent: Record<string, CsatStat>;
  /** Conversations opened in the period, counted by type, priority, plan and tag (`none` when unknown). */
  breakdown: {
    byType: Record<string, number>;
    byPriority: Record<string, number>;
    byPlan: Record<string, number>;
    byTag: Record<string, number>;
  };
  /** SLA compliance per plan (`none` when unknown) and kind. */
  sla: Record<string, Record<SlaKind, ComplianceStat>>;
  /** Tickets that reached each ladder stage in the period (their highest stage alerted in it). */
  ladder: Record<string, number>;
}

export interface PeriodMetricsOptions {
  businessTimeBetween: BusinessTimeBetween;
  /** SLA outcomes (from the SLA clock, or {@link slaFactsFromAlerts}). */
  slaFacts: readonly SlaFact[];
}

/** A rating of 4 or 5 counts as satisfied: Intercom's scale is 1–5 and its CSAT counts 4–5 as positive. */
export const SATISFIED_RATING = 4;

function durationStat(pairs: readonly { from: Instant; to: Instant }[], business: BusinessTimeBetween): DurationStat {
  return {
    count: pairs.length,
    medianMs: median(pairs.map((p) => p.to - p.from)),
    medianBusinessMs: median(pairs.map((p) => business(p.from, p.to))),
  };
}

function bump(rec: Record<string, number>, key: string): void {
  rec[key] = (rec[key] ?? 0) + 1;
}

function csatOf(ratings: readonly number[]): CsatStat {
  const satisfied = ratings.filter((r) => r >= SATISFIED_RATING).length;
  return { ratings: ratings.length, satisfied, score: ratio(satisfied, ratings.length) };
}

/**
 * Measures a period. Each sample is counted in the period of the moment it completed: first
 * response and response times when the reply was sent, time to close when the ticket was closed,
 * CSAT when the customer rated; volumes and breakdowns count conversations opened in the period.
 * Deleted conversations are left out.
 */
export function periodMetrics(tickets: readonly TicketFacts[], period: Period, options: PeriodMetricsOptions): PeriodMetrics {
  const live = tickets.filter((t) => !t.deleted);
  const opened = live.filter((t) => t.openedAt !== null && inPeriod(t.openedAt, period));
  const firstResponses: { from: Instant; to: Instant }[] = [];
  const responses: { from: Instant; to: Instant }[] = [];
  const closes: { from: Instant; to: Instant }[] = [];
  const ratings: number[] = [];
  const ratingsByAgent: Record<string, number[]> = {};
  const ladder: Record<string, number> = {};
  let closed = 0;
  let snoozed = 0;
  for (const t of live) {
    if (t.openedAt !== null && t.firstResponseAt !== null && inPeriod(t.firstResponseAt, period)) {
      firstResponses.push({ from: t.openedAt, to: t.firstResponseAt });
    }
    for (const r of t.responses) if (inPeriod(r.repliedAt, period)) responses.push({ from: r.askedAt, to: r.repliedAt });
    if (t.closedAt !== null && inPeriod(t.closedAt, period)) {
      closed++;
      if (t.openedAt !== null) closes.push({ from: t.openedAt, to: t.closedAt });
    }
    if (t.snoozedAt.some((at) => inPeriod(at, period))) snoozed++;
    if (t.rating && inPeriod(t.rating.at, period)) {
      ratings.push(t.rating.rating);
      const agent = t.rating.adminId ?? t.assigneeId ?? 'unassigned';
      (ratingsByAgent[agent] ??= []).push(t.rating.rating);
    }
    const stages = t.ladder.filter((l) => inPeriod(l.at, period)).map((l) => l.stage);
    if (stages.length > 0) bump(ladder, String(Math.max(...stages)));
  }
  const breakdown = { byType: {}, byPriority: {}, byPlan: {}, byTag: {} } as PeriodMetrics['breakdown'];
  for (const t of opened) {
    bump(breakdown.byType, t.type ?? 'none');
    bump(breakdown.byPriority, t.priority ?? 'none');
    bump(breakdown.byPlan, t.plan ?? 'none');
    for (const tag of t.tags) bump(breakdown.byTag, tag);
  }
  const sla: PeriodMetrics['sla'] = {};
  for (const f of options.slaFacts) {
    if (!inPeriod(f.at, period)) continue;
    const plan = (sla[f.plan ?? 'none'] ??= {
      contractual: { met: 0, breached: 0, compliance: null },
      internal: { met: 0, breached: 0, compliance: null },
    });
    const stat = plan[f.kind];
    if (f.met) stat.met++;
    else stat.breached++;
    stat.compliance = ratio(stat.met, stat.met + stat.breached);
  }
  const csatByAgent: Record<string, CsatStat> = {};
  for (const [agent, rs] of Object.entries(ratingsByAgent)) csatByAgent[agent] = csatOf(rs);
  return {
    period,
    opened: opened.length,
    closed,
    snoozed,
    firstResponse: durationStat(firstResponses, options.businessTimeBetween),
    response: durationStat(responses, options.businessTimeBetween),
    timeToClose: durationStat(closes, options.businessTimeBetween),
    csat: csatOf(ratings),
    csatByAgent,
    breakdown,
    sla,
    ladder,
  };
}
