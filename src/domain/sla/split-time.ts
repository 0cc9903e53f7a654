import type { Ticket } from '../ticket';
import type { Party } from '../vocabulary';
import type { Timeline } from './timeline';
import type { SlaCalendar, SlaTimeSplit } from './types';

/**
 * Who has the ball: the customer while support waits on them; the external provider once handed
 * over; development while a linked Jira issue is not done; support otherwise. Nobody while closed.
 */
export function partyOf(t: Ticket): Party | null {
  if (t.status === 'closed' || t.status === 'deleted') return null;
  if (t.status === 'waiting-on-customer') return 'customer';
  if (t.status === 'waiting-on-provider') return 'provider';
  if (t.jira !== null && t.jira.statusCategory !== 'done') return 'development';
  return 'support';
}

function zero(): Record<Party, number> {
  return { support: 0, development: 0, provider: 0, customer: 0 };
}

export function emptyTimeSplit(calendar: string): SlaTimeSplit {
  return { natural: zero(), business: zero(), calendar };
}

/** Splits the time from creation to now between the parties, in natural and in business time. */
export function splitTime(tl: Timeline, from: number, cal: SlaCalendar): SlaTimeSplit {
  const split = emptyTimeSplit(cal.name);
  for (const s of tl.segments) {
    const a = Math.max(s.from, from);
    if (s.to <= a) continue;
    const party = partyOf(s.ticket);
    if (party === null) continue;
    split.natural[party] += s.to - a;
    split.business[party] += cal.businessTimeBetween(a, s.to);
  }
  return split;
}
