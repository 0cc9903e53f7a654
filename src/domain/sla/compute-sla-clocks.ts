import { NATURAL_CALENDAR } from '../../config/sla.schema';
import type { DomainEvent } from '../events';
import type { Ticket } from '../ticket';
import { calendarNameFor } from './calendar-name-for';
import { evaluateRuns } from './evaluate-runs';
import { naturalCalendar } from './natural-calendar';
import { profileOf } from './profile-of';
import { isPublicReply, isSupportAction } from './support-actions';
import { targetsFor } from './targets-for';
import { buildTimeline, runsWhere, ticketAt, type Timeline } from './timeline';
import { splitTime, emptyTimeSplit } from './split-time';
import {
  SlaError,
  type ComputeSlaClocksInput,
  type SlaCalendar,
  type SlaClock,
  type SlaReport,
  type SlaSettings,
  type SlaTarget,
} from './types';

function ended(t: Ticket): boolean {
  return t.status === 'closed' || t.status === 'deleted';
}

/** The instant since which the ticket has been closed (or deleted) without interruption, or null. */
function endedSince(tl: Timeline): number | null {
  let since: number | null = null;
  for (let i = tl.segments.length - 1; i >= 0 && ended(tl.segments[i].ticket); i--) since = tl.segments[i].from;
  return since;
}

function minOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Looks a calendar up by name; `natural` is 24x7. */
export function slaCalendar(name: string, calendars: ReadonlyMap<string, SlaCalendar>): SlaCalendar {
  if (name === NATURAL_CALENDAR) return naturalCalendar;
  const cal = calendars.get(name);
  if (!cal) {
    throw new SlaError('SLA_UNKNOWN_CALENDAR', `sla: calendar "${name}" is not defined in calendars (known: ${[...calendars.keys()].join(', ') || 'none'}, natural)`);
  }
  return cal;
}

interface Context {
  tl: Timeline;
  now: number;
  config: SlaSettings;
  calendars: ReadonlyMap<string, SlaCalendar>;
  created: number;
}

/**
 * A target as it applies at instant `at`: a priority, type or plan change re-bases the targets on
 * the creation time, so the classification in force when the target is evaluated (its stop, or now)
 * decides its length and calendar. A hand-over to an external provider with its own SLA for this
 * target replaces it from the hand-over on.
 */
function targetAt(target: SlaTarget, at: number, stopped: boolean, ctx: Context): { target: SlaTarget; startedAt: number | null } {
  const current = targetsFor(profileOf(ticketAt(ctx.tl, at), ctx.config.sla), ctx.config).find((t) => t.key === target.key) ?? target;
  if (current.source !== 'table' || (current.kind !== 'firstResponse' && current.kind !== 'resolution')) return { target: current, startedAt: null };
  const kind = current.kind;
  let handover: Extract<DomainEvent, { kind: 'WaitingOnProvider' }> | null = null;
  for (const e of ctx.tl.events) {
    if (e.kind === 'WaitingOnProvider' && e.at >= ctx.created && (stopped ? e.at < at : e.at <= at)) handover = e;
  }
  const provider = handover ? ctx.config.sla.providers[handover.provider] : undefined;
  if (!handover || !provider) return { target: current, startedAt: null };
  const durationMs = current.level === 'internal' ? (provider.internal?.[kind] ?? provider[kind]) : provider[kind];
  if (durationMs === undefined) return { target: current, startedAt: null };
  return {
    target: {
      ...current,
      durationMs,
      calendar: provider.calendar,
      clock: provider.calendar === NATURAL_CALENDAR ? 'natural' : 'business',
      source: 'provider',
      provider: handover.provider,
      ...(provider.description ? { description: provider.description } : {}),
    },
    startedAt: handover.at,
  };
}

/** Evaluates one target that starts at `start` and stops at `stop` (null: not stopped by now). */
function clockFor(target: SlaTarget, start: number, stop: number | null, counting: (t: Ticket) => boolean, ctx: Context): SlaClock {
  const until = stop ?? ctx.now;
  const applied = targetAt(target, until, stop !== null, ctx);
  const t = applied.target;
  const startedAt = applied.startedAt ?? start;
  const cal = slaCalendar(t.calendar, ctx.calendars);
  const runs = runsWhere(ctx.tl, startedAt, until, counting, stop === null);
  const ev = evaluateRuns(cal, t.durationMs, ctx.config.sla.atRiskShare, runs, ctx.now, stop);
  return {
    ...t,
    state: ev.state,
    startedAt,
    deadline: ev.deadline,
    atRiskAt: ev.atRiskAt,
    stoppedAt: stop,
    elapsedMs: ev.elapsedMs,
    remainingMs: t.durationMs - ev.elapsedMs,
  };
}

