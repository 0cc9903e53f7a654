import { DateTime } from 'luxon';

/** The support team's time zone (METHODOLOGY.md: business hours are Spain peninsular time). */
export const SUPPORT_TIME_ZONE = 'Europe/Madrid';

/** An instant as agents read it: `14/01 10:41` in the support time zone. */
export function formatInstant(ms: number, zone: string = SUPPORT_TIME_ZONE): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('dd/LL HH:mm');
}

/** A remaining time as `3h 20m`, `45m` or `-1h 05m` (already late). */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${sign}${h}h ${String(m).padStart(2, '0')}m` : `${sign}${m}m`;
}
