import { DateTime } from 'luxon';
import { DomainEventSchema, type DomainEvent, type DomainEventInput, type DistributiveOmit } from '../../../src/domain/events';

/** Epoch ms of a Europe/Madrid wall-clock time, e.g. `madrid('2026-11-16T09:00')`. */
export function madrid(local: string): number {
  const dt = DateTime.fromISO(local, { zone: 'Europe/Madrid' });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toMillis();
}

export const MIN = 60_000;
export const HOUR = 3_600_000;

/** Builds the event log of one ticket: `log('A').opened(...).replied(...).events`. */
export function log(ticketId: string) {
  const events: DomainEvent[] = [];
  let n = 0;
  const add = (e: DistributiveOmit<DomainEventInput, 'id' | 'ticketId' | 'source'>) => {
    events.push(DomainEventSchema.parse({ id: `${ticketId}-${++n}`, ticketId, source: 'intercom', ...e }));
    return api;
  };
  const api = {
    events,
    opened: (local: string, extra: Partial<{ plan: 'Platinum' | 'Gold' | 'Silver' | 'Bronze'; tags: string[]; assigneeId: string }> = {}) =>
      add({ kind: 'ConversationOpened', at: madrid(local), tags: extra.tags ?? [], assigneeId: extra.assigneeId ?? null, company: extra.plan ? { id: `co-${ticketId}`, plan: extra.plan, tags: [] } : undefined }),
    classified: (local: string, type: 'consulta' | 'incidencia' | 'evolutivo', priority: 'Muy Alta' | 'Alta' | 'Media' | 'Baja' | null = null, evo: 'Baja' | 'Media' | 'Urgente' | null = null) =>
      add({
        kind: 'Classified',
        at: madrid(local),
        classification: { type, priority, evoCriticality: evo, confidence: 0.9, rules: [], flags: { complaint: false, keyAccount: false, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false } },
      }),
    customer: (local: string) => add({ kind: 'CustomerMessaged', at: madrid(local) }),
    replied: (local: string, adminId: string | null = null) => add({ kind: 'SupportReplied', at: madrid(local), adminId }),
    snoozed: (local: string) => add({ kind: 'Snoozed', at: madrid(local) }),
    closed: (local: string) => add({ kind: 'Closed', at: madrid(local) }),
    reopened: (local: string) => add({ kind: 'Reopened', at: madrid(local) }),
    deleted: (local: string) => add({ kind: 'Deleted', at: madrid(local) }),
    rated: (local: string, rating: number, adminId: string | null = null) => add({ kind: 'Rated', at: madrid(local), rating, adminId }),
    alert: (local: string, alert: 'ladder' | 'sla-breached', target: string) => add({ kind: 'AlertSent', at: madrid(local), alert, target }),
  };
  return api;
}
