import { z } from 'zod';

/** The `jira` section of the configuration (config/jira.yaml). Placeholder: being written. */
export const JiraConfigSchema = z.looseObject({});
export type JiraConfig = z.infer<typeof JiraConfigSchema>;
