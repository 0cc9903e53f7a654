import { zoneOffset } from './zone-offsets';

/** The calendar year at instant `at` in `zone` (31 Dec 23:30 UTC is already next year in Madrid). */
export function localYear(zone: string, at: number): number {
  return new Date(at + zoneOffset(zone, at)).getUTCFullYear();
}
