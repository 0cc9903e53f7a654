import type { Config } from '../../config/schema';
import { createCalendars } from '../../domain/calendar';
import type { DomainEvent } from '../../domain/events';
import { parseIsoWeek, type Period } from '../../domain/metrics/periods';
import { buildWeeklyReport, type WeeklyReport } from '../../domain/metrics/report';
import { slaFactsFromAlerts, type SlaFact } from '../../domain/metrics/sla-facts';
import { factsFromEvents } from '../../domain/metrics/ticket-facts';
import type { Language } from '../../domain/vocabulary';
import type { SlackBlock } from '../../domain/intents';
import { renderChartSvg, svgToPng } from '../../adapters/chart/render-chart';
import { reportBlocks, reportFallbackText } from '../../templates/report/report-blocks';
import { reportChartSpec } from '../../templates/report/report-chart-spec';
import { reportHtmlPage, reportHtmlSection } from '../../templates/report/report-html';
import { reportView, type ReportView } from '../../templates/report/report-view';
import type { TextCatalog } from '../../templates/text';

/** The weekly report in every form: model, words, Block Kit, chart (SVG, PNG on demand) and HTML. */
export interface ProducedReport {
  report: WeeklyReport;
  view: ReportView;
  blocks: SlackBlock[];
  text: string;
  chartSvg: string;
  /** The PNG, when asked for (`png: true`). */
  png: Buffer | null;
  /** A standalone HTML page. */
  html: string;
  /** The report as an HTML fragment (for the demo transcript). */
  htmlSection: string;
}

export interface ProduceReportInput {
  events: readonly DomainEvent[];
  /** `2026-W47`, or a period already parsed. */
  week: string | Period;
  /** The whole configuration, or just the `calendars` and `metrics` sections. */
  config: Pick<Config, 'calendars' | 'metrics'>;
  catalog: TextCatalog;
  /** SLA outcomes from the SLA clock; read from the breach alerts in the log when omitted. */
  slaFacts?: readonly SlaFact[];
  language?: Language;
  png?: boolean;
  /** Intercom admin id → a name people know (e.g. config `slack.adminEmails`), for CSAT per agent. */
  agentNames?: Record<string, string>;
}

/**
 * Builds the weekly report from ticket event logs with the configured calendar (business time on
 * the `default` calendar), targets, releases and spike rule; renders the chart.
 */
export async function produceWeeklyReport(input: ProduceReportInput): Promise<ProducedReport> {
  const m = input.config.metrics;
  const zone = m.timezone;
  const week = typeof input.week === 'string' ? parseIsoWeek(input.week, zone) : input.week;
  const calendar = createCalendars(input.config.calendars).get('default');
  if (!calendar) throw new Error('the calendars section has no "default" calendar: business time cannot be measured');
  const tickets = factsFromEvents(input.events);
  const report = buildWeeklyReport({
    tickets,
    week,
    zone,
    businessTimeBetween: (from, to) => calendar.businessTimeBetween(from, to),
    slaFacts: input.slaFacts ?? slaFactsFromAlerts(tickets),
    targets: {
      firstResponseMs: m.targets.firstResponse,
      resolutionMs: m.targets.resolution,
      conversationsPerWeek: m.targets.conversationsPerWeek,
      csat: m.targets.csat,
    },
    releases: m.releases,
    spikeRule: m.spikes,
    chartWeeks: m.report.chartWeeks,
  });
  const lang = input.language ?? m.report.language;
  const view = reportView(report, input.catalog, lang, input.agentNames);
  const chartSvg = await renderChartSvg(reportChartSpec(report, view, m.targets.firstResponse));
  return {
    report,
    view,
    blocks: reportBlocks(view),
    text: reportFallbackText(view),
    chartSvg,
    png: input.png ? svgToPng(chartSvg) : null,
    html: reportHtmlPage(view, chartSvg, lang),
    htmlSection: reportHtmlSection(view, chartSvg),
  };
}
