import fc from 'fast-check';
import { DomainEventSchema, type DomainEvent } from '../../../src/domain/events';
import { computeSlaClocks, type SlaClock } from '../../../src/domain/sla';
import { at, calendars, settings } from './sla-test-kit';

/**
 * The SLA clock against a brute-force oracle that steps minute by minute, written from the rules
 * in docs/sla.md without the clock's code: random histories of a Gold SaaS incident (replies,
 * notes, waiting on the customer, customer messages, closing, reopening, priority changes, hand-overs
 * to a listed and an unlisted provider) over
 * random weeks of 2026–2027, DST weeks and holidays included.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const config = settings();
const cal = calendars.get('default')!;
const providerCal = calendars.get('provider-us')!;
/** provider-us's contractual SLA in config/sla.yaml. */
const PROVIDER_US = { firstResponse: 8 * HOUR, resolution: 40 * HOUR };

type Prio = 'Muy Alta' | 'Alta' | 'Media';
/** Gold SaaS incident targets from config/sla.yaml (contractual first response, resolution). */
const GOLD: Record<Prio, { firstResponse: number; resolution: number }> = {
  'Muy Alta': { firstResponse: 2 * HOUR, resolution: 8 * HOUR },
  Alta: { firstResponse: 4 * HOUR, resolution: 16 * HOUR },
  Media: { firstResponse: 8 * HOUR, resolution: 40 * HOUR },
};

type Step = { kind: 'reply' | 'note' | 'wait' | 'customer' | 'close' | 'reopen' | 'provider' | 'other-provider' } | { kind: 'reclassify'; priority: Prio };

interface Case {
  base: number;
  steps: { offset: number; step: Step }[];
  nowOffset: number;
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>({ kind: 'reply' }, { kind: 'note' }, { kind: 'wait' }, { kind: 'customer' }, { kind: 'close' }, { kind: 'reopen' }),
  fc.constantFrom<Step>({ kind: 'provider' }, { kind: 'other-provider' }),
  fc.constantFrom<Prio>('Muy Alta', 'Alta', 'Media').map((priority): Step => ({ kind: 'reclassify', priority })),
);

const minuteOf = (iso: string) => Math.floor(at(iso) / MINUTE);
const baseArb = fc.oneof(
  fc.integer({ min: minuteOf('2026-01-01T00:00:00Z'), max: minuteOf('2027-12-20T00:00:00Z') }),
  // Weeks with a DST switch, Easter and Christmas.
  fc.integer({ min: minuteOf('2026-03-26T00:00:00Z'), max: minuteOf('2026-03-30T00:00:00Z') }),
  fc.integer({ min: minuteOf('2026-10-22T00:00:00Z'), max: minuteOf('2026-10-26T00:00:00Z') }),
  fc.integer({ min: minuteOf('2026-03-31T00:00:00Z'), max: minuteOf('2026-04-07T00:00:00Z') }),
  fc.integer({ min: minuteOf('2026-12-22T00:00:00Z'), max: minuteOf('2026-12-28T00:00:00Z') }),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  base: baseArb.map((m) => m * MINUTE),
  steps: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 5 * 24 * 60 }), step: stepArb }), { maxLength: 10 }),
  nowOffset: fc.integer({ min: 0, max: 7 * 24 * 60 }),
});

function eventsOf(c: Case): DomainEvent[] {
  const ev = (n: number, body: Record<string, unknown>) =>
    DomainEventSchema.parse({ id: `e${String(n).padStart(3, '0')}`, ticketId: 'P', source: 'intercom', ...body });
  const out = [
    ev(0, { kind: 'ConversationOpened', at: c.base, company: { id: 'c', plan: 'Gold', hosting: 'saas', tags: [] } }),
    ev(1, { kind: 'Reclassified', at: c.base, by: 'a', type: 'incidencia', priority: 'Alta' }),
  ];
  c.steps.forEach(({ offset, step }, i) => {
    const t = c.base + offset * MINUTE;
    const n = i + 2;
    switch (step.kind) {
      case 'reply': out.push(ev(n, { kind: 'SupportReplied', at: t, adminId: 'a' })); break;
      case 'note': out.push(ev(n, { kind: 'NoteAdded', at: t, adminId: 'a' })); break;
      case 'wait': out.push(ev(n, { kind: 'WaitingOnCustomer', at: t, by: 'a' })); break;
      case 'customer': out.push(ev(n, { kind: 'CustomerMessaged', at: t })); break;
      case 'close': out.push(ev(n, { kind: 'Closed', at: t, adminId: 'a' })); break;
      case 'reopen': out.push(ev(n, { kind: 'Reopened', at: t })); break;
      case 'provider': out.push(ev(n, { kind: 'WaitingOnProvider', at: t, provider: 'provider-us', by: 'a' })); break;
      case 'other-provider': out.push(ev(n, { kind: 'WaitingOnProvider', at: t, provider: 'unlisted', by: 'a' })); break;
      case 'reclassify': out.push(ev(n, { kind: 'Reclassified', at: t, by: 'a', type: 'incidencia', priority: step.priority })); break;
    }
  });
  return out;
}

