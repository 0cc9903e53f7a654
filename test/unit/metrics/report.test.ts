import * as path from 'node:path';
import { parseIsoWeek } from '../../../src/domain/metrics/periods';
import { buildWeeklyReport } from '../../../src/domain/metrics/report';
import { DEFAULT_SPIKE_RULE } from '../../../src/domain/metrics/release-spikes';
import { slaFactsFromAlerts } from '../../../src/domain/metrics/sla-facts';
import { factsFromEvents } from '../../../src/domain/metrics/ticket-facts';
import { loadTextCatalog } from '../../../src/templates/load-text';
import { reportBlocks } from '../../../src/templates/report/report-blocks';
import { formatDelta, formatSpan } from '../../../src/templates/report/format';
import { reportChartSpec } from '../../../src/templates/report/report-chart-spec';
import { reportHtmlPage } from '../../../src/templates/report/report-html';
import { reportView } from '../../../src/templates/report/report-view';
import { MIN, log } from './build-events';

/**
 * Eight quiet weeks (W38–W45) of 2 conversations each, answered in 4 minutes; W46 has 2 answered in
 * 10 minutes; W47, after a release on Tue 10 Nov, has 6 conversations answered in 2, 3, 4, 5, 6 and
 * 7 minutes (median 4.5), one rated 5 and one rated 2.
 */
function events() {
  const all = [];
  const weeks = ['09-14', '09-21', '09-28', '10-05', '10-12', '10-19', '10-26', '11-02']; // Mondays of W38–W45
  for (const monday of weeks) {
    for (const n of [1, 2]) all.push(...log(`q-${monday}-${n}`).opened(`2026-${monday}T10:00`, { plan: 'Gold' }).replied(`2026-${monday}T10:04`, 'ana').events);
  }
  for (const n of [1, 2]) all.push(...log(`w46-${n}`).opened('2026-11-09T10:00', { plan: 'Gold' }).replied('2026-11-09T10:10', 'ana').events);
  [2, 3, 4, 5, 6, 7].forEach((minutes, i) => {
    const l = log(`w47-${i}`)
      .opened('2026-11-17T10:00', { plan: i < 3 ? 'Platinum' : 'Silver' })
      .classified('2026-11-17T10:00', 'incidencia', 'Alta')
      .replied(`2026-11-17T10:0${minutes}`, 'luis');
    if (i === 0) l.rated('2026-11-18T09:00', 5, 'luis');
    if (i === 1) l.rated('2026-11-18T09:00', 2, 'luis');
    all.push(...l.events);
  });
  return all;
}

const natural = (a: number, b: number) => b - a;
const targets = { firstResponseMs: 5 * MIN, resolutionMs: 3 * 3_600_000, conversationsPerWeek: 100, csat: 1 };

