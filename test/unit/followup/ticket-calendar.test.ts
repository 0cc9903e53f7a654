import fc from 'fast-check';
import { ticketCalendar, type AnyCalendar } from '../../../src/domain/followup';
import { at, calendars, config, ev, local, NO_FLAGS, ticketOf } from './support';
import { FORTNIGHT } from './fortnight';
import { VirtualOffice } from './virtual-office';

const cals = calendars as ReadonlyMap<string, AnyCalendar>;
const T = '6001';
const opened = (plan: 'Platinum' | 'Gold', tags: string[] = []) => ev(T, '2026-10-16 16:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'x', name: 'X', plan, tags } });
const incident = (priority: 'Muy Alta' | 'Media') =>
  ev(T, '2026-10-16 16:00', { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority, evoCriticality: null, confidence: 1, rules: [], flags: NO_FLAGS } });

describe("the ladder's clock is the ticket's", () => {
  const eightHoursFromFriday16 = (events: Parameters<typeof ticketOf>[1]) => local(ticketCalendar(ticketOf(T, events), config, cals).addBusinessTime(at('2026-10-16 16:00'), 8 * 3_600_000));

  it('default hours for a Gold ticket: Friday 16:00 + 8 business hours = Monday 15:00', () => {
    expect(eightHoursFromFriday16([opened('Gold'), incident('Media')])).toBe('2026-10-19 15:00');
  });

  it('the staffed calendar for Platinum and key accounts: 4 h on Friday until 20:00, 4 h on Saturday from 09:00', () => {
    expect(eightHoursFromFriday16([opened('Platinum'), incident('Media')])).toBe('2026-10-17 13:00');
    expect(eightHoursFromFriday16([opened('Gold', ['KA']), incident('Media')])).toBe('2026-10-17 13:00');
  });

  it('natural hours for Muy Alta', () => {
    expect(eightHoursFromFriday16([opened('Gold'), incident('Muy Alta')])).toBe('2026-10-17 00:00');
  });

  it("the provider's calendar once handed over (New York hours, 09:00–12:00 and 13:00–18:00 Eastern)", () => {
    const handed = ev(T, '2026-10-16 16:30', { kind: 'WaitingOnProvider', provider: 'provider-us' });
    // Friday 16:00 Madrid = 10:00 New York: 2 h before lunch, 5 h after (until 18:00 NY = 00:00 Madrid), 1 h on Monday.
    expect(eightHoursFromFriday16([opened('Gold'), incident('Media'), handed])).toBe('2026-10-19 16:00');
  });
});

describe('restarts', () => {
  it('a worker restart at any instant of the fortnight changes no alert', () => {
    const until = at('2026-04-10 23:59');
    const reference = new VirtualOffice(FORTNIGHT).run(until, null).map((p) => p.line);
    const from = at('2026-03-16 08:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: until - from }), (offset) => {
        const office = new VirtualOffice(FORTNIGHT);
        const lines = office.run(until, from + offset).map((p) => p.line);
        return JSON.stringify(lines) === JSON.stringify(reference) && office.redecided === 0;
      }),
      { numRuns: 25, seed: 20260325 },
    );
  });
});