/** The oracle's own reading of a history: state after the events up to each instant. */
interface OracleState {
  closed: boolean;
  waiting: boolean;
  priority: Prio;
}

function oracle(events: DomainEvent[], now: number, target: 'firstResponse' | 'resolution') {
  const ordered = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const created = ordered[0].at;
  const stateAt = (t: number): OracleState => {
    const s: OracleState = { closed: false, waiting: false, priority: 'Alta' };
    for (const e of ordered) {
      if (e.at > t) break;
      if (e.kind === 'Closed') Object.assign(s, { closed: true, waiting: false });
      else if (e.kind === 'Reopened') Object.assign(s, { closed: false, waiting: false });
      else if (e.kind === 'WaitingOnCustomer' && !s.closed) s.waiting = true;
      else if (e.kind === 'CustomerMessaged') Object.assign(s, { closed: false, waiting: false }); // a customer message reopens, as in Intercom
      else if (e.kind === 'WaitingOnProvider' && !s.closed) s.waiting = false;
      else if (e.kind === 'Reclassified' && e.type === 'incidencia' && e.priority) s.priority = e.priority as Prio;
    }
    return s;
  };
  // Closed since when (and still closed at now)?
  let endedAt: number | null = null;
  const instants = [...new Set(ordered.map((e) => e.at))].sort((a, b) => a - b);
  for (let i = instants.length - 1; i >= 0 && stateAt(instants[i]).closed; i--) endedAt = instants[i];
  const firstReply = ordered.find((e) => e.kind === 'SupportReplied')?.at ?? null;
  const stop = target === 'firstResponse' ? (firstReply === null ? endedAt : endedAt === null ? firstReply : Math.min(firstReply, endedAt)) : endedAt;
  const judged = stateAt(stop ?? now);
  const until = stop ?? now;
  // The last hand-over before the stop (or up to now): provider-us's own SLA applies from then on.
  const handover = ordered.filter((e) => e.kind === 'WaitingOnProvider' && (stop !== null ? e.at < stop : e.at <= now)).pop();
  const byProvider = handover !== undefined && handover.kind === 'WaitingOnProvider' && handover.provider === 'provider-us';
  const duration = byProvider ? PROVIDER_US[target] : GOLD[judged.priority][target];
  const natural = !byProvider && judged.priority === 'Muy Alta';
  const calendar = byProvider ? providerCal : cal;
  const start = byProvider ? handover.at : created;
  const counts = (s: OracleState) => !s.closed && !(target === 'resolution' && s.waiting);
  const open = (t: number) => natural || calendar.isOpen(t);
  let counted = 0;
  let deadline: number | null = null;
  let atRiskAt: number | null = null;
  let elapsed = 0;
  const threshold = Math.round(duration * 0.75);
  // Step minute by minute: up to the stop, or (still counting) until the deadline.
  const nowState = stateAt(now);
  const horizon = stop !== null ? stop : counts(nowState) ? now + 40 * 24 * HOUR : now;
  for (let t = start; t < until || (deadline === null && t < horizon); t += MINUTE) {
    const s = t < until ? stateAt(t) : nowState;
    if (!counts(s) || !open(t)) continue;
    counted += MINUTE;
    if (t < until) elapsed += MINUTE;
    if (atRiskAt === null && counted >= threshold) atRiskAt = t + MINUTE;
    if (deadline === null && counted >= duration) deadline = t + MINUTE;
  }
  let state: SlaClock['state'];
  if (stop !== null) state = deadline !== null && deadline < stop ? 'breached' : 'met';
  else if (deadline !== null && deadline < now) state = 'breached';
  else if (!counts(nowState)) state = 'paused';
  else if (atRiskAt !== null && atRiskAt <= now) state = 'at-risk';
  else state = 'running';
  return { state, deadline, atRiskAt, elapsed, stop, duration, source: byProvider ? 'provider' : 'table' };
}

