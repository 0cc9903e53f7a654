import type { DomainEvent } from './domain/events';
import type { Ticket } from './domain/ticket';

/**
 * The small interfaces jobs and handlers depend on. Adapters in src/adapters implement them;
 * tests pass fakes or real adapters pointed at nock / a real Redis.
 */

/** The current time. The domain never reads it; only composition roots and jobs do, through this. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The result of appending events to a ticket's log. */
export interface AppendResult {
  ticket: Ticket;
  /** The events that were new (duplicates by id are dropped). */
  appended: DomainEvent[];
}

/** A ticket's event log and its folded state, in Redis. */
export interface TicketStore {
  /** Atomically appends the events not seen before and re-folds; safe with concurrent writers. */
  append(ticketId: string, events: DomainEvent[]): Promise<AppendResult>;
  get(ticketId: string): Promise<Ticket | null>;
  events(ticketId: string): Promise<DomainEvent[]>;
  /** Ids of tickets that are not closed or deleted. */
  openTicketIds(): Promise<string[]>;
}

/** A minimal structured logger (pino's shape) so code can log without knowing pino. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: object): Logger;
}
