import { z } from 'zod';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
const DURATION_RE = /^(?:(\d+(?:\.\d+)?)d)?\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?$/;

/**
 * Parses a human duration such as `4h`, `30m`, `1h30m`, `2.5h` or `3d` into milliseconds.
 * `d` means 24 hours of the clock it is used with (24 natural hours; with a business clock,
 * 24 business hours), so config should prefer hours to avoid the ambiguity.
 * Returns null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const m = DURATION_RE.exec(trimmed);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  const [d, h, min] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v)));
  return Math.round(d * UNIT_MS.d + h * UNIT_MS.h + min * UNIT_MS.m);
}

/** Formats milliseconds the way config writes them (`4h`, `1h30m`, `45m`). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  if (hours === 0) return `${sign}${minutes}m`;
  return minutes === 0 ? `${sign}${hours}h` : `${sign}${hours}h${minutes}m`;
}

/** A duration in config: `"4h"`, `"30m"`, `"1h30m"`; parsed to milliseconds. */
export const DurationSchema = z
  .string({ error: 'expected a duration like "4h"' })
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === null || ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like "4h", got ${JSON.stringify(text)}` });
      return z.NEVER;
    }
    return ms;
  });
