import type { PeriodMetrics } from './period-metrics';

/** One figure in two periods. `change` is current − previous; null when either side is unknown. */
export interface Delta {
  current: number | null;
  previous: number | null;
  change: number | null;
  /** change / previous, e.g. 0.25 for +25 %; null when previous is 0 or unknown. */
  relative: number | null;
}

/**
 * The headline figures of two periods side by side: month over month, quarter over quarter, week
 * over week. Volumes are also given per week (`openedPerWeek`), so a quarter to date compares
 * fairly with a whole previous quarter.
 */
export interface MetricsComparison {
  current: string;
  previous: string;
  opened: Delta;
  openedPerWeek: Delta;
  closed: Delta;
  snoozed: Delta;
  medianFirstResponseMs: Delta;
  medianFirstResponseBusinessMs: Delta;
  medianResponseMs: Delta;
  medianTimeToCloseMs: Delta;
  medianTimeToCloseBusinessMs: Delta;
  csat: Delta;
}

export function delta(current: number | null, previous: number | null): Delta {
  const change = current === null || previous === null ? null : current - previous;
  const relative = change === null || previous === null || previous === 0 ? null : change / previous;
  return { current, previous, change, relative };
}

function perWeek(m: PeriodMetrics): number | null {
  return m.period.days > 0 ? (m.opened * 7) / m.period.days : null;
}

/** Compares two periods' metrics figure by figure. */
export function compareMetrics(current: PeriodMetrics, previous: PeriodMetrics): MetricsComparison {
  return {
    current: current.period.id,
    previous: previous.period.id,
    opened: delta(current.opened, previous.opened),
    openedPerWeek: delta(perWeek(current), perWeek(previous)),
    closed: delta(current.closed, previous.closed),
    snoozed: delta(current.snoozed, previous.snoozed),
    medianFirstResponseMs: delta(current.firstResponse.medianMs, previous.firstResponse.medianMs),
    medianFirstResponseBusinessMs: delta(current.firstResponse.medianBusinessMs, previous.firstResponse.medianBusinessMs),
    medianResponseMs: delta(current.response.medianMs, previous.response.medianMs),
    medianTimeToCloseMs: delta(current.timeToClose.medianMs, previous.timeToClose.medianMs),
    medianTimeToCloseBusinessMs: delta(current.timeToClose.medianBusinessMs, previous.timeToClose.medianBusinessMs),
    csat: delta(current.csat.score, previous.csat.score),
  };
}
