import type { SlackBlock } from '../../domain/intents';
import type { ReportView } from './report-view';

const MAX_TEXT = 2900;

function mrkdwn(text: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text };
}

function mark(met: boolean | null): string {
  return met === null ? '' : met ? ' :white_check_mark:' : ' :x:';
}

/**
 * The weekly report as Block Kit for the managers' channel: a header, the headline figures with
 * their change against the previous week and their target, the breakdowns, the spikes and the
 * month and quarter comparisons. The chart goes with it as an uploaded PNG (files.uploadV2).
 */
export function reportBlocks(view: ReportView): SlackBlock[] {
  const fields = view.headline.map((h) =>
    mrkdwn(`*${h.label}*\n${h.value}${h.detail ? ` · ${h.detail}` : ''}${mark(h.met)}\n${h.change} _(${h.previous})_${h.target ? ` · ${h.target}` : ''}`),
  );
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: view.title.slice(0, 150), emoji: true } },
    { type: 'section', fields: fields.slice(0, 10) },
    { type: 'divider' },
  ];
  for (const s of view.breakdowns) blocks.push({ type: 'section', text: mrkdwn(`*${s.title}*\n${s.lines.join(s.inline ? ' · ' : '\n')}`) });
  blocks.push({ type: 'divider' });
  blocks.push({ type: 'section', text: mrkdwn(`*${view.spikes.title}*\n${view.spikes.lines.map((l) => `• ${l}`).join('\n')}`) });
  blocks.push({ type: 'context', elements: view.comparisons.lines.map((l) => mrkdwn(l)) });
  return blocks;
}

/** The plain-text fallback Slack shows in notifications. */
export function reportFallbackText(view: ReportView): string {
  return [view.title, ...view.headline.map((h) => `${h.label}: ${h.value} (${h.change})`)].join('\n');
}
