import { at } from './support';
import { FORTNIGHT } from './fortnight';
import { VirtualOffice } from './virtual-office';

/**
 * The scripted fortnight (fortnight.ts) on a virtual clock: exactly these alerts, in this order,
 * with the worker restarted in the middle (Wednesday 1 April at 12:00: every in-memory timer and
 * the effects queue's memory lost, then the reconciliation sweep) and no duplicate. Each instant
 * below was computed by hand from the default calendar and SLA tables (see the comments).
 */
const EXPECTED = [
      // 101 Gold Baja, opened Mon 16 08:30: internal resolution 40 business h → Fri 20 12:30 (at risk at 30 h: Thu 19 11:30);
      // contractual 80 h → Thu 26 16:30 (at risk at 60 h: Tue 24 14:30). Ladder from the reply (Mon 16 09:00): +48 h Mon 23 12:00.
      '2026-03-19 11:30 sla-at-risk:internal.resolution#2026-03-20 12:30 #101 → @admin:adm-ana',
      '2026-03-19 11:30 sla-at-risk:internal.resolution#2026-03-20 12:30@team #101 → #C06SOPTEAM1',
      '2026-03-20 12:30 resolution-exceeded:internal.resolution#2026-03-20 12:30 #101 → #C06SOPTEAM1',
      '2026-03-20 12:30 resolution-exceeded:internal.resolution#2026-03-20 12:30@assignee #101 → @admin:adm-ana',
      '2026-03-23 12:00 ladder:1~2026-03-16 09:00 #101 → @admin:adm-ana',
      // 106: the sixth answered message at 14:20.
      '2026-03-24 14:20 too-many-exchanges:6 #106 → @admin:adm-bob',
      '2026-03-24 14:30 sla-at-risk:contractual.resolution#2026-03-26 16:30 #101 → @admin:adm-ana',
      '2026-03-24 14:30 sla-at-risk:contractual.resolution#2026-03-26 16:30@team #101 → #C06SOPTEAM1',
      // 107 handed to provider-us (New York, 8 h/day) on Mon 23 10:00 Madrid = 05:00 NY: internal resolution 24 h → Wed 25 18:00 NY
      // = 23:00 Madrid (at risk at 18 h: 11:00 NY = 16:00 Madrid); the DM waits for Thursday 08:00. Contractual 40 h → Fri 27 23:00
      // Madrid (at risk Thu 26 21:00); its DM waits for Monday 30 08:00 (weekend).
      '2026-03-25 16:00 sla-at-risk:internal.resolution#2026-03-25 23:00 #107 → @admin:adm-ana',
      '2026-03-25 16:00 sla-at-risk:internal.resolution#2026-03-25 23:00@team #107 → #C06SOPTEAM1',
      '2026-03-25 23:00 resolution-exceeded:internal.resolution#2026-03-25 23:00 #107 → #C06SOPTEAM1',
      '2026-03-26 08:00 resolution-exceeded:internal.resolution#2026-03-25 23:00@assignee #107 → @admin:adm-ana',
      '2026-03-26 16:30 resolution-exceeded:contractual.resolution#2026-03-26 16:30 #101 → #C06SOPMGR01',
      '2026-03-26 16:30 resolution-exceeded:contractual.resolution#2026-03-26 16:30@assignee #101 → @admin:adm-ana',
      '2026-03-26 21:00 sla-at-risk:contractual.resolution#2026-03-27 23:00@team #107 → #C06SOPTEAM1',
      '2026-03-27 08:00 sla-at-risk:contractual.resolution#2026-03-27 23:00 #107 → @admin:adm-ana',
      '2026-03-27 23:00 resolution-exceeded:contractual.resolution#2026-03-27 23:00 #107 → #C06SOPMGR01',
      // 102 Muy Alta runs in natural hours and may wake people: Sat 23:00 + 30 m / 1 h / 2 h; contractual resolution 4 h at risk
      // after 3 natural hours = 03:00 summer time (02:00 → 03:00 on Sunday 29). Closed at 03:30: no breach.
      '2026-03-28 23:00 complaint:csm #102 → @UCSMSOL01',
      '2026-03-28 23:00 ka-incident:incident #102 → #C06SOPMGR01',
      '2026-03-28 23:22 sla-at-risk:internal.firstResponse#2026-03-28 23:30 #102 → @admin:adm-ana',
      '2026-03-28 23:22 sla-at-risk:internal.firstResponse#2026-03-28 23:30@team #102 → #C06SOPTEAM1',
      '2026-03-28 23:30 sla-breached:internal.firstResponse#2026-03-28 23:30 #102 → #C06SOPMGR01',
      '2026-03-28 23:45 sla-at-risk:contractual.firstResponse#2026-03-29 00:00 #102 → @admin:adm-ana',
      '2026-03-28 23:45 sla-at-risk:contractual.firstResponse#2026-03-29 00:00@team #102 → #C06SOPTEAM1',
      '2026-03-29 00:30 sla-at-risk:internal.resolution#2026-03-29 01:00 #102 → @admin:adm-ana',
      '2026-03-29 00:30 sla-at-risk:internal.resolution#2026-03-29 01:00@team #102 → #C06SOPTEAM1',
      '2026-03-29 01:00 resolution-exceeded:internal.resolution#2026-03-29 01:00 #102 → #C06SOPTEAM1',
      '2026-03-29 01:00 resolution-exceeded:internal.resolution#2026-03-29 01:00@assignee #102 → @admin:adm-ana',
      '2026-03-29 03:00 sla-at-risk:contractual.resolution#2026-03-29 04:00 #102 → @admin:adm-ana',
      '2026-03-29 03:00 sla-at-risk:contractual.resolution#2026-03-29 04:00@team #102 → #C06SOPTEAM1',
      // 105 Silver has no phone support and no CSM: the managers' channel.
      '2026-03-30 08:00 resolution-exceeded:contractual.resolution#2026-03-27 23:00@assignee #107 → @admin:adm-ana',
      '2026-03-30 10:00 phone-upsell:phone #105 → #C06SOPMGR01',
      // 101 stage 2: Mon 23 12:00 + 48 h = Mon 30 15:00. 107 stage 1: 48 h of provider-us from Mon 23 09:00 NY = Mon 30 18:00 NY
      // = Tue 31 00:00 Madrid (summer time in both now): held until 08:00.
      '2026-03-30 15:00 ladder:2~2026-03-16 09:00 #101 → @admin:adm-ana',
      '2026-03-31 08:00 ladder:1~2026-03-23 09:30 #107 → @admin:adm-ana',
      // 105 waiting since Mon 30 10:30: +27 h → Thu 2 10:30; +45 h → Wed 8 10:30 (Good Friday and Easter Monday closed, Sant Crist worked).
      '2026-04-02 10:30 customer-silent:remind~2026-03-30 10:30 #105 → @admin:adm-bob',
      // 103 Bronze consulta, unassigned, opened Thu 2 16:00: internal first response 9 h = 1 h Thu + 8 h on Sant Crist (Tue 7,
      // worked) → 16:00, at risk at 6.75 h → 13:45; the team channel, nobody to DM. Answered Wed 11:00 before the contractual 11:30 at-risk.
      '2026-04-07 13:45 sla-at-risk:internal.firstResponse#2026-04-07 16:00 #103 → #C06SOPTEAM1',
      '2026-04-07 16:00 sla-breached:internal.firstResponse#2026-04-07 16:00 #103 → #C06SOPMGR01',
      // 107 stage 2: Tue 7 18:00 NY (New York works Good Friday and Easter Monday) = Wed 8 00:00 Madrid → 08:00.
      // 104c: Mar Azul's third Media/Urgente evolutivo in April.
      '2026-04-08 08:00 ladder:2~2026-03-23 09:30 #107 → @admin:adm-ana',
      '2026-04-08 10:00 evo-monthly-limit:month #104c → #C06SOPEVO001',
      '2026-04-08 10:30 customer-silent:close~2026-03-30 10:30 #105 → @admin:adm-bob',
      // 101 stage 3: Mon 30 15:00 + 48 h across Easter and Sant Crist → Thu 9 09:00.
      '2026-04-09 09:00 ladder:3~2026-03-16 09:00 #101 → @admin:adm-ana',
];

