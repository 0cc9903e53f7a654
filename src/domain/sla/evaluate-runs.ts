import type { SlaCalendar, SlaState } from './types';
import type { Run } from './timeline';

/** How one target stands, given the spans during which its clock counted. */
export interface RunsEvaluation {
  state: SlaState;
  deadline: number | null;
  atRiskAt: number | null;
  elapsedMs: number;
}

/**
 * Walks the spans during which a target's clock counts (its calendar's open time only) and finds
 * where it reaches the at-risk share and the whole target.
 *
 * - `stoppedAt`: the instant the target stopped (null while not stopped). It is met when it stopped
 *   on or before its deadline (the end of the last counted minute), breached after.
 * - A target still counting is breached strictly after its deadline, at risk from `atRiskAt`.
 * - While paused, the deadline is unknown (null) unless it already ran out.
 */
export function evaluateRuns(
  cal: SlaCalendar,
  durationMs: number,
  atRiskShare: number,
  runs: readonly Run[],
  now: number,
  stoppedAt: number | null,
): RunsEvaluation {
  const threshold = Math.max(1, Math.round(durationMs * atRiskShare));
  let used = 0;
  let deadline: number | null = null;
  let atRiskAt: number | null = null;
  let projected: number | null = null;
  let elapsedMs = 0;
  for (const run of runs) {
    const span = run.to === Infinity ? Infinity : cal.businessTimeBetween(run.from, run.to);
    if (atRiskAt === null && threshold - used <= span) atRiskAt = cal.addBusinessTime(run.from, threshold - used);
    if (deadline === null) {
      if (durationMs - used <= span) deadline = cal.addBusinessTime(run.from, durationMs - used);
      else projected = stoppedAt !== null && run.to === stoppedAt ? cal.addBusinessTime(run.from, durationMs - used) : null;
    }
    elapsedMs += cal.businessTimeBetween(run.from, Math.min(run.to, now));
    if (span !== Infinity) used += span;
  }
  const counting = runs.length > 0 && runs[runs.length - 1].to === Infinity;
  let state: SlaState;
  if (stoppedAt !== null) state = deadline !== null && deadline < stoppedAt ? 'breached' : 'met';
  else if (deadline !== null && deadline < now) state = 'breached';
  else if (!counting) state = 'paused';
  else if (atRiskAt !== null && atRiskAt <= now) state = 'at-risk';
  else state = 'running';
  return { state, deadline: deadline ?? projected, atRiskAt, elapsedMs };
}
