import type { RedisTicketStore } from '../../adapters/redis/ticket-store';
import type { Config } from '../../config/schema';
import { DomainEventSchema, type DomainEvent } from '../../domain/events';
import type { Intent } from '../../domain/intents';
import type { Ticket } from '../../domain/ticket';
import type { Clock, IntentSink, Logger } from '../../ports';
import type { Decider } from './decider';

export interface DecisionDeps {
  store: RedisTicketStore;
  sink: IntentSink;
  deciders: readonly Decider[];
  config: Config;
  clock: Clock;
  /** How many rounds of `ticket.append` intents → deciders may chain (a guard against loops; default 5). */
  maxDecisionRounds?: number;
}

type AppendIntent = Extract<Intent, { kind: 'ticket.append' }>;

/**
 * Runs the decisions on a ticket after `newEvents` were stored. `ticket.append` intents are stored
 * at once and the decisions run again on the result; every other intent is dispatched to the
 * `effects` queue. Returns how many intents were dispatched.
 */
export async function runDecisions(deps: DecisionDeps, ticket: Ticket, newEvents: DomainEvent[], log: Logger): Promise<number> {
  const maxRounds = deps.maxDecisionRounds ?? 5;
  let dispatched = 0;
  let current = ticket;
  let events = newEvents;
  for (let round = 0; round < maxRounds && events.length > 0; round++) {
    const ctx = { ticket: current, newEvents: events, now: deps.clock.now(), config: deps.config };
    const intents: Intent[] = [];
    for (const decider of deps.deciders) intents.push(...(await decider(ctx)));
    const toAppend = intents.filter((i): i is AppendIntent => i.kind === 'ticket.append');
    const effects = intents.filter((i) => i.kind !== 'ticket.append');
    await deps.sink.dispatch(effects);
    dispatched += effects.length;
    if (toAppend.length === 0) break;
    const parse = (i: AppendIntent) => i.events.map((e) => DomainEventSchema.parse({ ...e, ticketId: i.ticketId }));
    // Events for another ticket are stored there; that ticket's decisions run on its next event.
    for (const other of toAppend.filter((i) => i.ticketId !== current.id)) await deps.store.append(other.ticketId, parse(other));
    const appendEvents = toAppend.filter((i) => i.ticketId === current.id).flatMap(parse);
    if (appendEvents.length === 0) break;
    const result = await deps.store.append(current.id, appendEvents);
    log.debug({ appended: result.appended.length, round }, 'decisions appended events');
    current = result.ticket;
    events = appendEvents;
  }
  return dispatched;
}
