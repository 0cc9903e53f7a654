import { z } from 'zod';
import { DurationSchema } from './duration';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time like "08:30"' });

const SlackUserIdSchema = z.string().regex(/^[UW][A-Z0-9]{2,}$/, { error: 'expected a Slack user id like "U024BE7LH"' });

/**
 * The `followup` section (config/followup.yaml): the follow-up ladder, customer-silent reminders,
 * stale tickets, escalation thresholds, digests and who receives what. Channels, the language of
 * the alerts and the Intercom URL come from the `slack` section; phone support per plan from
 * `plans`; the at-risk share from `sla`. Every figure is a documented
 * default from the methodology (docs/alerts.md) that a support lead may change.
 */
export const FollowupConfigSchema = z.object({
  ladder: z
    .object({
      /** Business time between the last public support reply and stage 1, and between stages. */
      interval: DurationSchema.default(48 * 3_600_000),
      /** Guidance shown with each stage (1…4); the texts live in alerts.yaml, these override them when set. */
      guidance: z.partialRecord(z.enum(['1', '2', '3', '4']), z.string()).default({}),
    })
    .prefault({}),
  customerSilent: z
    .object({
      /** Business time after support asked the customer for information before reminding them. */
      remindAfter: DurationSchema.default(27 * 3_600_000),
      /** Business time after the same moment before suggesting closing with an explicit non-resolution. */
      closeAfter: DurationSchema.default(45 * 3_600_000),
    })
    .prefault({}),
  /** Natural time after which an open ticket is listed for the managers (stale). */
  staleAfter: DurationSchema.default(30 * 86_400_000),
  /** Exchanges (customer message answered by support) after which a phone call is suggested. */
  exchangesThreshold: z.number().int().min(2).default(6),
  /** Media or Urgente evolutivos allowed per company and calendar month; the next one warns EVO. */
  evoMonthlyLimit: z.number().int().min(0).default(2),
  digests: z
    .object({
      /** Local times (calendar zone) of the morning and afternoon digests; only on open days. */
      times: z.array(TimeOfDaySchema).min(1).max(2, { error: 'expected one or two times: the start-of-day digest and the afternoon one' }).default(['08:30', '15:30']),
      /** Maximum tickets listed per section (the rest are counted). */
      maxPerSection: z.number().int().min(1).max(40).default(10),
    })
    .prefault({}),
  /** Interval of the reconciliation sweep that re-derives every open ticket's timers. */
  sweepEvery: DurationSchema.default(15 * 60_000),
  /** Calendar whose opening hours are "business hours" for DMs (quiet hours outside them). */
  quietHoursCalendar: z.string().min(1).default('default'),
  people: z
    .object({
      /** The CSM when the company has none (complaints, phone upsell). */
      defaultCsm: SlackUserIdSchema.optional(),
      /** The head of department: stage 4 of the ladder. */
      headOfDepartment: SlackUserIdSchema.optional(),
    })
    .prefault({}),
});
export type FollowupConfig = z.infer<typeof FollowupConfigSchema>;
