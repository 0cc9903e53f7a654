import type { Config } from '../../config/schema';
import type { DomainEvent } from '../../domain/events';
import type { Intent } from '../../domain/intents';
import type { Ticket } from '../../domain/ticket';

/** What a decision sees after a ticket's events were stored. */
export interface DeciderContext {
  /** The ticket as folded from all its events, the new ones included. */
  ticket: Ticket;
  /**
   * The events this job stands for (a webhook's, or those a previous decision appended). On a
   * retry or a redelivery they may have been stored already: decisions must be idempotent, which
   * they are when their intents carry deterministic keys (src/domain/intents.ts).
   */
  newEvents: DomainEvent[];
  /** The current time (epoch ms), read once per job from the worker's clock. */
  now: number;
  config: Config;
}

/**
 * A decision the worker runs after every append: pure (or at least free of side effects), it
 * returns intents. `ticket.append` intents are applied by the worker at once (and the deciders run
 * again on the result); every other intent goes to the `effects` queue, job id = intent key.
 * Register yours in {@link DECIDERS} (src/jobs/events/deciders.ts).
 */
export type Decider = (ctx: DeciderContext) => Intent[] | Promise<Intent[]>;
