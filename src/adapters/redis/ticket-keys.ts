/**
 * Redis key names of the ticket store. Pure, so the data model is written down in one place.
 *
 * A ticket's keys share the hash tag `{t:<ticketId>}`: in a Redis Cluster they live on one slot,
 * which the Lua scripts that touch both (append, compare-and-set) require. Indexes span tickets
 * and have their own keys; they are updated after the ticket's write (see ticket-store.ts).
 */
export interface TicketKeys {
  /** Hash: event id → event JSON. The truth; never expires. */
  events: string;
  /** Hash: `version` (bumped on every append of a new event), `folded` (version of `ticket`), `ticket` (JSON). */
  state: string;
}

export const DEFAULT_KEY_PREFIX = 'cr';

export function ticketKeys(ticketId: string, prefix: string = DEFAULT_KEY_PREFIX): TicketKeys {
  const tag = `${prefix}:{t:${ticketId}}`;
  return { events: `${tag}:events`, state: `${tag}:state` };
}

/** Sorted set of tickets not closed nor deleted, scored by the instant of their latest event. */
export const openIndexKey = (prefix: string = DEFAULT_KEY_PREFIX): string => `${prefix}:idx:open`;

/** Hash: Jira issue key → ticket id, written when a JiraLinked event is stored. */
export const jiraIndexKey = (prefix: string = DEFAULT_KEY_PREFIX): string => `${prefix}:idx:jira`;

/** Sorted set of closed tickets scored by when they closed (for the rating poll; trimmed by it). */
export const closedIndexKey = (prefix: string = DEFAULT_KEY_PREFIX): string => `${prefix}:idx:closed`;