describe('a scripted fortnight of conversations', () => {
  const until = at('2026-04-10 23:59');

  it('produces exactly the expected alerts, in order, with a worker restart in the middle', () => {
    const office = new VirtualOffice(FORTNIGHT);
    expect(office.run(until, at('2026-04-01 12:00')).map((p) => p.line)).toEqual(EXPECTED);
    // A retried job at any instant found everything already recorded.
    expect(office.redecided).toBe(0);
  });

  it('the restart changes nothing: the same alerts as an uninterrupted run', () => {
    const office = new VirtualOffice(FORTNIGHT);
    expect(office.run(until, null).map((p) => p.line)).toEqual(EXPECTED);
  });

  it('sends every alert once per ticket, target and stage (no duplicate keys, no duplicate deliveries)', () => {
    const posted = new VirtualOffice(FORTNIGHT).run(until, at('2026-04-01 12:00'));
    expect(new Set(posted.map((p) => p.key)).size).toBe(posted.length);
    const deliveries = posted.map((p) => p.line.slice(17));
    expect(new Set(deliveries).size).toBe(deliveries.length);
  });

  it('restarting at any instant of the fortnight gives the same alerts', () => {
    for (const restart of ['2026-03-25 23:30', '2026-03-29 01:30', '2026-03-26 07:59', '2026-04-03 12:00', '2026-04-07 16:00']) {
      expect(new VirtualOffice(FORTNIGHT).run(until, at(restart)).map((p) => p.line)).toEqual(EXPECTED);
    }
  });

  it('every alert links to its Intercom conversation', () => {
    for (const p of new VirtualOffice(FORTNIGHT).run(until, null)) {
      const ticket = /#(\w+) →/.exec(p.line)![1];
      expect(p.blocks).toContain(`/inbox/conversation/${ticket}|Intercom #${ticket}>`);
    }
  });
});