function firstAfter(events: readonly DomainEvent[], from: number, match: (e: DomainEvent) => boolean): number | null {
  return events.find((e) => e.at >= from && match(e))?.at ?? null;
}

/** The answer cycles of `everyResponse`: from the first unanswered customer message to the reply that answers it. */
function answerCycles(ctx: Context, bots: readonly string[]): { start: number; stop: number | null }[] {
  const cycles: { start: number; stop: number | null }[] = [];
  let pending: number | null = null;
  for (const e of ctx.tl.events) {
    if (e.at < ctx.created) continue;
    if (e.kind === 'ConversationOpened' || e.kind === 'CustomerMessaged') pending ??= e.at;
    else if (pending !== null && (isPublicReply(e, bots) || e.kind === 'Closed' || e.kind === 'Deleted')) {
      cycles.push({ start: pending, stop: e.at });
      pending = null;
    }
  }
  if (pending !== null) cycles.push({ start: pending, stop: null });
  return cycles;
}

function evaluateTarget(target: SlaTarget, ctx: Context, endedAt: number | null): SlaClock {
  const bots = ctx.config.sla.botAdminIds;
  const open = (t: Ticket) => !ended(t);
  switch (target.kind) {
    case 'firstResponse': {
      const reply = firstAfter(ctx.tl.events, ctx.created, (e) => isPublicReply(e, bots));
      return clockFor(target, ctx.created, minOrNull(reply, endedAt), open, ctx);
    }
    case 'review': {
      const action = firstAfter(ctx.tl.events, ctx.created, (e) => isSupportAction(e, bots));
      return clockFor(target, ctx.created, minOrNull(action, endedAt), open, ctx);
    }
    case 'resolution': {
      const pause = ctx.config.sla.pauseResolutionWhileWaitingOnCustomer;
      return clockFor(target, ctx.created, endedAt, (t) => open(t) && !(pause && t.status === 'waiting-on-customer'), ctx);
    }
    case 'everyResponse': {
      const clocks = answerCycles(ctx, bots).map((c) => clockFor(target, c.start, c.stop, open, ctx));
      const last = clocks[clocks.length - 1];
      return { ...last, cycles: { total: clocks.length, breached: clocks.filter((c) => c.state === 'breached').length } };
    }
  }
}

/** The earliest instant after `now` at which a counting clock becomes at risk or breached. */
function nextChange(clocks: readonly SlaClock[], now: number): number | null {
  let next: number | null = null;
  for (const c of clocks) {
    if (c.state !== 'running' && c.state !== 'at-risk') continue;
    if (c.atRiskAt !== null && c.atRiskAt > now) next = minOrNull(next, c.atRiskAt);
    // Breached strictly after the deadline (a reply at the deadline is on time).
    if (c.deadline !== null && c.deadline + 1 > now) next = minOrNull(next, c.deadline + 1);
  }
  return next;
}

/**
 * The SLA clock: from a ticket's events and `now`, every target (contractual and internal, from
 * the plan tables and the configured rules) with its deadline, time remaining or overdue, state
 * and the instant it becomes at risk; and how the elapsed time splits between the parties.
 *
 * Clock rules (METHODOLOGY.md, "Support plans and SLA"): first response stops at the first public
 * support reply; resolution pauses while waiting on the customer (configurable) and stops at
 * closing, and reopening resumes it; a type, priority or plan change re-bases the targets on the
 * creation time; a hand-over to an external provider applies the provider's SLA from then on.
 * Closing the ticket stops every target; a target stopped that way is judged at the closing.
 * Pure: time is the `now` parameter.
 */
export function computeSlaClocks(input: ComputeSlaClocksInput): SlaReport {
  const { events, now, config, calendars } = input;
  const ticketId = events[0]?.ticketId ?? '';
  const tl = buildTimeline(ticketId, events, now);
  const created = tl.ticket.createdAt;
  if (!tl.ticket.opened || created === null) {
    return { ticketId, now, profile: null, clocks: [], timeSplit: emptyTimeSplit(config.sla.calendars.default), nextChangeAt: null };
  }
  const ctx: Context = { tl, now, config, calendars, created };
  const profile = profileOf(tl.ticket, config.sla);
  const endedAt = endedSince(tl);
  const clocks = targetsFor(profile, config).map((t) => evaluateTarget(t, ctx, endedAt));
  const calendar = calendarNameFor(profile, config.sla);
  return {
    ticketId,
    now,
    profile,
    clocks,
    timeSplit: splitTime(tl, created, slaCalendar(calendar, calendars)),
    nextChangeAt: nextChange(clocks, now),
  };
}
