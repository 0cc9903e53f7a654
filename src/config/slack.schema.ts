import { z } from 'zod';
import { DurationSchema } from './duration';

/** A Slack channel id (`C…` public, `G…` private). Names change; ids do not. */
const ChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, 'expected a Slack channel id such as "C06SOPINC01" (channel details → copy channel ID)');

/** A Slack user id (`U…`/`W…`) or an e-mail address looked up with users.lookupByEmail. */
const SlackUserRefSchema = z
  .string()
  .regex(/^([UW][A-Z0-9]{2,}|[^@\s]+@[^@\s]+)$/, 'expected a Slack user id ("U05LUFER001") or an e-mail address');

/**
 * The `slack` section of the configuration (config/slack.yaml): where the bot posts, who may act,
 * and how Intercom admins map to Slack users.
 */
export const SlackConfigSchema = z.object({
  channels: z.object({
    /** Bug thread roots (one per Jira issue) and their status replies. */
    bugs: ChannelIdSchema,
    /** The support team's alerts (SLA at risk, ladder). */
    team: ChannelIdSchema,
    /** Head of support and CSMs: breaches, complaints, KA incidents, digests. */
    managers: ChannelIdSchema,
    /** The EVO team: change requests. */
    evo: ChannelIdSchema,
  }),
  /** The user group (`S…`) whose members may file bugs and act on alerts. */
  supportUserGroup: z.string().regex(/^S[A-Z0-9]{2,}$/, 'expected a Slack user group id such as "S07SUPPORT1"'),
  /** How long the members of the support group are cached before asking Slack again. */
  supportGroupCacheTtl: DurationSchema.default(5 * 60_000),
  /**
   * Intercom admin id → Slack user id or e-mail, for admins whose Intercom e-mail is not their Slack
   * e-mail. Others are found by e-mail (users.lookupByEmail).
   */
  adminOverrides: z.record(z.string(), SlackUserRefSchema).default({}),
  /** Intercom admin id → e-mail, when the Intercom adapter cannot tell (optional). */
  adminEmails: z.record(z.string(), z.string().email()).default({}),
  /** A link to a conversation in the Intercom inbox; `{id}` is the conversation id. */
  intercomConversationUrl: z
    .string()
    .refine((s) => s.includes('{id}') && /^https:\/\//.test(s), 'expected an https URL containing {id}')
    .default('https://app.intercom.com/a/inbox/_/inbox/conversation/{id}'),
  /** Minimum gap between two messages to the same channel (Slack allows about one per second). */
  postIntervalMs: z.number().int().min(0).max(10_000).default(1100),
  /** The language of the bot's texts in Slack. */
  language: z.enum(['es', 'en']).default('es'),
});
export type SlackConfig = z.infer<typeof SlackConfigSchema>;
