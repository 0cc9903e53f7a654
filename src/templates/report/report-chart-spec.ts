import type { WeeklyReport } from '../../domain/metrics/report';
import type { ReportView } from './report-view';

/** Colours per ticket type, stable across reports (colour-blind-safe Tableau pairs). */
const TYPE_COLOURS: Record<string, string> = { consulta: '#4e79a7', incidencia: '#e15759', evolutivo: '#59a14f', none: '#bab0ac' };

/**
 * The report's chart as a Vega-Lite spec (pure data): on top, 12 weeks of conversations opened,
 * stacked by type; below, the median first response per week in business minutes with the target
 * as a dashed rule. Rendered to SVG/PNG by src/adapters/chart.
 */
export function reportChartSpec(report: WeeklyReport, view: ReportView, targetFirstResponseMs: number): Record<string, unknown> {
  const types = ['consulta', 'incidencia', 'evolutivo', 'none'];
  const volume = report.trend.flatMap((p) => types.map((type) => ({ week: p.week, type, count: p.byType[type] ?? 0 }))).filter((v) => v.count > 0 || v.type !== 'none');
  const firstResponse = report.trend.map((p) => ({
    week: p.week,
    minutes: p.medianFirstResponseBusinessMs === null ? null : Math.round((p.medianFirstResponseBusinessMs / 60_000) * 10) / 10,
  }));
  const weeks = report.trend.map((p) => p.week);
  const spikes = report.spikes.map((sp) => ({ week: sp.week, opened: sp.opened, label: `▲ ${view.labels.chartSpike}` }));
  const targetMinutes = targetFirstResponseMs / 60_000;
  const width = 720;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: view.title, fontSize: 16, anchor: 'start' },
    background: 'white',
    padding: 16,
    config: { font: 'DejaVu Sans', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12 }, view: { stroke: null } },
    vconcat: [
      {
        width,
        height: 240,
        title: { text: view.labels.chartVolume, fontSize: 13, anchor: 'start' },
        layer: [
          {
            data: { values: volume },
            mark: { type: 'bar', tooltip: true },
            encoding: {
              x: { field: 'week', type: 'ordinal', sort: weeks, title: view.labels.week, axis: { labelAngle: -40 } },
              y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: view.labels.conversations, axis: { tickMinStep: 1 } },
              color: {
                field: 'type',
                type: 'nominal',
                title: view.labels.type,
                scale: { domain: types, range: types.map((t) => TYPE_COLOURS[t]) },
                legend: { labelExpr: `datum.label === 'none' ? ${JSON.stringify(view.labels.none)} : datum.label` },
              },
              order: { field: 'type' },
            },
          },
          {
            // Weeks flagged by the release-spike rule, marked above their bar.
            data: { values: spikes },
            mark: { type: 'text', dy: -8, fontSize: 11, fontWeight: 'bold', color: '#b35806' },
            encoding: {
              x: { field: 'week', type: 'ordinal', sort: weeks },
              y: { field: 'opened', type: 'quantitative' },
              text: { field: 'label' },
            },
          },
        ],
      },
      {
        width,
        height: 180,
        title: { text: view.labels.chartFirstResponse, fontSize: 13, anchor: 'start' },
        layer: [
          {
            data: { values: firstResponse },
            mark: { type: 'line', point: { filled: true, size: 50, color: '#f28e2b' }, color: '#f28e2b', strokeWidth: 2 },
            encoding: {
              x: { field: 'week', type: 'ordinal', sort: weeks, title: view.labels.week, axis: { labelAngle: -40 } },
              y: { field: 'minutes', type: 'quantitative', title: view.labels.minutes },
            },
          },
          {
            data: { values: [{ target: targetMinutes, label: `${view.labels.chartTarget} ${targetMinutes} min` }] },
            layer: [
              { mark: { type: 'rule', strokeDash: [6, 4], color: '#555' }, encoding: { y: { field: 'target', type: 'quantitative' } } },
              { mark: { type: 'text', align: 'left', dx: 4, dy: -6, x: 0, color: '#555', fontSize: 11 }, encoding: { y: { field: 'target', type: 'quantitative' }, text: { field: 'label' } } },
            ],
          },
        ],
      },
    ],
  };
}
