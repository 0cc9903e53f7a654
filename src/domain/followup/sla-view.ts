import type { SlaClock } from '../sla/types';
import type { SlaTargetView } from './types';

/** The SLA clock's targets (src/domain/sla/) as the alerts read them. */
export function slaTargetViews(clocks: readonly SlaClock[]): SlaTargetView[] {
  return clocks.map((c) => ({
    id: c.key,
    contractual: c.level === 'contractual',
    measure: c.kind,
    state: c.state,
    deadline: c.deadline,
    atRiskAt: c.atRiskAt,
    targetMs: c.durationMs,
    startedAt: c.startedAt,
  }));
}
