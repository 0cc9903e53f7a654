import { MetricsConfigSchema } from '../../../src/config/metrics.schema';

describe('the metrics configuration', () => {
  it('ships the results to beat as defaults: 5 minutes, 3 hours, 100 a week, CSAT 100 %', () => {
    const c = MetricsConfigSchema.parse({});
    expect(c.targets).toEqual({ firstResponse: 300_000, resolution: 10_800_000, conversationsPerWeek: 100, csat: 1 });
    expect(c.report.schedule).toBe('0 8 * * 1');
    expect(c.spikes).toEqual({ trailingWeeks: 8, sigmas: 2, minRatio: 1.3, minHistoryWeeks: 4, releaseWindowDays: 14 });
  });

  it('says which key is wrong and why', () => {
    const r = MetricsConfigSchema.safeParse({ report: { channel: '#soporte', schedule: 'mondays' }, releases: [{ date: '15/04/2026' }], targets: { firstResponse: 'soon' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['releases.0.date', 'report.channel', 'report.schedule', 'targets.firstResponse']);
  });
});
