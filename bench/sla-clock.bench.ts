/**
 * `npm run bench:sla-clock`: how fast the SLA clock evaluates a ticket (every target, the time
 * split), over random histories of 2–16 events (replies, notes, waiting, customer messages,
 * closing and reopening, reclassification, a hand-over) on the shipped configuration; fixed seed.
 * The last line: `sla-clock-bench: <N> reports/s, <E> events per ticket on average`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { CalendarsConfigSchema } from '../src/config/calendar.schema';
import { DEFAULT_CONFIG_DIR } from '../src/config/load';
import { PlansConfigSchema } from '../src/config/plans.schema';
import { SlaConfigSchema } from '../src/config/sla.schema';
import { createCalendars } from '../src/domain/calendar';
import { DomainEventSchema, type DomainEvent } from '../src/domain/events';
import { computeSlaClocks } from '../src/domain/sla';
import { prng } from './prng';

const SEED = 20260703;
const TICKETS = 2_000;
const ROUNDS = Number(process.env.SLA_CLOCK_BENCH_ROUNDS ?? 10);
const MINUTE = 60_000;

const read = (name: string) => YAML.parse(fs.readFileSync(path.join(DEFAULT_CONFIG_DIR, `${name}.yaml`), 'utf8'));
const config = { sla: SlaConfigSchema.parse(read('sla')), plans: PlansConfigSchema.parse(read('plans')) };
const calendars = createCalendars(CalendarsConfigSchema.parse(read('calendars')));

const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN = Date.parse('2027-12-01T00:00:00Z') - START;

function history(n: number): { events: DomainEvent[]; now: number } {
  const base = START + Math.floor((rnd() * SPAN) / MINUTE) * MINUTE;
  const id = `t${n}`;
  let k = 0;
  const ev = (at: number, body: Record<string, unknown>) => DomainEventSchema.parse({ id: `${id}-${k++}`, ticketId: id, source: 'intercom', at, ...body });
  const events = [
    ev(base, { kind: 'ConversationOpened', company: { id: 'c', plan: pick(['Platinum', 'Gold', 'Silver', 'Bronze']), hosting: pick(['saas', 'self-hosted']), tags: rnd() < 0.1 ? ['KA'] : [] } }),
    ev(base, { kind: 'Reclassified', by: 'a', type: 'incidencia', priority: pick(['Muy Alta', 'Alta', 'Media', 'Baja']) }),
  ];
  let t = base;
  const steps = Math.floor(rnd() * 15);
  for (let i = 0; i < steps; i++) {
    t += Math.floor(rnd() * 600) * MINUTE;
    const kind = pick(['reply', 'note', 'wait', 'customer', 'customer', 'close', 'reopen', 'reclassify', 'provider']);
    if (kind === 'reply') events.push(ev(t, { kind: 'SupportReplied', adminId: 'a' }));
    else if (kind === 'note') events.push(ev(t, { kind: 'NoteAdded', adminId: 'a' }));
    else if (kind === 'wait') events.push(ev(t, { kind: 'WaitingOnCustomer', by: 'a' }));
    else if (kind === 'customer') events.push(ev(t, { kind: 'CustomerMessaged' }));
    else if (kind === 'close') events.push(ev(t, { kind: 'Closed', adminId: 'a' }));
    else if (kind === 'reopen') events.push(ev(t, { kind: 'Reopened' }));
    else if (kind === 'provider') events.push(ev(t, { kind: 'WaitingOnProvider', provider: 'provider-us', by: 'a' }));
    else events.push(ev(t, { kind: 'Reclassified', by: 'a', type: 'incidencia', priority: pick(['Alta', 'Media']) }));
  }
  return { events, now: t + Math.floor(rnd() * 3000) * MINUTE };
}

const cases = Array.from({ length: TICKETS }, (_, i) => history(i));
const avgEvents = cases.reduce((s, c) => s + c.events.length, 0) / cases.length;
let checksum = 0;
for (const c of cases.slice(0, 200)) checksum += computeSlaClocks({ events: c.events, now: c.now, config, calendars }).clocks.length; // warm-up
const started = process.hrtime.bigint();
for (let r = 0; r < ROUNDS; r++) {
  for (const c of cases) checksum += computeSlaClocks({ events: c.events, now: c.now, config, calendars }).clocks.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const perSecond = Math.round((ROUNDS * TICKETS) / seconds);
console.log(`${ROUNDS * TICKETS} reports in ${seconds.toFixed(2)} s (checksum ${checksum})`);
console.log(`sla-clock-bench: ${perSecond} reports/s, ${avgEvents.toFixed(1)} events per ticket on average`);
