/**
 * `npm run bench:followup`: how fast the follow-up decisions review tickets (the reconciliation
 * sweep's cost), and how long the scripted fortnight takes on the virtual clock.
 * Last line: `followup-bench: <N> ticket reviews/s, fortnight <ms> ms`.
 */
import * as path from 'node:path';
import { loadConfigOrThrow } from '../src/config/load';
import { createCalendars } from '../src/domain/calendar';
import { DomainEventSchema, type DomainEvent } from '../src/domain/events';
import { decideFollowup, FollowupSimulation, followupInputFor } from '../src/domain/followup';
import { foldTicket } from '../src/domain/ticket';
import { loadTextCatalog } from '../src/templates/load-text';
import { FORTNIGHT } from '../test/unit/followup/fortnight';

const { config } = loadConfigOrThrow({ dir: path.resolve(__dirname, '..', 'config') });
const calendars = createCalendars(config.calendars);
const texts = loadTextCatalog();
const plans = ['Platinum', 'Gold', 'Silver', 'Bronze'] as const;
const priorities = ['Muy Alta', 'Alta', 'Media', 'Baja'] as const;

// 1,000 open tickets: opened over two weeks of March 2026, a reply, a customer message, some KA.
const base = Date.UTC(2026, 2, 2, 8, 0);
const tickets = Array.from({ length: 1000 }, (_, n) => {
  const id = `b${n}`;
  const at = base + ((n * 7_919_000) % (14 * 86_400_000));
  const raw = [
    { kind: 'ConversationOpened', company: { id: `c${n % 97}`, plan: plans[n % 4], tags: n % 10 === 0 ? ['KA'] : [] }, assigneeId: `adm${n % 7}` },
    { kind: 'Classified', classification: { type: 'incidencia', priority: priorities[n % 4], evoCriticality: null, confidence: 1, rules: [], flags: { complaint: false, keyAccount: false, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false } } },
    { kind: 'SupportReplied', adminId: `adm${n % 7}` },
    { kind: 'CustomerMessaged' },
  ];
  const events: DomainEvent[] = raw.map((e, i) => DomainEventSchema.parse({ ...e, id: `${id}-${i}`, ticketId: id, at: at + i * 1_800_000, source: 'intercom' }));
  return { id, events, ticket: foldTicket(id, events) };
});

const now = Date.UTC(2026, 2, 20, 10, 0);
let intents = 0;
const start = process.hrtime.bigint();
const rounds = 5;
for (let r = 0; r < rounds; r++) {
  for (const t of tickets) intents += decideFollowup(followupInputFor({ ticket: t.ticket, events: t.events, now, config, calendars, texts })).intents.length;
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
const perSec = Math.round((rounds * tickets.length) / secs);
console.log(`reviewed ${rounds * tickets.length} tickets in ${secs.toFixed(2)} s (${intents} intents)`);

const t0 = process.hrtime.bigint();
const posted = new FollowupSimulation(FORTNIGHT, { config, calendars, texts }).run(Date.UTC(2026, 3, 10, 22, 0), Date.UTC(2026, 3, 1, 10, 0));
const fortnightMs = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`fortnight: ${posted.length} alerts`);
console.log(`followup-bench: ${perSec} ticket reviews/s, fortnight ${fortnightMs.toFixed(0)} ms`);
