import { z } from 'zod';

/** The `intercom` section of the configuration (config/intercom.yaml). Placeholder: being written. */
export const IntercomConfigSchema = z.looseObject({});
export type IntercomConfig = z.infer<typeof IntercomConfigSchema>;
