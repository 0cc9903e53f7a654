import { z } from 'zod';
import { DurationSchema } from './duration';

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date like 2026-04-15' });

/** Five cron fields (minute hour day-of-month month day-of-week), as BullMQ's job scheduler takes them. */
const CronSchema = z
  .string()
  .trim()
  .regex(/^\S+(\s+\S+){4}$/, { error: 'expected a cron pattern of five fields, e.g. "0 8 * * 1" (Monday 08:00)' });

/**
 * The `metrics` section of the configuration (config/metrics.yaml): the weekly report, the results
 * to beat and the release-spike rule. See docs/metrics.md.
 */
export const MetricsConfigSchema = z.object({
  /** The reporting time zone: weeks are ISO weeks (Monday–Sunday) in it. */
  timezone: z.string().default('Europe/Madrid'),
  /** The results the teams want to beat; the report shows each figure against its target. */
  targets: z
    .object({
      firstResponse: DurationSchema.default(5 * 60_000),
      resolution: DurationSchema.default(3 * 3_600_000),
      conversationsPerWeek: z.number().int().positive().default(100),
      /** CSAT target as a share in [0, 1] (1 = 100 %). */
      csat: z.number().min(0).max(1).default(1),
    })
    .prefault({}),
  report: z
    .object({
      enabled: z.boolean().default(true),
      /** When the weekly report is posted (cron, in `timezone`): Monday at opening by default. */
      schedule: CronSchema.default('0 8 * * 1'),
      /**
       * The Slack channel id (C…) the report goes to; default: `slack.channels.managers`. An id,
       * not a name: files.uploadV2 only takes ids.
       */
      channel: z
        .string()
        .regex(/^[CG][A-Z0-9]{2,}$/, { error: 'expected a Slack channel id like C06SOPMGR01 (not a #name: files.uploadV2 only takes ids)' })
        .optional(),
      /** Weeks of history in the chart. */
      chartWeeks: z.number().int().min(2).max(52).default(12),
      language: z.enum(['es', 'en']).default('es'),
    })
    .prefault({}),
  /** Product releases, to tell whether a spike in volume followed one. */
  releases: z.array(z.object({ date: LocalDateSchema, name: z.string().optional() })).default([]),
  /** The spike rule (docs/metrics.md): volume > mean + sigmas·sd and > minRatio·mean of the trailing weeks. */
  spikes: z
    .object({
      trailingWeeks: z.number().int().min(2).default(8),
      sigmas: z.number().min(0).default(2),
      minRatio: z.number().min(1).default(1.3),
      minHistoryWeeks: z.number().int().min(1).default(4),
      releaseWindowDays: z.number().int().min(0).default(14),
    })
    .prefault({}),
});
export type MetricsConfig = z.infer<typeof MetricsConfigSchema>;
