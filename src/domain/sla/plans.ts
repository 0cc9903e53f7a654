import { PlanSchema, type Plan } from '../vocabulary';

/** The plans, strictest SLA first: Platinum, Gold, Silver, Bronze. */
export const PLANS: readonly Plan[] = PlanSchema.options;
