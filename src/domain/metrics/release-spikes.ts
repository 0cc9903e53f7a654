import type { Instant } from '../vocabulary';
import { DEFAULT_REPORT_ZONE, startOfLocalDate, type Period } from './periods';
import { mean, standardDeviation } from './stats';

/** A product release: its local date (`YYYY-MM-DD`, reporting time zone) and a name. */
export interface Release {
  date: string;
  name?: string;
}

/**
 * The spike rule. A week is a spike when its volume (conversations opened) is above BOTH
 * `mean + sigmas·sd` and `minRatio·mean` of the `trailingWeeks` weeks before it (population sd),
 * and at least `minHistoryWeeks` earlier weeks exist (counted from the first week with any
 * conversation: empty weeks before the data starts are not a baseline). The ratio guard keeps a very steady baseline
 * (tiny sd) from flagging ordinary noise; the sigma guard keeps a noisy baseline from flagging a
 * merely busy week. Defaults: 8 weeks, 2 sd, ×1.3, 4 weeks of history, releases up to 14 days before.
 */
export interface SpikeRule {
  trailingWeeks: number;
  sigmas: number;
  minRatio: number;
  minHistoryWeeks: number;
  /** A release preceded the spike when it happened in the week or up to this many days before it. */
  releaseWindowDays: number;
}

export const DEFAULT_SPIKE_RULE: SpikeRule = { trailingWeeks: 8, sigmas: 2, minRatio: 1.3, minHistoryWeeks: 4, releaseWindowDays: 14 };

export interface WeekVolume {
  week: Period;
  opened: number;
}

export interface SpikeFlag {
  week: string;
  opened: number;
  baselineMean: number;
  baselineSd: number;
  /** The volume the week had to exceed: max(mean + sigmas·sd, minRatio·mean). */
  threshold: number;
  /** The latest release that preceded the spike, if any, and how many days before the week began (negative: during the week). */
  release: { date: string; name: string | null; daysBeforeWeek: number } | null;
}

const DAY_MS = 86_400_000;

function releaseBefore(week: Period, releases: readonly Release[], rule: SpikeRule, zone: string): SpikeFlag['release'] {
  let best: { release: Release; at: Instant } | null = null;
  for (const r of releases) {
    const at = startOfLocalDate(r.date, zone);
    if (at < week.end && at >= week.start - rule.releaseWindowDays * DAY_MS && (best === null || at > best.at)) best = { release: r, at };
  }
  if (best === null) return null;
  return { date: best.release.date, name: best.release.name ?? null, daysBeforeWeek: Math.round((week.start - best.at) / DAY_MS) };
}

/**
 * Flags the weeks whose volume rose above the trailing baseline (see {@link SpikeRule}) and says
 * whether a release preceded each. `series` must be consecutive weeks, oldest first.
 */
export function detectReleaseSpikes(
  series: readonly WeekVolume[],
  releases: readonly Release[],
  rule: SpikeRule = DEFAULT_SPIKE_RULE,
  zone: string = DEFAULT_REPORT_ZONE,
): SpikeFlag[] {
  const flags: SpikeFlag[] = [];
  // Weeks before the first conversation on record are not history (the data had not started).
  const first = series.findIndex((w) => w.opened > 0);
  if (first < 0) return flags;
  for (let i = first; i < series.length; i++) {
    const history = series.slice(Math.max(first, i - rule.trailingWeeks), i).map((w) => w.opened);
    if (history.length < rule.minHistoryWeeks) continue;
    const m = mean(history) ?? 0;
    const sd = standardDeviation(history) ?? 0;
    const { week, opened } = series[i];
    if (opened > m + rule.sigmas * sd && opened > rule.minRatio * m) {
      flags.push({
        week: week.id,
        opened,
        baselineMean: m,
        baselineSd: sd,
        threshold: Math.max(m + rule.sigmas * sd, rule.minRatio * m),
        release: releaseBefore(week, releases, rule, zone),
      });
    }
  }
  return flags;
}
