import type { Job } from 'bullmq';
import { DEFAULT_KEY_PREFIX } from '../../adapters/redis/ticket-keys';
import { slackClientFromEnv, type SlackClient } from '../../adapters/slack/slack-client';
import { readEventsFromRedis } from '../../app/report/read-events-from-redis';
import { loadTextCatalog } from '../../templates/load-text';
import type { ProcessorFactory } from '../processors';
import type { TimerJob } from '../queues';
import { runWeeklyReportJob, upsertWeeklyReportScheduler, WEEKLY_REPORT_KIND } from './weekly-report-job';

/**
 * Adds the weekly report to a `timers` queue processor: registers its scheduler at worker start
 * and runs `weekly-report` jobs; every other job goes to `inner`. Register it in
 * src/jobs/processors.ts as `timers: withWeeklyReport(timersProcessorFactory)`.
 */
export function withWeeklyReport(inner: ProcessorFactory): ProcessorFactory {
  return (deps) => {
    const next = inner(deps);
    upsertWeeklyReportScheduler(deps.queues.timers, deps.config.metrics)
      .then((on) => deps.logger.info({ enabled: on, schedule: deps.config.metrics.report.schedule, zone: deps.config.metrics.timezone }, 'weekly report: scheduler registered'))
      .catch((err: unknown) => deps.logger.error({ err: (err as Error).message }, 'weekly report: could not register the scheduler'));
    let slack: SlackClient | null = null;
    return async (job: Job) => {
      if ((job.data as TimerJob | undefined)?.kind !== WEEKLY_REPORT_KIND) return next(job);
      slack ??= slackClientFromEnv(deps.env, deps.config.slack.postIntervalMs, { redis: deps.redis, keyPrefix: deps.keyPrefix ?? DEFAULT_KEY_PREFIX, logger: deps.logger });
      const r = await runWeeklyReportJob({
        config: deps.config,
        readEvents: () => readEventsFromRedis(deps.redis, deps.keyPrefix ?? DEFAULT_KEY_PREFIX),
        slack,
        catalog: loadTextCatalog(),
        clock: deps.clock,
        logger: deps.logger,
      });
      return { week: r.week, channel: r.channel, ts: r.ts };
    };
  };
}
