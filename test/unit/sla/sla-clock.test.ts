import { SlaError } from '../../../src/domain/sla';
import { HOUR, History, at, calendars, clock, iso, settings } from './sla-test-kit';
import { computeSlaClocks } from '../../../src/domain/sla';

// 2026-07-03 is a Friday, 2026-07-06 a Monday (no holidays that week in Madrid).

describe('the SLA clock: deadlines', () => {
  it('a Muy Alta opened on Friday at 18:00 is due on Saturday (natural hours, 24x7)', () => {
    const r = new History().opened('2026-07-03T18:00:00+02:00', { plan: 'Bronze', priority: 'Muy Alta' }).report('2026-07-03T18:00:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.clock).toBe('natural');
    expect(iso(fr.deadline)).toBe('2026-07-04T02:00:00+02:00'); // Bronze: 8 h
    expect(iso(clock(r, 'contractual.resolution').deadline)).toBe('2026-07-04T18:00:00+02:00'); // 24 h
    expect(fr.state).toBe('running');
  });

  it('an Alta opened on Friday at 16:00 for a Gold customer must be answered by Monday at 11:00', () => {
    const r = new History().opened('2026-07-03T16:00:00+02:00').report('2026-07-03T16:00:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.clock).toBe('business');
    expect(fr.calendar).toBe('default');
    // 4 business hours: 16:00–17:00 on Friday, then 08:00–11:00 on Monday.
    expect(iso(fr.deadline)).toBe('2026-07-06T11:00:00+02:00');
    // Internal target: 2 hours → 1 h on Friday, 1 h on Monday.
    expect(iso(clock(r, 'internal.firstResponse').deadline)).toBe('2026-07-06T09:00:00+02:00');
  });

  it('Platinum runs on the staffed calendar (Saturday mornings open)', () => {
    const r = new History().opened('2026-07-03T19:00:00+02:00', { plan: 'Platinum' }).report('2026-07-03T19:00:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.calendar).toBe('staffed');
    // 2 h: 19:00–20:00 on Friday, 09:00–10:00 on Saturday.
    expect(iso(fr.deadline)).toBe('2026-07-04T10:00:00+02:00');
  });

  it('a key account runs on the staffed calendar whatever its plan', () => {
    const r = new History().opened('2026-07-03T19:00:00+02:00', { plan: 'Gold', ka: true }).report('2026-07-03T19:00:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.calendar).toBe('staffed');
    expect(iso(fr.deadline)).toBe('2026-07-04T12:00:00+02:00'); // 1 h Friday + 3 h Saturday
  });

  it('a Muy Alta of a key account still runs in natural hours', () => {
    const r = new History().opened('2026-07-03T19:00:00+02:00', { plan: 'Gold', ka: true, priority: 'Muy Alta' }).report('2026-07-03T19:00:00+02:00');
    expect(clock(r, 'contractual.firstResponse').calendar).toBe('natural');
    expect(iso(clock(r, 'contractual.firstResponse').deadline)).toBe('2026-07-03T21:00:00+02:00');
  });

  it('self-hosted customers have their own, longer table', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00', { hosting: 'self-hosted' }).report('2026-07-06T08:00:00+02:00');
    expect(clock(r, 'contractual.firstResponse').durationMs).toBe(6 * HOUR);
    expect(iso(clock(r, 'contractual.firstResponse').deadline)).toBe('2026-07-06T14:00:00+02:00');
  });

  it('a company without a plan is treated as Bronze, a question has a single row', () => {
    const h = new History();
    h.add({ kind: 'ConversationOpened', at: at('2026-07-06T08:00:00+02:00') });
    const r = h.report('2026-07-06T08:00:00+02:00');
    expect(r.profile).toEqual({ hosting: 'saas', type: 'consulta', priority: 'normal', plan: 'Bronze', keyAccount: false });
    expect(clock(r, 'contractual.firstResponse').durationMs).toBe(18 * HOUR);
  });
});

describe('the SLA clock: first response', () => {
  it('stops at the first public reply, not at an internal note', () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .noted('2026-07-06T09:00:00+02:00')
      .replied('2026-07-06T10:00:00+02:00')
      .report('2026-07-06T15:00:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.state).toBe('met');
    expect(iso(fr.stoppedAt)).toBe('2026-07-06T10:00:00+02:00');
    expect(fr.elapsedMs).toBe(2 * HOUR);
    expect(fr.remainingMs).toBe(2 * HOUR);
    expect(iso(fr.deadline)).toBe('2026-07-06T12:00:00+02:00');
  });

  it('a reply exactly at the deadline is on time; a minute later is a breach', () => {
    const onTime = new History().opened('2026-07-06T08:00:00+02:00').replied('2026-07-06T12:00:00+02:00').report('2026-07-06T13:00:00+02:00');
    expect(clock(onTime, 'contractual.firstResponse').state).toBe('met');
    const late = new History().opened('2026-07-06T08:00:00+02:00').replied('2026-07-06T12:01:00+02:00').report('2026-07-06T13:00:00+02:00');
    expect(clock(late, 'contractual.firstResponse').state).toBe('breached');
    expect(clock(late, 'contractual.firstResponse').remainingMs).toBe(-60_000);
    // The internal target (2 h) was breached long before.
    expect(clock(late, 'internal.firstResponse').state).toBe('breached');
  });

  it("the bot's automatic reply is not a first response", () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .replied('2026-07-06T08:00:05+02:00', { source: 'bot' })
      .replied('2026-07-06T08:01:00+02:00', { adminId: 'bot-admin' })
      .report('2026-07-06T09:00:00+02:00', settings({ botAdminIds: ['bot-admin'] }));
    expect(clock(r, 'contractual.firstResponse').state).toBe('running');
    expect(clock(r, 'contractual.firstResponse').stoppedAt).toBeNull();
  });

  it('becomes at risk past 75% of the target, and breached after the deadline', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00');
    const early = clock(h.report('2026-07-06T10:59:00+02:00'), 'contractual.firstResponse');
    expect(early.state).toBe('running');
    expect(iso(early.atRiskAt)).toBe('2026-07-06T11:00:00+02:00'); // 3 h of 4 h
    expect(clock(h.report('2026-07-06T11:00:00+02:00'), 'contractual.firstResponse').state).toBe('at-risk');
    expect(clock(h.report('2026-07-06T12:00:00+02:00'), 'contractual.firstResponse').state).toBe('at-risk');
    const late = clock(h.report('2026-07-06T13:30:00+02:00'), 'contractual.firstResponse');
    expect(late.state).toBe('breached');
    expect(late.remainingMs).toBe(-1.5 * HOUR);
  });

  it('the at-risk share is configurable', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').report('2026-07-06T08:00:00+02:00', settings({ atRiskShare: 0.5 }));
    expect(iso(clock(r, 'contractual.firstResponse').atRiskAt)).toBe('2026-07-06T10:00:00+02:00');
  });

  it('tells when the next clock changes state, so a timer can be set', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').report('2026-07-06T08:00:00+02:00');
    // internal.firstResponse (2 h) becomes at risk at 09:30.
    expect(iso(r.nextChangeAt)).toBe('2026-07-06T09:30:00+02:00');
    const later = new History().opened('2026-07-06T08:00:00+02:00').report('2026-07-06T09:45:00+02:00');
    // internal.firstResponse breaches just after 10:00.
    expect(later.nextChangeAt).toBe(at('2026-07-06T10:00:00+02:00') + 1);
  });

  it('a ticket closed without a reply stops its first response at the closing', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').closed('2026-07-06T09:00:00+02:00').report('2026-07-07T09:00:00+02:00');
    expect(clock(r, 'contractual.firstResponse').state).toBe('met');
    expect(iso(clock(r, 'contractual.firstResponse').stoppedAt)).toBe('2026-07-06T09:00:00+02:00');
  });
});

