import type { Instant } from '../vocabulary';
import { compareMetrics, type MetricsComparison } from './compare';
import { periodMetrics, type BusinessTimeBetween, type PeriodMetrics } from './period-metrics';
import { monthOf, previousPeriod, quarterOf, truncatePeriod, weeksEndingWith, type Period } from './periods';
import { detectReleaseSpikes, type Release, type SpikeFlag, type SpikeRule } from './release-spikes';
import type { SlaFact } from './sla-facts';
import type { TicketFacts } from './ticket-facts';

/** The results the teams want to beat (config `metrics.targets`). */
export interface ReportTargets {
  firstResponseMs: number;
  resolutionMs: number;
  conversationsPerWeek: number;
  /** CSAT share in [0, 1]. */
  csat: number;
}

export interface WeeklyReportInput {
  tickets: readonly TicketFacts[];
  week: Period;
  zone: string;
  businessTimeBetween: BusinessTimeBetween;
  slaFacts: readonly SlaFact[];
  targets: ReportTargets;
  releases: readonly Release[];
  spikeRule: SpikeRule;
  /** Weeks in the trend chart (12 by default). */
  chartWeeks: number;
}

/** One week of the trend chart. */
export interface TrendPoint {
  week: string;
  start: Instant;
  opened: number;
  /** Opened conversations by type (`none` = not classified). */
  byType: Record<string, number>;
  medianFirstResponseMs: number | null;
  medianFirstResponseBusinessMs: number | null;
}

/** A headline figure against its target. `met` is null when there is no figure yet. */
export interface TargetCheck {
  actual: number | null;
  target: number;
  met: boolean | null;
}

/** Everything the weekly report shows, computed once; Block Kit, HTML and the chart render it. */
export interface WeeklyReport {
  week: Period;
  zone: string;
  metrics: PeriodMetrics;
  vsPreviousWeek: MetricsComparison;
  /** Month to date (up to the week's end) against the whole previous month. */
  vsPreviousMonth: MetricsComparison;
  /** Quarter to date (up to the week's end) against the whole previous quarter. */
  vsPreviousQuarter: MetricsComparison;
  trend: TrendPoint[];
  /** Spikes among the trend weeks. */
  spikes: SpikeFlag[];
  /** The rule the spikes were found with (documented in docs/metrics.md). */
  spikeRule: SpikeRule;
  /**
   * The week against the targets: first response and resolution compare the median in business
   * time (the clock the SLA runs on), volume compares opened conversations (at most the target is
   * "met": it is a capacity figure), CSAT compares the share of 4–5 ratings.
   */
  targets: {
    firstResponse: TargetCheck;
    resolution: TargetCheck;
    conversations: TargetCheck;
    csat: TargetCheck;
  };
}

function atMost(actual: number | null, target: number): TargetCheck {
  return { actual, target, met: actual === null ? null : actual <= target };
}

function atLeast(actual: number | null, target: number): TargetCheck {
  return { actual, target, met: actual === null ? null : actual >= target };
}

/** Builds the weekly report model. Pure: tickets, calendar and config in, numbers out. */
export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { week, zone } = input;
  const opts = { businessTimeBetween: input.businessTimeBetween, slaFacts: input.slaFacts };
  const measure = (p: Period): PeriodMetrics => periodMetrics(input.tickets, p, opts);
  const metrics = measure(week);
  const prevWeek = measure(previousPeriod(week, zone));
  // The month and the quarter the week ends in, to date.
  const lastInstant = week.end - 1;
  const month = monthOf(lastInstant, zone);
  const quarter = quarterOf(lastInstant, zone);
  const vsPreviousMonth = compareMetrics(measure(truncatePeriod(month, week.end, zone)), measure(previousPeriod(month, zone)));
  const vsPreviousQuarter = compareMetrics(measure(truncatePeriod(quarter, week.end, zone)), measure(previousPeriod(quarter, zone)));

  const chartWeeks = weeksEndingWith(week, input.chartWeeks, zone);
  const historyWeeks = weeksEndingWith(week, input.chartWeeks + input.spikeRule.trailingWeeks, zone);
  const volumes = historyWeeks.map((w) => ({ week: w, opened: measure(w).opened }));
  const chartIds = new Set(chartWeeks.map((w) => w.id));
  const spikes = detectReleaseSpikes(volumes, input.releases, input.spikeRule, zone).filter((s) => chartIds.has(s.week));
  const trend = chartWeeks.map((w): TrendPoint => {
    const m = w.id === week.id ? metrics : measure(w);
    return {
      week: w.id,
      start: w.start,
      opened: m.opened,
      byType: m.breakdown.byType,
      medianFirstResponseMs: m.firstResponse.medianMs,
      medianFirstResponseBusinessMs: m.firstResponse.medianBusinessMs,
    };
  });
  return {
    week,
    zone,
    metrics,
    vsPreviousWeek: compareMetrics(metrics, prevWeek),
    vsPreviousMonth,
    vsPreviousQuarter,
    trend,
    spikes,
    spikeRule: input.spikeRule,
    targets: {
      firstResponse: atMost(metrics.firstResponse.medianBusinessMs, input.targets.firstResponseMs),
      resolution: atMost(metrics.timeToClose.medianBusinessMs, input.targets.resolutionMs),
      conversations: atMost(metrics.opened, input.targets.conversationsPerWeek),
      csat: atLeast(metrics.csat.score, input.targets.csat),
    },
  };
}
