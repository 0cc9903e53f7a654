/**
 * A business calendar: when the team (or a provider) is open, in one time zone. All instants are
 * epoch milliseconds (UTC); the zone and the opening hours turn them into local working time.
 */
export interface BusinessCalendar {
  readonly name: string;
  /** IANA zone, default Europe/Madrid. */
  readonly zone: string;
  /** True when `at` falls inside an opening interval (start inclusive, end exclusive). */
  isOpen(at: number): boolean;
  /** The first open instant at or after `at` (`at` itself when open). */
  nextOpening(at: number): number;
  /**
   * The deadline `ms` of open time after `from`: the end of the last counted minute, so 16:00 plus
   * one hour on a Friday is Friday 17:00, not Monday 08:00. `ms` = 0 gives `from`.
   */
  addBusinessTime(from: number, ms: number): number;
  /** Open milliseconds in [from, to); 0 when `to` <= `from`. */
  businessTimeBetween(from: number, to: number): number;
}
