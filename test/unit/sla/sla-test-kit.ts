import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { DateTime } from 'luxon';
import { CalendarsConfigSchema } from '../../../src/config/calendar.schema';
import { PlansConfigSchema } from '../../../src/config/plans.schema';
import { SlaConfigSchema, type SlaConfig } from '../../../src/config/sla.schema';
import { createCalendars } from '../../../src/domain/calendar';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../../../src/domain/events';
import { computeSlaClocks, type SlaClock, type SlaReport, type SlaSettings } from '../../../src/domain/sla';
import type { Hosting, IncidentPriority, Plan, TicketType, EvoCriticality } from '../../../src/domain/vocabulary';

/** Test kit for the SLA clock: the shipped configuration, and a ticket's history told event by event. */

export const ROOT = path.resolve(__dirname, '../../..');

function readSection(name: string): unknown {
  return YAML.parse(fs.readFileSync(path.join(ROOT, 'config', `${name}.yaml`), 'utf8'));
}

/** The shipped `sla` and `plans` sections, with optional changes to `sla`. */
export function settings(slaChanges: Partial<SlaConfig> = {}): SlaSettings {
  const sla = SlaConfigSchema.parse(readSection('sla'));
  return { sla: { ...sla, ...slaChanges }, plans: PlansConfigSchema.parse(readSection('plans')) };
}

export const calendars = createCalendars(CalendarsConfigSchema.parse(readSection('calendars')));

/** An instant from ISO-8601 with its offset, e.g. `2026-07-03T18:00:00+02:00`. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
}

export const HOUR = 3_600_000;

/** Builds a ticket's events in order with unique ids. */
export class History {
  readonly events: DomainEvent[] = [];
  private n = 0;
  constructor(readonly ticketId = 'T-1') {}

  add(input: Record<string, unknown> & { kind: DomainEventInput['kind']; at: number }): this {
    this.events.push(DomainEventSchema.parse({ id: `ev-${++this.n}`, ticketId: this.ticketId, source: 'intercom', ...input }));
    return this;
  }

  /** A conversation opened and classified by the bot. */
  opened(
    when: string,
    o: { plan?: Plan; hosting?: Hosting; type?: TicketType; priority?: IncidentPriority | null; evo?: EvoCriticality | null; ka?: boolean } = {},
  ): this {
    const t = at(when);
    const type = o.type ?? 'incidencia';
    this.add({
      kind: 'ConversationOpened',
      at: t,
      company: { id: 'c1', plan: o.plan ?? 'Gold', hosting: o.hosting ?? 'saas', tags: o.ka ? ['KA'] : [] },
    });
    return this.add({
      kind: 'Classified',
      at: t,
      source: 'bot',
      classification: {
        type,
        priority: type === 'incidencia' ? (o.priority === undefined ? 'Alta' : o.priority) : null,
        evoCriticality: type === 'evolutivo' ? (o.evo ?? 'Media') : null,
        flags: { complaint: false, keyAccount: !!o.ka, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false },
        confidence: 0.9,
        rules: [],
      },
    });
  }

  replied(when: string, extra: Record<string, unknown> = {}): this {
    return this.add({ kind: 'SupportReplied', at: at(when), adminId: 'a1', ...extra });
  }
  noted(when: string, extra: Record<string, unknown> = {}): this {
    return this.add({ kind: 'NoteAdded', at: at(when), adminId: 'a1', ...extra });
  }
  customer(when: string): this {
    return this.add({ kind: 'CustomerMessaged', at: at(when) });
  }
  waitingOnCustomer(when: string): this {
    return this.add({ kind: 'WaitingOnCustomer', at: at(when), by: 'a1' });
  }
  handedOver(when: string, provider: string): this {
    return this.add({ kind: 'WaitingOnProvider', at: at(when), provider, by: 'a1' });
  }
  reclassified(when: string, type: TicketType, priority: IncidentPriority | EvoCriticality | null): this {
    return this.add({ kind: 'Reclassified', at: at(when), by: 'a1', type, priority });
  }
  closed(when: string): this {
    return this.add({ kind: 'Closed', at: at(when), adminId: 'a1' });
  }
  reopened(when: string): this {
    return this.add({ kind: 'Reopened', at: at(when) });
  }

  /** The SLA report at `now`. */
  report(now: string, config: SlaSettings = settings()): SlaReport {
    return computeSlaClocks({ events: this.events, now: at(now), config, calendars });
  }
}

/** The clock of one target in a report, e.g. `clock(r, 'contractual.firstResponse')`. */
export function clock(report: SlaReport, key: string): SlaClock {
  const c = report.clocks.find((x) => x.key === key);
  if (!c) throw new Error(`no clock ${key} in ${report.clocks.map((x) => x.key).join(', ')}`);
  return c;
}

/** ISO in Madrid's offset, for readable failures. */
export function iso(ms: number | null, zone = 'Europe/Madrid'): string | null {
  if (ms === null) return null;
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}