describe('the SLA clock: resolution', () => {
  it('waiting on the customer pauses resolution', () => {
    const h = new History()
      .opened('2026-07-06T08:00:00+02:00') // Gold Alta: resolution 16 business hours
      .replied('2026-07-06T09:00:00+02:00')
      .waitingOnCustomer('2026-07-06T10:00:00+02:00');
    const paused = clock(h.report('2026-07-07T09:00:00+02:00'), 'contractual.resolution');
    expect(paused.state).toBe('paused');
    expect(paused.deadline).toBeNull();
    expect(paused.elapsedMs).toBe(2 * HOUR);
    expect(paused.remainingMs).toBe(14 * HOUR);
    h.customer('2026-07-07T10:00:00+02:00');
    const resumed = clock(h.report('2026-07-07T12:00:00+02:00'), 'contractual.resolution');
    expect(resumed.state).toBe('running');
    expect(resumed.elapsedMs).toBe(4 * HOUR);
    // 14 h left from Tuesday 10:00: 7 h on Tuesday, 7 h on Wednesday.
    expect(iso(resumed.deadline)).toBe('2026-07-08T15:00:00+02:00');
  });

  it('without the pause, waiting on the customer does not stop resolution', () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .waitingOnCustomer('2026-07-06T10:00:00+02:00')
      .report('2026-07-07T09:00:00+02:00', settings({ pauseResolutionWhileWaitingOnCustomer: false }));
    const res = clock(r, 'contractual.resolution');
    expect(res.state).toBe('running');
    expect(iso(res.deadline)).toBe('2026-07-07T15:00:00+02:00'); // 9 h Monday + 7 h Tuesday
  });

  it('closing stops resolution and reopening resumes it', () => {
    const h = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .replied('2026-07-06T09:00:00+02:00')
      .closed('2026-07-06T12:00:00+02:00');
    const closed = clock(h.report('2026-07-07T07:00:00+02:00'), 'contractual.resolution');
    expect(closed.state).toBe('met');
    expect(closed.elapsedMs).toBe(4 * HOUR);
    h.reopened('2026-07-07T08:00:00+02:00');
    const reopened = clock(h.report('2026-07-07T10:00:00+02:00'), 'contractual.resolution');
    expect(reopened.state).toBe('running');
    expect(reopened.stoppedAt).toBeNull();
    expect(reopened.elapsedMs).toBe(6 * HOUR);
    // 12 h left at Tuesday 08:00: 9 h on Tuesday, 3 h on Wednesday.
    expect(iso(reopened.deadline)).toBe('2026-07-08T11:00:00+02:00');
  });
});

