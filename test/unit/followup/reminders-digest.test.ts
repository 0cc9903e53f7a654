import { buildDigests, type DigestTicket, type SlaTargetView } from '../../../src/domain/followup';
import { at, channels, config, decide, destination, ev, madrid, NO_FLAGS, style, texts, ticketOf } from './support';

function lines(d: ReturnType<typeof decide>): string[] {
  return d.intents.map((i) => `${i.record?.alert}:${i.record?.target} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`);
}

describe('customer silent after support asked for information', () => {
  const T = '4001';
  const events = [
    ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', tags: [] } }),
    ev(T, '2026-10-13 10:00', { kind: 'SupportReplied', adminId: 'adm-ana', body: '¿Nos envía una captura?' }),
    ev(T, '2026-10-13 10:00', { kind: 'WaitingOnCustomer', by: 'adm-ana' }),
  ];

  const C = `~${at('2026-10-13 10:00')}`;

  it('reminds after 27 business hours (Friday 16 at 10:00) and suggests closing with an explicit non-resolution after 45 (Tuesday 20 at 10:00)', () => {
    expect(lines(decide(ticketOf(T, events), at('2026-10-16 09:59')))).toEqual([]);
    expect(lines(decide(ticketOf(T, events), at('2026-10-16 10:00')))).toEqual([`customer-silent:remind${C} → @admin:adm-ana`]);
    const reminded = [...events, ev(T, '2026-10-16 10:00', { kind: 'AlertSent', source: 'bot', alert: 'customer-silent', target: `remind${C}` })];
    expect(lines(decide(ticketOf(T, reminded), at('2026-10-19 16:00')))).toEqual([]);
    const d = decide(ticketOf(T, reminded), at('2026-10-20 10:00'));
    expect(lines(d)).toEqual([`customer-silent:close${C} → @admin:adm-ana`]);
    expect(d.intents[0].kind === 'slack.post' && d.intents[0].text).toContain('explicit non-resolution');
  });

  it('a customer message ends the wait', () => {
    const answered = [...events, ev(T, '2026-10-14 09:00', { kind: 'CustomerMessaged', body: 'adjunto captura' })];
    expect(lines(decide(ticketOf(T, answered), at('2026-10-20 10:00')))).toEqual([]);
  });
});

describe('stale tickets', () => {
  it('a ticket open for 30 days is listed once for the managers', () => {
    const T = '4002';
    const events = [ev(T, '2026-09-14 10:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana' })];
    expect(lines(decide(ticketOf(T, events), at('2026-10-14 09:59'))).filter((l) => l.startsWith('stale'))).toEqual([]);
    expect(lines(decide(ticketOf(T, events), at('2026-10-14 10:00'))).filter((l) => l.startsWith('stale'))).toEqual(['stale-ticket:age → #CMGR']);
  });
});

describe('digests', () => {
  const breached: SlaTargetView = { id: 'contractual.firstResponse', contractual: true, measure: 'firstResponse', state: 'breached', deadline: at('2026-10-15 13:00'), atRiskAt: at('2026-10-15 12:00'), targetMs: 4 * 3_600_000 };
  const atRisk: SlaTargetView = { id: 'internal.resolution', contractual: false, measure: 'resolution', state: 'at-risk', deadline: at('2026-10-16 10:00'), atRiskAt: at('2026-10-16 08:00'), targetMs: 8 * 3_600_000 };
  const mk = (id: string, opened: string, assignee: string | null, plan: 'Gold' | 'Bronze', tags: string[], priority: 'Alta' | 'Media' | 'Baja', sla: SlaTargetView[], reply?: string): DigestTicket => {
    const events = [
      ev(id, opened, { kind: 'ConversationOpened', assigneeId: assignee, company: { id: `c${id}`, name: `Co${id}`, plan, tags } }),
      ev(id, opened, { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority, evoCriticality: null, confidence: 1, rules: [], flags: NO_FLAGS } }),
      ...(reply ? [ev(id, reply, { kind: 'SupportReplied', adminId: assignee })] : []),
    ];
    return { ticket: ticketOf(id, events), sla, calendar: madrid };
  };
  const tickets = [
    mk('501', '2026-10-15 09:00', 'adm-ana', 'Gold', [], 'Media', [breached]),
    mk('502', '2026-10-14 09:00', 'adm-ana', 'Gold', ['KA'], 'Media', [breached]),
    mk('503', '2026-10-13 09:00', 'adm-ana', 'Bronze', [], 'Alta', [breached]),
    mk('504', '2026-10-15 11:00', null, 'Bronze', [], 'Baja', [atRisk]),
    // Replied on Thursday 8 at 14:00: ladder stage 1 due Friday 16 at 17:00 (3+9+0+9·4 h; 12 Oct closed).
    mk('505', '2026-10-08 09:00', 'adm-bob', 'Gold', [], 'Baja', [], '2026-10-08 14:00'),
  ];
  const input = { tickets, now: at('2026-10-16 08:30'), slot: 'morning' as const, config: config.followup, texts, channels, style, officeCalendar: madrid };

  it('one DM per agent and one team post, each list ordered by priority, then KA, then age', () => {
    const intents = buildDigests(input);
    expect(intents.map((i) => `${i.key} → ${i.kind === 'slack.post' ? destination(i.to) : ''}`)).toEqual([
      'digest:2026-10-16:morning:agent:adm-ana → @admin:adm-ana',
      'digest:2026-10-16:morning:agent:adm-bob → @admin:adm-bob',
      'digest:2026-10-16:morning:team → #CTEAM',
    ]);
    const team = intents[2];
    if (team.kind !== 'slack.post') throw new Error('expected a post');
    const breachedSection = team.text.split('\n\n').find((s) => s.startsWith('*🚨 SLA breached*'))!;
    expect(breachedSection.split('\n').slice(1).map((l) => /#(\d+)>/.exec(l)![1])).toEqual(['503', '502', '501']);
    expect(team.text).toContain('*⏳ At risk* (1)');
    expect(team.text).toContain('*🪜 Follow-up due today* (1)');
    expect(team.text).toContain('*⭐ Key accounts open* (1)');
    expect(team.text).toContain('*📥 Unassigned* (1)');
    const bob = intents[1];
    expect(bob.kind === 'slack.post' && bob.text).toContain('1/4 Fri 16/10 17:00');
  });

  it('is not sent on a closed day (12 October) nor outside opening hours', () => {
    expect(buildDigests({ ...input, now: at('2026-10-12 08:30') })).toEqual([]);
    expect(buildDigests({ ...input, now: at('2026-10-17 08:30') })).toEqual([]);
  });
});
