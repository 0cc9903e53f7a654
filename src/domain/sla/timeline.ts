import { compareEvents, type DomainEvent } from '../events';
import { applyEvent, emptyTicket, type Ticket } from '../ticket';

/** The ticket's state during [from, to): constant between two instants at which events happened. */
export interface Segment {
  from: number;
  to: number;
  ticket: Ticket;
}

/** A ticket's history as consecutive segments of constant state, up to `now`. */
export interface Timeline {
  /** Ordered, duplicate-free events that happened at or before `now`. */
  events: DomainEvent[];
  /** From the first event to `now`; the last one ends at `now`. */
  segments: Segment[];
  /** The state at `now`. */
  ticket: Ticket;
}

/**
 * Folds the events (ordered by instant, duplicates by id dropped, later than `now` ignored) and
 * keeps the state after each instant, so the SLA clock can ask what held at any moment.
 */
export function buildTimeline(ticketId: string, events: readonly DomainEvent[], now: number): Timeline {
  const seen = new Set<string>();
  const ordered: DomainEvent[] = [];
  for (const e of [...events].sort(compareEvents)) {
    if (e.at > now || seen.has(e.id)) continue;
    seen.add(e.id);
    ordered.push(e);
  }
  const segments: Segment[] = [];
  let ticket = emptyTicket(ticketId);
  for (let i = 0; i < ordered.length; i++) {
    ticket = applyEvent(ticket, ordered[i]);
    const next = ordered[i + 1];
    if (next && next.at === ordered[i].at) continue;
    segments.push({ from: ordered[i].at, to: next ? next.at : now, ticket });
  }
  return { events: ordered, segments, ticket };
}

/** The state in force at instant `at` (after every event at `at`); the first state when earlier. */
export function ticketAt(timeline: Timeline, at: number): Ticket {
  const segs = timeline.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].from <= at) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo]?.ticket ?? timeline.ticket;
}

/** A span during which a clock counts; `to` is Infinity when it is still counting at `now`. */
export interface Run {
  from: number;
  to: number;
}

/**
 * The spans in [from, until) during which `counting` holds, merged. When `openEnded`, a span that
 * reaches `until` (= now) is left open (to Infinity): the clock keeps counting after now.
 */
export function runsWhere(timeline: Timeline, from: number, until: number, counting: (t: Ticket) => boolean, openEnded: boolean): Run[] {
  const runs: Run[] = [];
  for (const s of timeline.segments) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.to, until);
    if (b < a || (b === a && !(openEnded && b === until && s.to >= until))) continue;
    if (!counting(s.ticket)) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === a) last.to = b;
    else runs.push({ from: a, to: b });
  }
  const last = runs[runs.length - 1];
  if (openEnded && last && last.to === until && counting(timeline.ticket)) last.to = Infinity;
  return runs.filter((r) => r.to > r.from);
}
