import { z } from 'zod';
import { HostingSchema, PlanSchema } from '../domain/vocabulary';
import { DurationSchema } from './duration';

/**
 * The `intercom` section of the configuration (config/intercom.yaml): where the methodology's facts
 * live in the Intercom workspace (plan, KA, hosting, CSM on the company), which admin the bot acts
 * as, and how long company lookups are cached. Every key has a default, so an empty file is valid.
 */
export const IntercomConfigSchema = z.object({
  /** The workspace (app) id, as in `https://app.intercom.com/a/inbox/<appId>/…` conversation links. */
  appId: z.string().default(''),
  /**
   * The Intercom admin the bot writes notes and tags as (`admin_id`). Required for notes, tags and
   * reopening; the INTERCOM_BOT_ADMIN_ID environment variable overrides it.
   */
  botAdminId: z.string().nullable().default(null),
  /** REST API version sent as `Intercom-Version` (the webhook app must be pinned to the same). */
  apiVersion: z.literal('2.14').default('2.14'),
  /** Per-request timeout. */
  timeout: DurationSchema.default(60_000),
  /** How long a company (plan, KA, hosting) and a contact's company are cached in Redis. */
  cacheTtl: DurationSchema.default(3_600_000),
  /**
   * Intercom sends no webhook when a customer rates a conversation, so the worker asks for the
   * rating of conversations closed within `window`, every `every`, until they are rated.
   */
  ratingPoll: z
    .object({
      enabled: z.boolean().default(true),
      every: DurationSchema.default(15 * 60_000),
      window: DurationSchema.default(168 * 3_600_000),
    })
    .prefault({}),
  company: z
    .object({
      /**
       * Company custom attribute holding the support plan. When absent or empty, the company's
       * Intercom `plan.name` is used.
       */
      planAttribute: z.string().min(1).default('plan_soporte'),
      /** Company tag that marks a key account (compared case-insensitively). */
      keyAccountTag: z.string().min(1).default('KA'),
      /** Company custom attribute holding the hosting (SaaS or self-hosted). */
      hostingAttribute: z.string().min(1).default('hosting'),
      /** Company custom attribute holding the CSM's e-mail or Slack id. */
      csmAttribute: z.string().min(1).default('csm_email'),
      /** Values seen in Intercom → the methodology's plan (matched case-insensitively; plan names themselves always match). */
      planAliases: z.record(z.string(), PlanSchema).default({}),
      /** Values seen in Intercom → hosting (matched case-insensitively). */
      hostingAliases: z
        .record(z.string(), HostingSchema)
        .default({ saas: 'saas', cloud: 'saas', 'self-hosted': 'self-hosted', selfhosted: 'self-hosted', 'on-premise': 'self-hosted', opensource: 'self-hosted', 'open source': 'self-hosted' }),
    })
    .prefault({}),
});
export type IntercomConfig = z.infer<typeof IntercomConfigSchema>;

/** The defaults, for code that runs without a loaded configuration (tests, CLI). */
export const DEFAULT_INTERCOM_CONFIG: IntercomConfig = IntercomConfigSchema.parse({});

/** What `config check` should point out in the `intercom` section (valid, but worth a look). */
export function intercomWarnings(config: IntercomConfig): string[] {
  const warnings: string[] = [];
  if (!config.botAdminId) warnings.push('intercom.botAdminId is not set: the bot cannot write notes or tags in Intercom unless INTERCOM_BOT_ADMIN_ID is set');
  if (!config.appId) warnings.push('intercom.appId is empty: conversation links cannot name the workspace');
  return warnings;
}
