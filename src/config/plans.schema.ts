import { z } from 'zod';

/** What one support plan includes, beyond its SLA table rows (which live in the `sla` section). */
export const PlanFeaturesSchema = z.strictObject({
  /** Whether the plan includes phone support; a phone request from another plan goes to the CSM as an upsell. */
  phoneSupport: z.boolean({ error: 'expected true or false' }),
  /** One line shown to agents and managers (Slack, docs). */
  description: z.string().optional(),
});
export type PlanFeatures = z.infer<typeof PlanFeaturesSchema>;

/**
 * The `plans` section (config/plans.yaml): the four plans of the methodology, each with its
 * features. Every plan must be listed, so a missing one is a configuration error rather than a
 * silent "no phone support". The plan assumed for a company without a plan attribute is
 * `sla.assume.plan`.
 */
export const PlansConfigSchema = z.strictObject({
  Platinum: PlanFeaturesSchema,
  Gold: PlanFeaturesSchema,
  Silver: PlanFeaturesSchema,
  Bronze: PlanFeaturesSchema,
});
export type PlansConfig = z.infer<typeof PlansConfigSchema>;
