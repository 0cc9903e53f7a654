import { z } from 'zod';

/** The `ingest` section of the configuration (config/ingest.yaml). Placeholder: being written. */
export const IngestConfigSchema = z.looseObject({});
export type IngestConfig = z.infer<typeof IngestConfigSchema>;
