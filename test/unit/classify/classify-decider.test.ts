import type { Config } from '../../../src/config/schema';
import { DomainEventSchema, type DomainEvent } from '../../../src/domain/events';
import type { Intent } from '../../../src/domain/intents';
import { foldTicket } from '../../../src/domain/ticket';
import { createClassifyDecider } from '../../../src/jobs/events/classify-decider';
import { loadTextCatalog } from '../../../src/templates/load-text';
import { shippedRules } from './rules-fixture';

const T = '215470009999';
const AT = Date.parse('2026-01-14T09:41:00+01:00');
const NOW = AT + 5_000;
const config = {
  rules: shippedRules().config,
  plans: { Platinum: { phoneSupport: true }, Gold: { phoneSupport: true }, Silver: { phoneSupport: false }, Bronze: { phoneSupport: false } },
} as unknown as Config;
const texts = loadTextCatalog();
const decider = createClassifyDecider(() => texts);

const opened = DomainEventSchema.parse({
  kind: 'ConversationOpened', id: 'open', ticketId: T, at: AT, source: 'intercom', subject: 'Web caída',
  body: 'La tienda no carga desde las 9, nadie puede comprar. ¿Me podéis llamar?',
  customer: { contactId: 'ct1', name: 'Marta' },
  company: { id: 'co1', plan: 'Silver', tags: ['KA'], hosting: 'saas' },
});

async function run(events: DomainEvent[], newEvents: DomainEvent[]): Promise<Intent[]> {
  return decider({ ticket: foldTicket(T, events), newEvents, now: NOW, config });
}

describe('the rules engine in the worker', () => {
  it('classifies a newly opened conversation once, as a Classified event to append', async () => {
    const intents = await run([opened], [opened]);
    expect(intents).toHaveLength(1);
    const append = intents[0];
    if (append.kind !== 'ticket.append') throw new Error('expected ticket.append');
    expect(append.key).toBe(`classify:${T}`);
    const event = DomainEventSchema.parse(append.events[0]);
    expect(event).toMatchObject({ kind: 'Classified', id: `classify:${T}`, at: NOW, source: 'bot' });
    if (event.kind !== 'Classified') throw new Error('expected Classified');
    expect(event.classification).toMatchObject({ type: 'incidencia', priority: 'Muy Alta', phoneIncludedInPlan: false });
    expect(event.classification.flags).toMatchObject({ keyAccount: true, phoneRequest: true });
  });

  it('then tags the conversation and drafts the notes, once the Classified event is stored', async () => {
    const [append] = await run([opened], [opened]);
    if (append.kind !== 'ticket.append') throw new Error('expected ticket.append');
    const classified = DomainEventSchema.parse(append.events[0]);
    const intents = await run([opened, classified], [classified]);
    expect(intents.map((i) => i.kind)).toEqual(['intercom.tag', 'intercom.note']);
    expect(intents[0]).toMatchObject({ tags: ['incidencia', 'prioridad-muy-alta', 'KA'] });
  });

  it('does nothing on later events of a classified ticket', async () => {
    const [append] = await run([opened], [opened]);
    if (append.kind !== 'ticket.append') throw new Error('expected ticket.append');
    const classified = DomainEventSchema.parse(append.events[0]);
    const reply = DomainEventSchema.parse({ kind: 'SupportReplied', id: 'r1', ticketId: T, at: NOW + 1000, source: 'intercom', adminId: '1' });
    expect(await run([opened, classified, reply], [reply])).toEqual([]);
  });

  it('waits for the ConversationOpened event', async () => {
    const reply = DomainEventSchema.parse({ kind: 'SupportReplied', id: 'r1', ticketId: T, at: NOW, source: 'intercom', adminId: '1' });
    expect(await run([reply], [reply])).toEqual([]);
  });
});
