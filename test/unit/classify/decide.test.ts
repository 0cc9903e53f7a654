import { readPhoneSupport } from '../../../src/app/cli/classify';
import { classify } from '../../../src/domain/classify/classify';
import { classifyInputFromOpened, classifyInputFromTicket } from '../../../src/domain/classify/classify-input';
import { classifiedEvent, decideClassification } from '../../../src/domain/classify/decide';
import { classificationRouting } from '../../../src/domain/classify/routing';
import { phoneSupportByPlan } from '../../../src/domain/classify/phone-support';
import { DomainEventSchema, type DomainEvent, type EventOf } from '../../../src/domain/events';
import type { Intent } from '../../../src/domain/intents';
import { foldTicket } from '../../../src/domain/ticket';
import { loadTextCatalog } from '../../../src/templates/load-text';
import type { Plan } from '../../../src/domain/vocabulary';
import { shippedRules } from './rules-fixture';

const { config, compiled } = shippedRules();
const texts = loadTextCatalog();
const T = '215470001234567';
const AT = Date.parse('2026-01-14T09:41:00+01:00');

function opened(body: string, opts: { plan?: Plan; tags?: string[]; name?: string; subject?: string } = {}): EventOf<'ConversationOpened'> {
  return DomainEventSchema.parse({
    kind: 'ConversationOpened', id: 'open', ticketId: T, at: AT, source: 'intercom', subject: opts.subject ?? null, body,
    customer: { contactId: 'ct1', name: opts.name ?? 'Marta Quintana' },
    company: { id: 'co1', plan: opts.plan ?? 'Gold', tags: opts.tags ?? [], hosting: 'saas' },
  }) as EventOf<'ConversationOpened'>;
}

/** The ticket after the bot classified its first message, as the worker would fold it. */
function classifiedTicket(body: string, opts: Parameters<typeof opened>[1] = {}, extra: DomainEvent[] = []) {
  const open = opened(body, opts);
  const classification = classify(classifyInputFromOpened(open), compiled);
  const events = [open, DomainEventSchema.parse(classifiedEvent(T, AT + 1000, classification)), ...extra];
  return foldTicket(T, events);
}

const decide = (ticket: ReturnType<typeof classifiedTicket>) => decideClassification(ticket, { texts, tags: config.tags });
const byKey = (intents: Intent[], key: string) => intents.find((i) => i.key === key);
const noteHtml = (intents: Intent[], what: string) => {
  const i = intents.filter((x) => x.kind === 'intercom.note').find((x) => x.key.includes(`:${what}`));
  return i && i.kind === 'intercom.note' ? i.html : undefined;
};

