import { z } from 'zod';

/** The `followup` section of the configuration (config/followup.yaml). Placeholder: being written. */
export const FollowupConfigSchema = z.looseObject({});
export type FollowupConfig = z.infer<typeof FollowupConfigSchema>;
