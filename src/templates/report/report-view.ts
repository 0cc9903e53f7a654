import { DateTime } from 'luxon';
import type { Delta, MetricsComparison } from '../../domain/metrics/compare';
import type { ComplianceStat } from '../../domain/metrics/period-metrics';
import type { WeeklyReport } from '../../domain/metrics/report';
import type { Language } from '../../domain/vocabulary';
import { renderText, type TextCatalog } from '../text';
import { formatDelta, formatNumber, formatPercent, formatSpan, NOTHING } from './format';

/** One headline figure of the week, ready to print. */
export interface HeadlineFigure {
  label: string;
  value: string;
  /** A second reading (natural time, number of ratings), or empty. */
  detail: string;
  previous: string;
  change: string;
  /** The target, when there is one (`objetivo 5m`). */
  target: string | null;
  met: boolean | null;
}

/** A titled list of short lines. */
export interface ViewSection {
  title: string;
  lines: string[];
  /** Short items printed on one line (counts); otherwise one item per line. */
  inline?: boolean;
}

/**
 * The weekly report in words, in one language: what Block Kit and HTML both print, so the two never
 * disagree. Pure.
 */
export interface ReportView {
  title: string;
  headline: HeadlineFigure[];
  breakdowns: ViewSection[];
  spikes: ViewSection;
  comparisons: ViewSection;
  labels: Record<'none' | 'chartSpike' | 'chart' | 'metric' | 'thisWeek' | 'previousWeek' | 'change' | 'chartVolume' | 'chartFirstResponse' | 'chartTarget' | 'week' | 'conversations' | 'minutes' | 'type', string>;
}

function counts(rec: Record<string, number>, none: string, limit = 8): string[] {
  return Object.entries(rec)
    .sort(([ak, a], [bk, b]) => b - a || (ak < bk ? -1 : 1))
    .slice(0, limit)
    .map(([k, v]) => `${k === 'none' ? none : k}: ${v}`);
}

function compliance(s: ComplianceStat): string {
  return s.compliance === null ? NOTHING : `${formatPercent(s.compliance)} (${s.met}/${s.met + s.breached})`;
}

/**
 * Builds the {@link ReportView} of a report in `lang`. `agentNames` maps Intercom admin ids to how
 * people know them (e.g. config `slack.adminEmails`); unknown ids are printed as they are.
 */