describe('the weekly report', () => {
  const tickets = factsFromEvents(events());
  const report = buildWeeklyReport({
    tickets,
    week: parseIsoWeek('2026-W47'),
    zone: 'Europe/Madrid',
    businessTimeBetween: natural,
    slaFacts: slaFactsFromAlerts(tickets),
    targets,
    releases: [{ date: '2026-11-10', name: '26.4.3' }],
    spikeRule: DEFAULT_SPIKE_RULE,
    chartWeeks: 12,
  });

  it('compares the week with the one before it', () => {
    expect(report.vsPreviousWeek.opened).toEqual({ current: 6, previous: 2, change: 4, relative: 2 });
    expect(report.vsPreviousWeek.medianFirstResponseMs).toEqual({ current: 4.5 * MIN, previous: 10 * MIN, change: -5.5 * MIN, relative: -0.55 });
  });

  it('compares the quarter to date with the previous quarter, per week', () => {
    // Q4 to Sun 22 Nov (53 days): the Mondays 5, 12, 19, 26 Oct and 2 Nov (5 × 2) + W46 (2) + W47 (6) = 18.
    expect(report.vsPreviousQuarter.current).toBe('2026-Q4');
    expect(report.vsPreviousQuarter.opened.current).toBe(18);
    expect(report.vsPreviousQuarter.openedPerWeek.current).toBeCloseTo((18 * 7) / 53, 10);
    // Q3: the Mondays 14, 21 and 28 September = 6.
    expect(report.vsPreviousQuarter.opened.previous).toBe(6);
  });

  it('draws 12 weeks of volume by type and first-response trend, ending with the week', () => {
    expect(report.trend.map((p) => p.week)).toEqual(['2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(report.trend.map((p) => p.opened)).toEqual([0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 6]);
    expect(report.trend[11].byType).toEqual({ incidencia: 6 });
    expect(report.trend[10].medianFirstResponseMs).toBe(10 * MIN);
  });

  it('flags the week after the release as a spike (6 > 1.3 × mean 2 and > mean + 2 sd), not the first weeks of data', () => {
    // Trailing 8 weeks W39–W46 all had 2 → mean 2, sd 0; the empty weeks W36–W37 are not a baseline for W38.
    expect(report.spikes).toEqual([{ week: '2026-W47', opened: 6, baselineMean: 2, baselineSd: 0, threshold: 2.6, release: { date: '2026-11-10', name: '26.4.3', daysBeforeWeek: 6 } }]);
  });

  it('checks the week against the targets: 4.5 min first response beats 5 min, 50 % CSAT misses 100 %', () => {
    expect(report.targets.firstResponse).toEqual({ actual: 4.5 * MIN, target: 5 * MIN, met: true });
    expect(report.targets.csat).toEqual({ actual: 0.5, target: 1, met: false });
    expect(report.targets.resolution.met).toBeNull();
  });

  describe('rendered', () => {
    const catalog = loadTextCatalog(path.resolve(__dirname, '../../../templates/text'));
    const view = reportView(report, catalog, 'es');

    it('titles the report with the week and its dates in Spanish', () => {
      expect(view.title).toBe('Informe semanal de soporte · 2026-W47 (16 nov – 22 nov 2026)');
    });

    it('builds Block Kit with a header, the headline figures and the spike named with its release', () => {
      const blocks = reportBlocks(view);
      expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: view.title, emoji: true } });
      const fields = (blocks[1] as { fields: { text: string }[] }).fields.map((f) => f.text);
      expect(fields[0]).toBe('*Conversaciones abiertas*\n6 :white_check_mark:\n▲ +4 (+200 %) _(2)_ · ≤ 100');
      expect(fields[3]).toBe('*Mediana de primera respuesta*\n4.5m hábil · 4.5m natural :white_check_mark:\n▼ −5.5m (−55 %) _(10m)_ · objetivo 5m');
      expect(fields[6]).toBe('*CSAT*\n50 % · 2 valoraciones :x:\n— _(—)_ · objetivo 100 %');
      const text = JSON.stringify(blocks);
      expect(text).toContain('Pico de volumen en 2026-W47: 6 conversaciones (umbral 2.6, media 2), 6 días después de la release 26.4.3');
    });

    it('writes an HTML page that escapes text and embeds the chart', () => {
      const html = reportHtmlPage({ ...view, title: 'A <b> & "c"' }, '<svg id="chart"></svg>', 'es');
      expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
      expect(html).toContain('<svg id="chart"></svg>');
      expect(html).toContain('data-section="weekly-report"');
    });

    it('charts every trend week in order with the first-response target as a rule', () => {
      const spec = reportChartSpec(report, view, 5 * MIN) as { vconcat: Array<Record<string, any>> };
      expect(spec.vconcat[0].layer[0].encoding.x.sort).toHaveLength(12);
      expect(spec.vconcat[0].layer[1].data.values).toEqual([{ week: '2026-W47', opened: 6, label: '▲ pico' }]);
      expect(spec.vconcat[1].layer[1].data.values[0].target).toBe(5);
      expect(spec.vconcat[1].layer[0].data.values[11]).toEqual({ week: '2026-W47', minutes: 4.5 });
    });
  });
});

describe('figures for people', () => {
  it('prints durations the way support leads say them', () => {
    expect([formatSpan(45_000), formatSpan(4 * MIN), formatSpan(4.5 * MIN), formatSpan(12 * MIN), formatSpan(130 * MIN), formatSpan(120 * 60 * MIN), formatSpan(null)]).toEqual(['45s', '4m', '4.5m', '12m', '2h 10m', '5d 0h', '—']);
  });

  it('prints changes with an arrow, a sign and the relative change', () => {
    expect(formatDelta({ current: 12, previous: 10, change: 2, relative: 0.2 }, 'count')).toBe('▲ +2 (+20 %)');
    expect(formatDelta({ current: 4 * MIN, previous: 6 * MIN, change: -2 * MIN, relative: -1 / 3 }, 'duration')).toBe('▼ −2m (−33 %)');
    expect(formatDelta({ current: 0.9, previous: 1, change: -0.1, relative: -0.1 }, 'share')).toBe('▼ −10 pts');
    expect(formatDelta({ current: 3, previous: 3, change: 0, relative: 0 }, 'count')).toBe('=');
  });
});
