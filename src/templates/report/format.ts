import type { Delta } from '../../domain/metrics/compare';

/** `—` for an unknown figure. */
export const NOTHING = '—';

/** A duration for people: `45s`, `4.5m`, `12m`, `2h 10m`, `5d 4h` (days of 24 h only past 99 h). */
export function formatSpan(ms: number | null): string {
  if (ms === null) return NOTHING;
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${Math.round(abs / 1000)}s`;
  // Under 10 minutes a tenth matters: 4.5 minutes against a 5-minute target must not read "5m".
  if (abs < 600_000) return `${sign}${Math.round(abs / 6_000) / 10}m`;
  const minutes = Math.round(abs / 60_000);
  if (minutes < 60) return `${sign}${minutes}m`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 100) return `${sign}${hours}h${rest ? ` ${rest}m` : ''}`;
  const days = Math.floor(hours / 24);
  return `${sign}${days}d ${hours % 24}h`;
}

/** A share in [0, 1] as a whole percentage: `92 %`. */
export function formatPercent(share: number | null): string {
  return share === null ? NOTHING : `${Math.round(share * 100)} %`;
}

/** A number with at most one decimal: `12`, `12.5`. */
export function formatNumber(n: number | null): string {
  if (n === null) return NOTHING;
  return Number.isInteger(n) ? String(n) : (Math.round(n * 10) / 10).toString();
}

function arrow(change: number): string {
  return change > 0 ? '▲' : change < 0 ? '▼' : '=';
}

function signed(text: string, change: number): string {
  return change > 0 ? `+${text}` : change < 0 ? `−${text.replace(/^[−-]/, '')}` : text;
}

/** How a delta reads: `▲ +5 (+13 %)` for counts, `▼ −2m (−20 %)` for durations, `▲ +5 pts` for shares. */
export function formatDelta(d: Delta, unit: 'count' | 'duration' | 'share'): string {
  if (d.change === null) return NOTHING;
  const c = d.change;
  if (c === 0) return '=';
  if (unit === 'share') return `${arrow(c)} ${signed(String(Math.abs(Math.round(c * 100))), c)} pts`;
  const abs = unit === 'duration' ? formatSpan(Math.abs(c)) : formatNumber(Math.abs(c));
  const rel = d.relative === null ? '' : ` (${signed(`${Math.abs(Math.round(d.relative * 100))} %`, d.relative)})`;
  return `${arrow(c)} ${signed(abs, c)}${rel}`;
}