export function reportView(report: WeeklyReport, catalog: TextCatalog, lang: Language, agentNames: Record<string, string> = {}): ReportView {
  const t = (key: string, vars: Record<string, string | number> = {}) => renderText(catalog, lang, `report.${key}`, vars);
  const m = report.metrics;
  const w = report.vsPreviousWeek;
  const start = DateTime.fromMillis(report.week.start, { zone: report.zone }).setLocale(lang);
  const end = DateTime.fromMillis(report.week.end - 1, { zone: report.zone }).setLocale(lang);
  const range = `${start.toFormat('d LLL')} – ${end.toFormat('d LLL yyyy')}`;
  const prev = (d: Delta, f: (n: number | null) => string) => f(d.previous);
  const tg = report.targets;
  const headline: HeadlineFigure[] = [
    { label: t('opened'), value: String(m.opened), detail: '', previous: prev(w.opened, formatNumber), change: formatDelta(w.opened, 'count'), target: `≤ ${tg.conversations.target}`, met: tg.conversations.met },
    { label: t('closed'), value: String(m.closed), detail: '', previous: prev(w.closed, formatNumber), change: formatDelta(w.closed, 'count'), target: null, met: null },
    { label: t('snoozed'), value: String(m.snoozed), detail: '', previous: prev(w.snoozed, formatNumber), change: formatDelta(w.snoozed, 'count'), target: null, met: null },
    {
      label: t('firstResponse'),
      value: `${formatSpan(m.firstResponse.medianBusinessMs)} ${t('business')}`,
      detail: `${formatSpan(m.firstResponse.medianMs)} ${t('natural')}`,
      previous: prev(w.medianFirstResponseBusinessMs, formatSpan),
      change: formatDelta(w.medianFirstResponseBusinessMs, 'duration'),
      target: t('target', { value: formatSpan(tg.firstResponse.target) }),
      met: tg.firstResponse.met,
    },
    {
      label: t('response'),
      value: `${formatSpan(m.response.medianMs)} ${t('natural')}`,
      detail: `${formatSpan(m.response.medianBusinessMs)} ${t('business')}`,
      previous: prev(w.medianResponseMs, formatSpan),
      change: formatDelta(w.medianResponseMs, 'duration'),
      target: null,
      met: null,
    },
    {
      label: t('timeToClose'),
      value: `${formatSpan(m.timeToClose.medianBusinessMs)} ${t('business')}`,
      detail: `${formatSpan(m.timeToClose.medianMs)} ${t('natural')}`,
      previous: prev(w.medianTimeToCloseBusinessMs, formatSpan),
      change: formatDelta(w.medianTimeToCloseBusinessMs, 'duration'),
      target: t('target', { value: formatSpan(tg.resolution.target) }),
      met: tg.resolution.met,
    },
    {
      label: t('csat'),
      value: formatPercent(m.csat.score),
      detail: t('ratings', { count: m.csat.ratings }),
      previous: prev(w.csat, formatPercent),
      change: formatDelta(w.csat, 'share'),
      target: t('target', { value: formatPercent(tg.csat.target) }),
      met: tg.csat.met,
    },
  ];
  const sla = Object.entries(m.sla)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([plan, s]) => `${plan}: ${compliance(s.contractual)} · ${compliance(s.internal)}`);
  const agents = Object.entries(m.csatByAgent)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([agent, s]) => `${agentNames[agent] ?? agent}: ${formatPercent(s.score)} (${s.satisfied}/${s.ratings})`);
  const ladder = Object.entries(m.ladder)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([stage, count]) => t('ladderStage', { stage, count }));
  const breakdowns: ViewSection[] = [
    { title: t('byType'), lines: counts(m.breakdown.byType, t('none')), inline: true },
    { title: t('byPlan'), lines: counts(m.breakdown.byPlan, t('none')), inline: true },
    { title: t('byPriority'), lines: counts(m.breakdown.byPriority, t('none')), inline: true },
    { title: t('byTag'), lines: counts(m.breakdown.byTag, t('none')), inline: true },
    { title: t('sla'), lines: sla },
    { title: t('csatByAgent'), lines: agents, inline: true },
    { title: t('ladder'), lines: ladder, inline: true },
  ].map((s) => (s.lines.length ? s : { ...s, lines: [t('nothing')] }));
  const spikeLines = report.spikes.map((s) => {
    const head = t('spike', { week: s.week, opened: s.opened, threshold: formatNumber(s.threshold), mean: formatNumber(s.baselineMean) });
    const rel = s.release
      ? s.release.daysBeforeWeek >= 0
        ? t('spikeRelease', { days: s.release.daysBeforeWeek, release: s.release.name ?? s.release.date })
        : t('spikeReleaseDuring', { release: s.release.name ?? s.release.date })
      : t('spikeNoRelease', { window: report.spikeRule.releaseWindowDays });
    return `${head}, ${rel}`;
  });
  const compare = (c: MetricsComparison) =>
    t('comparePeriod', {
      current: c.current,
      previous: c.previous,
      perWeek: formatNumber(c.openedPerWeek.current),
      perWeekChange: formatDelta(c.openedPerWeek, 'count'),
      fr: formatSpan(c.medianFirstResponseBusinessMs.current),
      frChange: formatDelta(c.medianFirstResponseBusinessMs, 'duration'),
      csat: formatPercent(c.csat.current),
      csatChange: formatDelta(c.csat, 'share'),
    });
  const label = (k: keyof ReportView['labels']) => t(k);
  return {
    title: t('title', { week: report.week.id, range }),
    headline,
    breakdowns,
    spikes: { title: t('spikes'), lines: spikeLines.length ? spikeLines : [t('noSpikes', { weeks: report.trend.length })] },
    comparisons: { title: t('comparisons'), lines: [compare(report.vsPreviousQuarter), compare(report.vsPreviousMonth)] },
    labels: {
      none: label('none'),
      chartSpike: label('chartSpike'),
      chart: label('chart'),
      metric: label('metric'),
      thisWeek: label('thisWeek'),
      previousWeek: label('previousWeek'),
      change: label('change'),
      chartVolume: label('chartVolume'),
      chartFirstResponse: label('chartFirstResponse'),
      chartTarget: label('chartTarget'),
      week: label('week'),
      conversations: label('conversations'),
      minutes: label('minutes'),
      type: label('type'),
    },
  };
}