describe('decisions from a classification', () => {
  it('tags an incident with its type, priority and KA, and drafts "we are looking into it"', () => {
    const ticket = classifiedTicket('Desde esta mañana nadie puede comprar: el checkout da error al pagar.', { tags: ['KA'] });
    const intents = decide(ticket);
    expect(byKey(intents, `classify:tag:${T}:incidencia:Muy Alta`)).toEqual({
      kind: 'intercom.tag', key: `classify:tag:${T}:incidencia:Muy Alta`, ticketId: T, tags: ['incidencia', 'prioridad-muy-alta', 'KA'],
    });
    const html = noteHtml(intents, 'standard:incidencia');
    expect(html).toContain('Buenos días, Marta Quintana:');
    expect(html).toContain('ya la estamos revisando');
    expect(html).toContain('priority.muy-alta.cannot-buy («nadie puede comprar»)');
  });

  it('drafts "pending estimate" for an evolutivo, in English for an English message, and routes it to EVO', () => {
    const ticket = classifiedTicket('Hi, we would like a gift card feature on the shop. Please send us a quote. No rush.', { name: 'Kevin' });
    const intents = decide(ticket);
    expect(byKey(intents, `classify:tag:${T}:evolutivo:Baja`)).toMatchObject({ tags: ['evolutivo', 'criticidad-baja'] });
    const html = noteHtml(intents, 'standard:evolutivo');
    expect(html).toContain('Dear Kevin,');
    expect(html).toContain('prepare an estimate');
    expect(html).toContain('routed to the EVO team');
    expect(classificationRouting(ticket.classification!).routeToEvo).toBe(true);
  });

  it('for a consulta, drafts the answer from documentation and suggests a help article', () => {
    const intents = decide(classifiedTicket('¿Cómo puedo cambiar el horario que sale en el pie de la tienda?'));
    const html = noteHtml(intents, 'standard:consulta');
    expect(html).toContain('artículo de ayuda');
    expect(html).toContain('Gracias por su consulta');
  });

  it('suggests splitting a multi-topic message', () => {
    const intents = decide(classifiedTicket('Dos dudas que no tienen que ver: ¿cómo se ordena una categoría? Y por otro lado, ¿se puede ocultar un producto?'));
    expect(noteHtml(intents, 'split')).toContain('dividirlo en una conversación por tema');
  });

  it('asks for missing information: description, steps before the problem, screenshots, scope', () => {
    const intents = decide(classifiedTicket('Hola, la web va mal. ¿Lo podéis mirar?'));
    const html = noteHtml(intents, 'missing-info')!;
    for (const part of ['descripción detallada', 'pasos que siguió', 'Capturas de pantalla', 'checkout', 'ERP', 'visual']) expect(html).toContain(part);
  });

  it('answers an out-of-scope request with the standard reply instead of the consulta draft', () => {
    const intents = decide(classifiedTicket('La fibra de la oficina va fatal, ¿nos recomendáis otro operador de internet?'));
    expect(noteHtml(intents, 'out-of-scope')).toContain('fuera del alcance de nuestro servicio de soporte');
    expect(noteHtml(intents, 'standard:consulta')).toBeUndefined();
  });

  it('writes to customers in the formal register (usted, first person plural)', () => {
    for (const key of ['incidencia', 'evolutivo', 'consulta', 'split', 'missing-info', 'out-of-scope']) {
      const text = texts.es[`standard.${key}`];
      expect(text).toMatch(/\b(hemos|vamos|le|su|podría|necesitaremos|lamentamos|estaremos|quedamos)\b/i);
      expect(text).not.toMatch(/\b(tú|tu|te|vosotros|podéis|tienes)\b/i);
    }
  });

  it('flags low confidence in the note so the agent decides', () => {
    const intents = decide(classifiedTicket('Hola, buenos días.'));
    expect(noteHtml(intents, 'standard')).toContain('Confianza baja');
  });

  it('escapes the customer\'s text in note HTML', () => {
    const intents = decide(classifiedTicket('¿Cómo se configura <script>alert(1)</script>?', { name: '<b>Ana</b>' }));
    const html = noteHtml(intents, 'standard')!;
    expect(html).not.toContain('<b>Ana</b>');
    expect(html).toContain('&lt;b&gt;Ana&lt;/b&gt;');
  });

  it('uses deterministic keys: deciding twice gives the same intents', () => {
    const ticket = classifiedTicket('El formulario de contacto falla desde ayer. ¿Me podéis llamar?');
    expect(decide(ticket)).toEqual(decide(ticket));
    expect(decide(ticket).map((i) => i.key)).toEqual([`classify:tag:${T}:incidencia:Media`, `classify:note:${T}:standard:incidencia`]);
  });

  it("follows an agent's reclassification: new tags and the new type's draft, no bot flag notes", () => {
    const reclassified = DomainEventSchema.parse({
      kind: 'Reclassified', id: 'rc1', ticketId: T, at: AT + 60_000, source: 'slack', by: 'U123', type: 'evolutivo', priority: 'Media', reason: 'it is a new feature',
    });
    const ticket = classifiedTicket('Hola, la web va mal. ¿Lo podéis mirar?', {}, [reclassified]);
    expect(ticket.reclassifiedBy).toBe('U123');
    const intents = decide(ticket);
    expect(intents.map((i) => i.key)).toEqual([`classify:tag:${T}:evolutivo:Media`, `classify:note:${T}:standard:evolutivo`]);
    expect(byKey(intents, `classify:tag:${T}:evolutivo:Media`)).toMatchObject({ tags: ['evolutivo', 'criticidad-media'] });
  });

  it('decides nothing before the ticket is classified', () => {
    expect(decideClassification(foldTicket(T, [opened('hola')]), { texts, tags: config.tags })).toEqual([]);
  });

  it('builds the Classified event with a deterministic id', () => {
    const c = classify(classifyInputFromOpened(opened('hola')), compiled);
    expect(classifiedEvent(T, AT, c)).toMatchObject({ kind: 'Classified', id: `classify:${T}`, source: 'bot' });
  });
});

describe('routing facts for the escalation decisions', () => {
  it('complaint → CSM; phone request from a plan without phone support → upsell', () => {
    const ticket = classifiedTicket('Estoy muy descontento, es la tercera vez que falla el registro desde ayer. Llamadme.', { plan: 'Silver' });
    expect(classificationRouting(ticket.classification!)).toEqual({
      routeToEvo: false, escalateToCsm: true, phoneUpsell: true, phoneCallIncluded: false, keyAccount: false, lowConfidence: false,
    });
  });

  it('a phone request from a plan that includes phone support is not an upsell', () => {
    const ticket = classifiedTicket('¿Me podéis llamar para explicarme cómo se configuran los envíos?', { plan: 'Platinum', tags: ['KA'] });
    expect(classificationRouting(ticket.classification!)).toMatchObject({ phoneUpsell: false, phoneCallIncluded: true, keyAccount: true });
  });
});

describe('classifier input from the domain', () => {
  it('reads the same input from a ConversationOpened event and from the folded ticket', () => {
    const open = opened('¿Cómo se cambia el logo?', { subject: 'Logo', tags: ['KA'], plan: 'Platinum' });
    const fromEvent = classifyInputFromOpened(open);
    expect(fromEvent).toEqual({ subject: 'Logo', body: '¿Cómo se cambia el logo?', language: null, company: { plan: 'Platinum', tags: ['KA'], hosting: 'saas' }, tags: [] });
    expect(classifyInputFromTicket(foldTicket(T, [open]))).toEqual(fromEvent);
  });
});

describe('phone support per plan comes from the plans section', () => {
  it('reads config/plans.yaml (phoneSupport) and overrides the rules fallback', () => {
    const table = readPhoneSupport();
    expect(table).toBeDefined();
    const body = '¿Me podéis llamar para verlo?';
    const input = classifyInputFromOpened(opened(body, { plan: 'Silver' }));
    expect(classify(input, compiled, { phoneSupportByPlan: table }).phoneIncludedInPlan).toBe(table!.Silver);
    expect(classify(input, compiled, { phoneSupportByPlan: { ...table, Silver: !table!.Silver } }).phoneIncludedInPlan).toBe(!table!.Silver);
    expect(phoneSupportByPlan({ Platinum: { phoneSupport: true }, Gold: { phoneSupport: false }, Silver: { phoneSupport: false }, Bronze: { phoneSupport: true } })).toEqual({
      Platinum: true, Gold: false, Silver: false, Bronze: true,
    });
  });
});
