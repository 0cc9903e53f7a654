import type { PlansConfig } from '../../config/plans.schema';
import type { Plan } from '../vocabulary';

/**
 * Whether each plan includes phone support, from the `plans` section (config/plans.yaml) — the
 * source of truth. Pass it to {@link classify} as `phoneSupportByPlan`; `rules.phoneSupportByPlan`
 * is only the fallback when the plans section is not at hand.
 */
export function phoneSupportByPlan(plans: PlansConfig): Record<Plan, boolean> {
  return {
    Platinum: plans.Platinum.phoneSupport,
    Gold: plans.Gold.phoneSupport,
    Silver: plans.Silver.phoneSupport,
    Bronze: plans.Bronze.phoneSupport,
  };
}
