import { z } from 'zod';

/** The `metrics` section of the configuration (config/metrics.yaml). Placeholder: being written. */
export const MetricsConfigSchema = z.looseObject({});
export type MetricsConfig = z.infer<typeof MetricsConfigSchema>;
