import type { Queue } from 'bullmq';
import type { MetricsConfig } from '../../config/metrics.schema';
import type { Config } from '../../config/schema';
import type { DomainEvent } from '../../domain/events';
import { weekOf } from '../../domain/metrics/periods';
import type { Clock, Logger, SlackPort } from '../../ports';
import type { TextCatalog } from '../../templates/text';
import type { WebClient } from '@slack/web-api';
import { postWeeklyReport, type FileUploader } from '../../app/report/post-weekly-report';
import { produceWeeklyReport, type ProducedReport } from '../../app/report/produce-weekly-report';
import { slaFactsFromClock } from '../../app/report/sla-facts-from-clock';
import type { TimerJob } from '../queues';

/** The weekly report's job kind and scheduler id on the `timers` queue. */
export const WEEKLY_REPORT_KIND = 'weekly-report';
export const WEEKLY_REPORT_SCHEDULER_ID = 'weekly-report';

/**
 * Registers (idempotently) the weekly report on the `timers` queue: cron `metrics.report.schedule`
 * in `metrics.timezone` (Monday 08:00 Madrid by default). A disabled report removes the scheduler.
 * Call at worker start-up, beside the other timer schedulers.
 */
export async function upsertWeeklyReportScheduler(timers: Queue<TimerJob>, metrics: MetricsConfig): Promise<boolean> {
  if (!metrics.report.enabled) {
    await timers.removeJobScheduler(WEEKLY_REPORT_SCHEDULER_ID);
    return false;
  }
  await timers.upsertJobScheduler(
    WEEKLY_REPORT_SCHEDULER_ID,
    { pattern: metrics.report.schedule, tz: metrics.timezone },
    { name: WEEKLY_REPORT_KIND, data: { key: WEEKLY_REPORT_SCHEDULER_ID, kind: WEEKLY_REPORT_KIND, ticketId: null, dueAt: 0 } },
  );
  return true;
}

export interface WeeklyReportJobDeps {
  config: Config;
  /** Every ticket's events (e.g. readEventsFromRedis). */
  readEvents: () => Promise<DomainEvent[]>;
  slack: Pick<SlackPort, 'postMessage'> & { web?: WebClient };
  upload?: FileUploader;
  catalog: TextCatalog;
  clock: Clock;
  logger?: Logger;
}

/**
 * The job: the report of the last complete ISO week before now, posted to the managers' channel
 * (`metrics.report.channel`, default `slack.channels.managers`) with its chart in the thread.
 */
export async function runWeeklyReportJob(deps: WeeklyReportJobDeps): Promise<{ week: string; channel: string; ts: string; produced: ProducedReport }> {
  const { config } = deps;
  const zone = config.metrics.timezone;
  const now = deps.clock.now();
  const week = weekOf(weekOf(now, zone).start - 1, zone);
  const events = await deps.readEvents();
  const slaFacts = slaFactsFromClock(events, config, Math.min(now, week.end));
  const produced = await produceWeeklyReport({ events, week, config, catalog: deps.catalog, png: true, slaFacts, agentNames: config.slack.adminEmails });
  const channel = config.metrics.report.channel ?? config.slack.channels.managers;
  const posted = await postWeeklyReport({ slack: deps.slack, upload: deps.upload, channel, produced });
  deps.logger?.info({ week: week.id, channel: posted.channel, ts: posted.ts, opened: produced.report.metrics.opened }, 'weekly report posted');
  return { week: week.id, channel: posted.channel, ts: posted.ts, produced };
}
