import { z } from 'zod';

/** The `calendars` section of the configuration (config/calendars.yaml). Placeholder: being written. */
export const CalendarsConfigSchema = z.looseObject({});
export type CalendarsConfig = z.infer<typeof CalendarsConfigSchema>;
