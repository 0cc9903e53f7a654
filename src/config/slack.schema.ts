import { z } from 'zod';

/** The `slack` section of the configuration (config/slack.yaml). Placeholder: being written. */
export const SlackConfigSchema = z.looseObject({});
export type SlackConfig = z.infer<typeof SlackConfigSchema>;
