import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { MetricsConfigSchema } from '../../../src/config/metrics.schema';
import { upsertWeeklyReportScheduler, WEEKLY_REPORT_SCHEDULER_ID } from '../../../src/jobs/report/weekly-report-job';

const PREFIX = `{test-report-${process.pid}}`;

describe('the weekly report schedule', () => {
  const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const timers = new Queue('timers', { connection, prefix: PREFIX });

  afterAll(async () => {
    await timers.obliterate({ force: true });
    await timers.close();
    connection.disconnect();
  });

  it('runs Monday at opening in Madrid by default, and goes away when the report is disabled', async () => {
    expect(await upsertWeeklyReportScheduler(timers as never, MetricsConfigSchema.parse({}))).toBe(true);
    const scheduler = await timers.getJobScheduler(WEEKLY_REPORT_SCHEDULER_ID);
    expect(scheduler?.pattern).toBe('0 8 * * 1');
    expect(scheduler?.tz).toBe('Europe/Madrid');
    const [job] = await timers.getDelayed();
    expect(job.data).toEqual({ key: 'weekly-report', kind: 'weekly-report', ticketId: null, dueAt: 0 });
    // The next run is a Monday at 08:00 Madrid time.
    const next = new Date(job.timestamp + (job.opts.delay ?? 0));
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(next)).toBe('Mon 08:00');

    expect(await upsertWeeklyReportScheduler(timers as never, MetricsConfigSchema.parse({ report: { enabled: false } }))).toBe(false);
    expect(await timers.getJobScheduler(WEEKLY_REPORT_SCHEDULER_ID)).toBeUndefined();
  });
});
