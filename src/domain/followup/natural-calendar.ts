import type { FollowupCalendar } from './types';

/**
 * Natural time as a calendar (always open): the clock of Muy Alta tickets, which count 24x7, so
 * their ladder and reminders run on real elapsed hours.
 */
export function naturalCalendar(zone: string): FollowupCalendar {
  return {
    zone,
    isOpen: () => true,
    nextOpening: (at) => at,
    addBusinessTime: (from, ms) => from + ms,
  };
}
