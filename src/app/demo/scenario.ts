import { DateTime } from 'luxon';
import { AGENTS, CONTACTS } from './cast';
import type { DemoContact } from './fakes/fake-intercom';
import type { IntercomTopicName, PartInput } from './webhooks';

/** Local (Europe/Madrid) wall-clock time → epoch ms. */
export function madrid(local: string): number {
  return DateTime.fromISO(local, { zone: 'Europe/Madrid' }).toMillis();
}

/** A conversation of the scripted fortnight. */
export interface DemoConversation {
  id: string;
  contact: DemoContact;
  language: 'es' | 'en';
  subject: string;
  body: string;
  /** What the scenario wants to show with it. */
  story: string;
}

type Agent = (typeof AGENTS)[keyof typeof AGENTS];

export type Step =
  | {
      at: number;
      kind: 'intercom';
      conv: DemoConversation;
      topic: IntercomTopicName;
      part?: PartInput;
      state?: 'open' | 'closed' | 'snoozed';
      assigneeId?: string | null;
      snoozedUntil?: number | null;
      rating?: { rating: number; remark: string | null; adminId: string; at: number };
      label: string;
    }
  | { at: number; kind: 'slack-bug'; conv: DemoConversation; reporter: Agent; template: string; fields: Record<string, string>; label: string }
  | { at: number; kind: 'jira-transition'; conv: DemoConversation; to: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' }; label: string }
  | { at: number; kind: 'narrate'; label: string };

const conv = (n: number, contact: DemoContact, language: 'es' | 'en', subject: string, body: string, story: string): DemoConversation => ({
  id: `2154700010${String(n).padStart(5, '0')}`,
  contact,
  language,
  subject,
  body: `<p>${body}</p>`,
  story,
});

export const CONVERSATIONS = {
  bizum: conv(1, CONTACTS.marta, 'es', 'Bizum falla en el checkout', 'Hola, desde esta mañana el pago con Bizum en el checkout devuelve un error 500 y los clientes no pueden terminar la compra. ¿Podéis revisarlo urgentemente?', 'KA customer, Muy Alta (nobody can pay): bug filed from Slack, Jira status comes back'),
  shipping: conv(2, CONTACTS.james, 'en', 'Shipping rules per region', 'Hi, how do I configure different shipping rates for the Canary Islands? I could not find it in the settings.', 'an English consulta answered in minutes'),
  complaint: conv(3, CONTACTS.jordi, 'es', 'Facturas en PDF', 'Estoy muy descontento: es la tercera vez este mes que las facturas en PDF salen sin el NIF del cliente. Esto es inaceptable y nos está causando problemas con nuestros clientes.', 'a key-account complaint: escalated to the CSM at once'),
  erp: conv(4, CONTACTS.ana, 'es', 'Integración con nuestro ERP', 'Queremos una integración nueva con nuestro ERP (Sage 200) para sincronizar stock y pedidos. ¿Nos podéis pasar presupuesto?', 'an evolutivo: pending estimate, snoozed'),
  sync: conv(5, CONTACTS.priya, 'en', 'ERP sync failing since update', 'Since yesterday the nightly ERP sync fails with a timeout and orders are not exported. This is seriously affecting our operations.', 'an Alta incident nobody follows up: the ladder escalates'),
  down: conv(6, CONTACTS.rosa, 'es', 'La tienda no carga', 'Urgente: la tienda no carga, los clientes ven un error 503 y no pueden comprar nada.', 'Muy Alta on a Saturday: natural hours, the SLA is breached before Monday'),
  roles: conv(7, CONTACTS.james, 'en', 'User roles', 'Hello, can a warehouse user see orders but not prices? Which role should I give them?', 'a consulta, rated 4'),
  vat: conv(8, CONTACTS.marta, 'es', 'IVA incorrecto en el carrito', 'El carrito calcula mal el IVA para los productos con recargo de equivalencia: el total sale más alto de lo que debería.', 'a key-account incident: flagged to managers'),
  export: conv(9, CONTACTS.jordi, 'es', 'Exportar pedidos', '¿Cómo exporto los pedidos del mes a Excel?', 'a consulta, rated 3 (counts against CSAT)'),
  payments: conv(10, CONTACTS.priya, 'en', 'New payment provider', 'We need an integration with Adyen for our US store before Black Friday. This is urgent for us.', 'an urgent evolutivo'),
  translation: conv(11, CONTACTS.rosa, 'es', 'Traducción incorrecta', 'En la ficha de producto en inglés pone "Añadir a la cesta" en vez de "Add to basket".', 'a Baja incident closed the same morning'),
  form: conv(12, CONTACTS.ana, 'es', 'Formulario de contacto', 'El formulario de contacto no envía los mensajes, se queda cargando.', 'a Media incident left open on Friday afternoon'),
};

const customer = (c: DemoConversation) => ({ type: 'user' as const, id: c.contact.id, name: c.contact.name, email: c.contact.email });
const admin = (a: Agent) => ({ type: 'admin' as const, id: a.intercomId, name: a.name, email: a.email });

function open(at: string, c: DemoConversation): Step {
  return { at: madrid(at), kind: 'intercom', conv: c, topic: 'conversation.user.created', label: `${c.contact.name} writes: “${c.subject}”` };
}
function assign(at: string, c: DemoConversation, a: Agent): Step {
  return { at: madrid(at), kind: 'intercom', conv: c, topic: 'conversation.admin.assigned', assigneeId: a.intercomId, part: { partType: 'assignment', author: admin(a), assignedTo: a.intercomId }, label: `assigned to ${a.name}` };
}
function reply(at: string, c: DemoConversation, a: Agent, body: string): Step {
  return { at: madrid(at), kind: 'intercom', conv: c, topic: 'conversation.admin.replied', assigneeId: a.intercomId, part: { partType: 'comment', author: admin(a), body: `<p>${body}</p>` }, label: `${a.name} replies` };
}
function customerReply(at: string, c: DemoConversation, body: string): Step {
  return { at: madrid(at), kind: 'intercom', conv: c, topic: 'conversation.user.replied', part: { partType: 'comment', author: customer(c), body: `<p>${body}</p>` }, label: `${c.contact.name} answers` };
}
function snooze(at: string, c: DemoConversation, a: Agent, until: string): Step {
  return { at: madrid(at), kind: 'intercom', conv: c, topic: 'conversation.admin.snoozed', state: 'snoozed', snoozedUntil: madrid(until), part: { partType: 'snoozed', author: admin(a) }, label: `${a.name} snoozes it until ${until.replace('T', ' ')}` };
}
function close(at: string, c: DemoConversation, a: Agent, rating?: { rating: number; remark?: string; afterMinutes?: number }): Step {
  const closedAt = madrid(at);
  return {
    at: closedAt,
    kind: 'intercom',
    conv: c,
    topic: 'conversation.admin.closed',
    state: 'closed',
    assigneeId: a.intercomId,
    part: { partType: 'close', author: admin(a) },
    ...(rating ? { rating: { rating: rating.rating, remark: rating.remark ?? null, adminId: a.intercomId, at: closedAt + (rating.afterMinutes ?? 10) * 60_000 } } : {}),
    label: `${a.name} closes it${rating ? ` (rated ${rating.rating}/5)` : ''}`,
  };
}

const { lucia, tom, irene } = AGENTS;
const C = CONVERSATIONS;

/**
 * The scripted fortnight: Monday 9 to Sunday 22 November 2026 (ISO weeks 46 and 47), in the
 * order things happen. Every step goes through a real endpoint: a signed Intercom webhook, a
 * signed Slack request, or a signed Jira webhook after a developer moves the issue.
 */
export function fortnight(): Step[] {
  const steps: Step[] = [
    { at: madrid('2026-11-09T08:00'), kind: 'narrate', label: 'Week 46 begins: Monday 9 November, 08:00 in Madrid.' },
    open('2026-11-09T09:12', C.bizum),
    assign('2026-11-09T09:14', C.bizum, lucia),
    reply('2026-11-09T09:18', C.bizum, lucia, 'Hola Marta, lo estamos revisando ya mismo con el equipo técnico. Le informamos en cuanto tengamos novedades.'),
    {
      at: madrid('2026-11-09T09:25'),
      kind: 'slack-bug',
      conv: C.bizum,
      reporter: lucia,
      template: 'checkout-payments',
      fields: {
        summary: 'Checkout: el pago con Bizum devuelve error 500',
        environment: 'production',
        module: 'Checkout',
        paymentMethod: 'bizum',
        orderReference: 'CR-2026-118734',
        happened: 'Al pagar con Bizum el checkout devuelve un error 500 y el pedido no se crea.',
        expected: 'El pago con Bizum se completa y el pedido queda confirmado.',
        steps: 'Añadir un producto al carrito\nIr al checkout\nElegir Bizum\nConfirmar el pago',
        priority: 'Muy Alta',
      },
      label: 'Lucía files the bug from Slack with /bug (template “Checkout y pagos”)',
    },
    open('2026-11-09T11:05', C.shipping),
    assign('2026-11-09T11:06', C.shipping, tom),
    reply('2026-11-09T11:09', C.shipping, tom, 'Hi James, go to Settings → Shipping → Zones, add a zone for the Canary Islands and set its rates. Here is the guide: https://help.example.com/shipping-zones'),
    close('2026-11-09T11:40', C.shipping, tom, { rating: 5, remark: 'Quick and clear, thanks!' }),
    { at: madrid('2026-11-10T10:00'), kind: 'jira-transition', conv: C.bizum, to: { id: '3', name: 'In Progress', category: 'indeterminate' }, label: 'Diego (developer) starts the Jira issue' },
    open('2026-11-10T10:20', C.complaint),
    assign('2026-11-10T10:22', C.complaint, irene),
    reply('2026-11-10T10:50', C.complaint, irene, 'Hola Jordi, lamentamos mucho las molestias. Hemos identificado el problema con el NIF en las facturas y lo estamos corrigiendo.'),
    { at: madrid('2026-11-11T12:00'), kind: 'jira-transition', conv: C.bizum, to: { id: '10001', name: 'Done', category: 'done' }, label: 'Diego resolves the Jira issue: the status comes back to support' },
    reply('2026-11-11T12:20', C.bizum, lucia, 'Hola Marta, el equipo técnico ha corregido el error. ¿Puede confirmarnos que Bizum funciona de nuevo?'),
    customerReply('2026-11-11T12:45', C.bizum, 'Confirmado, ya funciona. ¡Gracias!'),
    close('2026-11-11T13:00', C.bizum, lucia, { rating: 5 }),
    open('2026-11-11T16:40', C.erp),
    assign('2026-11-11T16:45', C.erp, irene),
    reply('2026-11-12T09:10', C.erp, irene, 'Hola Ana, hemos pasado su solicitud al equipo de evolutivos, que le enviará la estimación en T-Points para su aprobación.'),
    snooze('2026-11-12T09:12', C.erp, irene, '2026-11-19T09:00'),
    close('2026-11-12T17:30', C.complaint, irene, { rating: 2, remark: 'Tardaron demasiado en corregirlo.' }),
    open('2026-11-12T09:40', C.sync),
    assign('2026-11-12T09:42', C.sync, tom),
    reply('2026-11-12T10:00', C.sync, tom, 'Hi Priya, we are looking into the ERP sync timeouts and will get back to you.'),
    { at: madrid('2026-11-14T11:00'), kind: 'narrate', label: 'Saturday 14 November: the office is closed.' },
    open('2026-11-14T11:30', C.down),
    { at: madrid('2026-11-16T08:00'), kind: 'narrate', label: 'Week 47 begins: Monday 16 November.' },
    assign('2026-11-16T08:02', C.down, lucia),
    reply('2026-11-16T08:05', C.down, lucia, 'Buenos días Rosa, lamentamos no haberle atendido el sábado. Estamos revisando el error 503 con prioridad máxima.'),
    customerReply('2026-11-16T08:30', C.down, 'La tienda vuelve a cargar desde esta mañana.'),
    close('2026-11-16T09:00', C.down, lucia),
    open('2026-11-16T09:30', C.roles),
    reply('2026-11-16T09:34', C.roles, tom, 'Hi James, give them the “Warehouse” role: it shows orders without prices.'),
    close('2026-11-16T10:00', C.roles, tom, { rating: 4 }),
    open('2026-11-16T12:00', C.vat),
    assign('2026-11-16T12:01', C.vat, lucia),
    reply('2026-11-16T12:06', C.vat, lucia, 'Hola Marta, reproducimos el cálculo del recargo de equivalencia y le decimos algo esta mañana.'),
    close('2026-11-17T11:00', C.vat, lucia, { rating: 5 }),
    open('2026-11-17T10:00', C.export),
    reply('2026-11-17T10:03', C.export, irene, 'Hola Jordi, en Pedidos → Exportar, elija el mes y el formato XLSX.'),
    close('2026-11-17T10:30', C.export, irene, { rating: 3, remark: 'Lo encontré yo antes.' }),
    open('2026-11-18T15:00', C.payments),
    assign('2026-11-18T15:02', C.payments, tom),
    reply('2026-11-18T15:20', C.payments, tom, 'Hi Priya, we have passed the Adyen integration to our change-request team for an estimate.'),
    open('2026-11-19T09:00', C.translation),
    reply('2026-11-19T09:05', C.translation, irene, 'Hola Rosa, corregido: ya aparece “Add to basket”.'),
    close('2026-11-19T11:00', C.translation, irene),
    open('2026-11-20T16:30', C.form),
    assign('2026-11-20T16:31', C.form, irene),
    { at: madrid('2026-11-22T20:00'), kind: 'narrate', label: 'Sunday 22 November, evening: the fortnight ends.' },
  ];
  return steps.sort((a, b) => a.at - b.at);
}
