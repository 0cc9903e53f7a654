import { z } from 'zod';

/** The `sla` section of the configuration (config/sla.yaml). Placeholder: being written. */
export const SlaConfigSchema = z.looseObject({});
export type SlaConfig = z.infer<typeof SlaConfigSchema>;
