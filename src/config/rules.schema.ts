import { z } from 'zod';

/** The `rules` section of the configuration (config/rules.yaml). Placeholder: being written. */
export const RulesConfigSchema = z.looseObject({});
export type RulesConfig = z.infer<typeof RulesConfigSchema>;
