import { z } from 'zod';

/** The `plans` section of the configuration (config/plans.yaml). Placeholder: being written. */
export const PlansConfigSchema = z.looseObject({});
export type PlansConfig = z.infer<typeof PlansConfigSchema>;