describe('the SLA clock: reclassification', () => {
  it('a priority raised from Media to Alta re-bases on the creation time', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00', { priority: 'Media' });
    expect(iso(clock(h.report('2026-07-06T10:00:00+02:00'), 'contractual.firstResponse').deadline)).toBe('2026-07-06T16:00:00+02:00'); // 8 h
    h.reclassified('2026-07-06T10:30:00+02:00', 'incidencia', 'Alta');
    const raised = clock(h.report('2026-07-06T11:00:00+02:00'), 'contractual.firstResponse');
    expect(raised.durationMs).toBe(4 * HOUR);
    expect(raised.startedAt).toBe(at('2026-07-06T08:00:00+02:00'));
    expect(iso(raised.deadline)).toBe('2026-07-06T12:00:00+02:00');
    expect(raised.state).toBe('at-risk');
  });

  it('a first response already met under Media stays met after a raise to Alta', () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00', { priority: 'Media' })
      .replied('2026-07-06T13:00:00+02:00')
      .reclassified('2026-07-06T14:00:00+02:00', 'incidencia', 'Alta')
      .report('2026-07-06T15:00:00+02:00');
    expect(clock(r, 'contractual.firstResponse').state).toBe('met');
    expect(clock(r, 'contractual.firstResponse').durationMs).toBe(8 * HOUR);
    // Resolution is still running: now Alta's 16 h from creation.
    expect(clock(r, 'contractual.resolution').durationMs).toBe(16 * HOUR);
  });

  it('a Media raised to Muy Alta switches to natural hours from the creation', () => {
    const r = new History()
      .opened('2026-07-03T16:00:00+02:00', { priority: 'Media' })
      .reclassified('2026-07-03T18:00:00+02:00', 'incidencia', 'Muy Alta')
      .report('2026-07-03T18:30:00+02:00');
    const fr = clock(r, 'contractual.firstResponse');
    expect(fr.clock).toBe('natural');
    expect(fr.state).toBe('breached'); // Gold Muy Alta: 2 h from 16:00
    expect(iso(fr.deadline)).toBe('2026-07-03T18:00:00+02:00');
  });

  it('a plan upgrade re-bases the targets too', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00', { plan: 'Bronze' });
    h.add({ kind: 'CompanyEnriched', at: at('2026-07-06T08:30:00+02:00'), company: { id: 'c1', plan: 'Gold', hosting: 'saas', tags: [] } });
    expect(clock(h.report('2026-07-06T09:00:00+02:00'), 'contractual.firstResponse').durationMs).toBe(4 * HOUR);
  });
});