describe('the SLA clock agrees with a minute-by-minute oracle', () => {
  it.each(['firstResponse', 'resolution'] as const)('%s on random histories', (target) => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const events = eventsOf(c);
        const now = c.base + c.nowOffset * MINUTE;
        const report = computeSlaClocks({ events, now, config, calendars });
        const got = report.clocks.find((x) => x.key === `contractual.${target}`)!;
        const want = oracle(events.filter((e) => e.at <= now), now, target);
        expect(got.source).toBe(want.source);
        expect(got.durationMs).toBe(want.duration);
        expect(got.state).toBe(want.state);
        expect(got.stoppedAt).toBe(want.stop);
        expect(got.elapsedMs).toBe(want.elapsed);
        // The deadline is known to the oracle when reached before the stop, or while still counting.
        if (want.deadline !== null) expect(got.deadline).toBe(want.deadline);
        if (want.atRiskAt !== null) expect(got.atRiskAt).toBe(want.atRiskAt);
        if (got.state === 'paused') expect(got.deadline).toBe(want.deadline);
      }),
      { numRuns: 600 },
    );
  });
});

describe("Complif's every-answer rule agrees with a minute-by-minute oracle", () => {
  const complif = settings({
    planTargets: false,
    rules: { answerWithin24h: { kind: 'everyResponse', within: 24 * HOUR, level: 'contractual', calendar: 'natural' } },
  });

  /** Cycles: from the first unanswered customer message to the public reply (or closing) after it. */
  function oracleCycles(events: DomainEvent[], now: number) {
    const ordered = [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const cycles: { start: number; stop: number | null }[] = [];
    let pending: number | null = null;
    for (const e of ordered) {
      if (e.kind === 'ConversationOpened' || e.kind === 'CustomerMessaged') pending ??= e.at;
      else if (pending !== null && (e.kind === 'SupportReplied' || e.kind === 'Closed')) {
        cycles.push({ start: pending, stop: e.at });
        pending = null;
      }
    }
    if (pending !== null) cycles.push({ start: pending, stop: null });
    const closedAt = (t: number) => {
      let closed = false;
      for (const e of ordered) {
        if (e.at > t) break;
        if (e.kind === 'Closed') closed = true;
        else if (e.kind === 'Reopened' || e.kind === 'CustomerMessaged') closed = false;
      }
      return closed;
    };
    // Each cycle counts natural minutes while the ticket is not closed.
    return cycles.map(({ start, stop }) => {
      const until = stop ?? now;
      let counted = 0;
      let deadline: number | null = null;
      for (let t = start; t < until || (stop === null && !closedAt(now) && deadline === null); t += MINUTE) {
        if (closedAt(Math.min(t, now))) continue;
        counted += MINUTE;
        if (deadline === null && counted >= 24 * HOUR) deadline = t + MINUTE;
        if (t >= until && deadline !== null) break;
      }
      const breached = deadline !== null && deadline < (stop ?? now);
      return { start, stop, deadline, breached };
    });
  }

  it('on random histories', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const events = eventsOf(c);
        const now = c.base + c.nowOffset * MINUTE;
        const got = computeSlaClocks({ events, now, config: complif, calendars }).clocks[0];
        const want = oracleCycles(events.filter((e) => e.at <= now), now);
        const last = want[want.length - 1];
        expect(got.cycles).toEqual({ total: want.length, breached: want.filter((x) => x.breached).length });
        expect(got.startedAt).toBe(last.start);
        expect(got.stoppedAt).toBe(last.stop);
        if (last.deadline !== null) expect(got.deadline).toBe(last.deadline);
        expect(got.state === 'breached').toBe(last.breached);
      }),
      { numRuns: 300 },
    );
  });
});
