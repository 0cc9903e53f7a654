import type { Classification, DomainEvent } from '../../../src/domain/events';
import { ev, NO_FLAGS } from './support';

type Cls = Partial<Omit<Classification, 'flags'>> & { flags?: Partial<Classification['flags']> };
const classify = (id: string, when: string, c: Cls): DomainEvent =>
  ev(id, when, { kind: 'Classified', source: 'bot', classification: { type: 'consulta', priority: null, evoCriticality: null, confidence: 0.9, rules: [], ...c, flags: { ...NO_FLAGS, ...c.flags } } });

/**
 * A scripted fortnight and a half, Monday 16 March → Friday 10 April 2026, on the default calendar:
 * weekends, the switch to summer time (Sunday 29 March, 02:00 → 03:00), Good Friday (3 April) and
 * Easter Monday (6 April) closed, and Sant Crist d'Igualada (Tuesday 7 April) a holiday worked on
 * purpose. Every type, every plan, a key account, a provider, es and en.
 */
export const FORTNIGHT: DomainEvent[] = [
  // 101 — Gold incidencia Baja answered at once, then nobody writes: the ladder climbs through Easter.
  ev('101', '2026-03-16 08:30', { kind: 'ConversationOpened', body: 'Las reseñas no se muestran', assigneeId: 'adm-ana', language: 'es', company: { id: 'norte', name: 'Norte SL', plan: 'Gold', hosting: 'saas', tags: [] } }),
  classify('101', '2026-03-16 08:30', { type: 'incidencia', priority: 'Baja' }),
  ev('101', '2026-03-16 09:00', { kind: 'SupportReplied', adminId: 'adm-ana', body: 'Lo estamos revisando' }),

  // 106 — Gold consulta: six back-and-forths on Tuesday 24 March, closed the next day at noon.
  ev('106', '2026-03-24 09:00', { kind: 'ConversationOpened', body: 'How do I export orders?', assigneeId: 'adm-bob', language: 'en', company: { id: 'brisa', name: 'Hotel Brisa', plan: 'Gold', hosting: 'saas', tags: [] } }),
  classify('106', '2026-03-24 09:00', { type: 'consulta' }),
  ...[0, 1, 2, 3, 4, 5].flatMap((n) => [
    ...(n > 0 ? [ev('106', `2026-03-24 ${String(9 + n).padStart(2, '0')}:00`, { kind: 'CustomerMessaged', body: 'still not working' })] : []),
    ev('106', `2026-03-24 ${String(9 + n).padStart(2, '0')}:20`, { kind: 'SupportReplied', adminId: 'adm-bob', body: 'try this' }),
  ]),
  ev('106', '2026-03-24 15:00', { kind: 'CustomerMessaged', body: 'nope' }),
  ev('106', '2026-03-24 15:20', { kind: 'SupportReplied', adminId: 'adm-bob', body: 'let us call you' }),
  ev('106', '2026-03-25 12:00', { kind: 'Closed', adminId: 'adm-bob' }),

  // 107 — Gold incidencia Media handed to the New York provider: the provider's SLA and calendar
  // apply from the hand-over, the ladder stays ours (on the provider's clock); late-evening alerts
  // hold their DMs until our next opening.
  ev('107', '2026-03-23 09:00', { kind: 'ConversationOpened', body: 'Envíos sin etiqueta', assigneeId: 'adm-ana', company: { id: 'este', name: 'Logística Este', plan: 'Gold', tags: [] } }),
  classify('107', '2026-03-23 09:00', { type: 'incidencia', priority: 'Media' }),
  ev('107', '2026-03-23 09:30', { kind: 'SupportReplied', adminId: 'adm-ana', body: 'Lo pasamos al proveedor' }),
  ev('107', '2026-03-23 10:00', { kind: 'WaitingOnProvider', provider: 'provider-us', by: 'adm-ana' }),

  // 102 — Platinum key account, a complaint, Muy Alta on Saturday night across the DST switch.
  ev('102', '2026-03-28 23:00', { kind: 'ConversationOpened', body: 'NO PODEMOS VENDER, es inaceptable', assigneeId: 'adm-ana', language: 'es', company: { id: 'sol', name: 'Grupo Sol', plan: 'Platinum', hosting: 'saas', tags: ['KA'], csm: 'UCSMSOL01' } }),
  classify('102', '2026-03-28 23:00', { type: 'incidencia', priority: 'Muy Alta', flags: { complaint: true, keyAccount: true } }),
  ev('102', '2026-03-28 23:50', { kind: 'SupportReplied', adminId: 'adm-ana', body: 'Estamos en ello' }),
  ev('102', '2026-03-29 03:30', { kind: 'Closed', adminId: 'adm-ana' }),

  // 105 — Silver consulta asking for a phone call (Silver has no phone); we ask for information and wait.
  ev('105', '2026-03-30 10:00', { kind: 'ConversationOpened', body: '¿Me pueden llamar?', assigneeId: 'adm-bob', language: 'es', company: { id: 'roca', name: 'Ferretería Roca', plan: 'Silver', hosting: 'self-hosted', tags: [] } }),
  classify('105', '2026-03-30 10:00', { type: 'consulta', flags: { phoneRequest: true } }),
  ev('105', '2026-03-30 10:30', { kind: 'SupportReplied', adminId: 'adm-bob', body: '¿Nos indica la versión?' }),
  ev('105', '2026-03-30 10:30', { kind: 'WaitingOnCustomer', by: 'adm-bob' }),

  // 104 — Mar Azul (Silver) asks for three Media/Urgente evolutivos in April: the third warns EVO.
  ev('104a', '2026-04-01 09:00', { kind: 'ConversationOpened', body: 'Nuevo campo en la ficha', assigneeId: 'adm-eva', company: { id: 'marazul', name: 'Mar Azul', plan: 'Silver', tags: [] } }),
  classify('104a', '2026-04-01 09:00', { type: 'evolutivo', evoCriticality: 'Media' }),
  ev('104a', '2026-04-01 09:30', { kind: 'SupportReplied', adminId: 'adm-eva', body: 'Pendiente de estimación' }),
  ev('104a', '2026-04-01 09:45', { kind: 'Closed', adminId: 'adm-eva' }),
  ev('104b', '2026-04-02 09:00', { kind: 'ConversationOpened', body: 'Integración con su ERP', assigneeId: 'adm-eva', company: { id: 'marazul', name: 'Mar Azul', plan: 'Silver', tags: [] } }),
  classify('104b', '2026-04-02 09:00', { type: 'evolutivo', evoCriticality: 'Urgente' }),
  ev('104b', '2026-04-02 09:30', { kind: 'SupportReplied', adminId: 'adm-eva', body: 'Pendiente de estimación' }),
  ev('104b', '2026-04-02 09:45', { kind: 'Closed', adminId: 'adm-eva' }),
  ev('104c', '2026-04-08 10:00', { kind: 'ConversationOpened', body: 'Rediseño de la portada', assigneeId: 'adm-eva', company: { id: 'marazul', name: 'Mar Azul', plan: 'Silver', tags: [] } }),
  classify('104c', '2026-04-08 10:00', { type: 'evolutivo', evoCriticality: 'Media' }),
  ev('104c', '2026-04-08 10:15', { kind: 'SupportReplied', adminId: 'adm-eva', body: 'Pendiente de estimación' }),
  ev('104c', '2026-04-08 10:30', { kind: 'Closed', adminId: 'adm-eva' }),

  // 103 — Bronze consulta, unassigned, on Thursday afternoon before Easter: Good Friday and Easter
  // Monday are closed, Sant Crist (Tuesday 7) is worked; Bob picks it up on Wednesday.
  ev('103', '2026-04-02 16:00', { kind: 'ConversationOpened', body: 'How do I add a coupon?', assigneeId: null, language: 'en', company: { id: 'perez', name: 'Pérez Hnos', plan: 'Bronze', tags: [] } }),
  classify('103', '2026-04-02 16:00', { type: 'consulta' }),
  ev('103', '2026-04-08 10:50', { kind: 'Assigned', adminId: 'adm-bob' }),
  ev('103', '2026-04-08 11:00', { kind: 'SupportReplied', adminId: 'adm-bob', body: 'Here is how' }),
  ev('103', '2026-04-08 11:30', { kind: 'Closed', adminId: 'adm-bob' }),
];