describe('the SLA clock: external providers', () => {
  it("the provider's SLA applies from the hand-over", () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .replied('2026-07-06T09:00:00+02:00')
      .handedOver('2026-07-06T10:00:00+02:00', 'provider-us') // 04:00 in New York
      .report('2026-07-06T12:00:00+02:00');
    const res = clock(r, 'contractual.resolution');
    expect(res.source).toBe('provider');
    expect(res.provider).toBe('provider-us');
    expect(res.calendar).toBe('provider-us');
    expect(res.startedAt).toBe(at('2026-07-06T10:00:00+02:00'));
    // 40 h of the provider's 8-hour days (09–12, 13–18 Eastern), Monday to Friday.
    expect(iso(res.deadline, 'America/New_York')).toBe('2026-07-10T18:00:00-04:00');
    expect(iso(clock(r, 'internal.resolution').deadline, 'America/New_York')).toBe('2026-07-08T18:00:00-04:00');
    // The first response was ours and was met before the hand-over.
    expect(clock(r, 'contractual.firstResponse').source).toBe('table');
    expect(clock(r, 'contractual.firstResponse').state).toBe('met');
    expect(r.timeSplit.natural).toEqual({ support: 2 * HOUR, development: 0, provider: 2 * HOUR, customer: 0 });
  });

  it('a provider without a configured SLA keeps our own targets', () => {
    const r = new History()
      .opened('2026-07-06T08:00:00+02:00')
      .handedOver('2026-07-06T10:00:00+02:00', 'someone-else')
      .report('2026-07-06T12:00:00+02:00');
    expect(clock(r, 'contractual.resolution').source).toBe('table');
    expect(iso(clock(r, 'contractual.resolution').deadline)).toBe('2026-07-07T15:00:00+02:00');
  });
});

describe('the SLA clock: how the time splits between parties', () => {
  it('counts support, development (Jira not done), customer and provider time', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00');
    h.add({ kind: 'JiraLinked', at: at('2026-07-06T09:00:00+02:00'), key: 'CR-1', url: 'https://jira/CR-1' });
    h.add({ kind: 'JiraStatusChanged', at: at('2026-07-06T11:00:00+02:00'), key: 'CR-1', from: 'In Progress', to: 'Done', category: 'done' });
    h.waitingOnCustomer('2026-07-06T12:00:00+02:00').customer('2026-07-06T13:00:00+02:00').handedOver('2026-07-06T14:00:00+02:00', 'provider-us');
    const r = h.report('2026-07-06T18:00:00+02:00');
    expect(r.timeSplit.natural).toEqual({ support: 3 * HOUR, development: 2 * HOUR, customer: 1 * HOUR, provider: 4 * HOUR });
    // In business hours of the default calendar the day ends at 17:00.
    expect(r.timeSplit.business).toEqual({ support: 3 * HOUR, development: 2 * HOUR, customer: 1 * HOUR, provider: 3 * HOUR });
    expect(r.timeSplit.calendar).toBe('default');
  });
});

describe('the SLA clock: edge cases', () => {
  it('a ticket not opened yet has no clocks', () => {
    const h = new History();
    h.customer('2026-07-06T08:00:00+02:00');
    const r = h.report('2026-07-06T09:00:00+02:00');
    expect(r.profile).toBeNull();
    expect(r.clocks).toEqual([]);
  });

  it('ignores duplicate deliveries and events after now', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00').replied('2026-07-06T12:30:00+02:00');
    const events = [...h.events, ...h.events];
    const r = computeSlaClocks({ events, now: at('2026-07-06T10:00:00+02:00'), config: settings(), calendars });
    expect(clock(r, 'contractual.firstResponse').state).toBe('running');
  });

  it('a calendar missing from the calendars section is a coded error', () => {
    const s = settings();
    const config = { ...s, sla: { ...s.sla, calendars: { ...s.sla.calendars, default: 'nowhere' } } };
    const h = new History().opened('2026-07-06T08:00:00+02:00');
    let error: unknown;
    try {
      h.report('2026-07-06T09:00:00+02:00', config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).code).toBe('SLA_UNKNOWN_CALENDAR');
  });
});
