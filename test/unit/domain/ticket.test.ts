import { DomainEventSchema, type DistributiveOmit, type DomainEvent, type DomainEventInput } from '../../../src/domain/events';
import { foldTicket } from '../../../src/domain/ticket';

const T = '215470001234567';
const at = (iso: string) => Date.parse(iso);
const ev = (e: DistributiveOmit<DomainEventInput, 'ticketId' | 'source'> & { source?: DomainEventInput['source'] }): DomainEvent =>
  DomainEventSchema.parse({ ticketId: T, source: 'intercom', ...e });

const opened = ev({
  id: 'open', kind: 'ConversationOpened', at: at('2026-01-14T09:41:00+01:00'), body: 'Bizum falla',
  company: { id: 'c1', name: 'Calzados Ribera', plan: 'Platinum', tags: ['KA'], hosting: 'saas' },
});
const reply = ev({ id: 'r1', kind: 'SupportReplied', at: at('2026-01-14T09:50:00+01:00'), adminId: '7012345' });
const customer = ev({ id: 'c1', kind: 'CustomerMessaged', at: at('2026-01-14T10:10:00+01:00') });

describe('the ticket is a fold of its events', () => {
  it('records the first public support reply and marks a KA company', () => {
    const t = foldTicket(T, [opened, reply]);
    expect(t.opened).toBe(true);
    expect(t.firstPublicReplyAt).toBe(reply.at);
    expect(t.keyAccount).toBe(true);
    expect(t.company?.plan).toBe('Platinum');
  });

  it('tolerates a reply that arrives before its conversation was created', () => {
    const inOrder = foldTicket(T, [opened, reply, customer]);
    const shuffled = foldTicket(T, [customer, reply, opened]);
    expect(shuffled).toEqual(inOrder);
  });

  it('applies a duplicate delivery once', () => {
    const once = foldTicket(T, [opened, reply]);
    const thrice = foldTicket(T, [opened, reply, reply, reply]);
    expect(thrice).toEqual(once);
    expect(thrice.exchanges).toBe(1);
  });

  it("keeps an agent's reclassification over a later classification by the bot", () => {
    const t = foldTicket(T, [
      opened,
      ev({ id: 'rc', kind: 'Reclassified', source: 'slack', at: at('2026-01-14T09:45:00+01:00'), by: 'U1', type: 'incidencia', priority: 'Muy Alta' }),
      ev({
        id: 'cl', kind: 'Classified', source: 'bot', at: at('2026-01-14T09:46:00+01:00'),
        classification: {
          type: 'consulta', priority: null, evoCriticality: null, confidence: 0.4, rules: [],
          flags: { complaint: false, keyAccount: true, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false },
        },
      }),
    ]);
    expect(t.type).toBe('incidencia');
    expect(t.priority).toBe('Muy Alta');
    expect(t.reclassifiedBy).toBe('U1');
  });

  it('a customer message ends waiting on the customer', () => {
    const t = foldTicket(T, [opened, reply, ev({ id: 'w', kind: 'WaitingOnCustomer', at: reply.at + 1 }), customer]);
    expect(t.status).toBe('open');
  });

  it('a customer writing to a closed conversation reopens it, as Intercom does', () => {
    const closed = ev({ id: 'x', kind: 'Closed', at: reply.at + 1 });
    expect(foldTicket(T, [opened, reply, closed]).status).toBe('closed');
    const t = foldTicket(T, [opened, reply, closed, customer]);
    expect(t.status).toBe('open');
    expect(t.closedAt).toBeNull();
  });
});
