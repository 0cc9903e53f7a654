import type { WorkerDeps } from '../processors';
import { followupDeciderFactory } from '../timers/wiring';
import { jiraSyncDecider } from '../effects/wiring';
import type { Decider } from './decider';
import { classifyDecider } from './classify-decider';

/**
 * The decisions the worker runs on every ticket change, in order. Add yours here (classification,
 * SLA timers, follow-up ladder, alerts): import it and append it to the list.
 */
export const DECIDERS: Decider[] = [classifyDecider, jiraSyncDecider];

/** A decision that needs the worker's dependencies (Redis, queues, Intercom…) to be built. */
export type DeciderFactory = (deps: WorkerDeps) => Decider;

/**
 * Decisions built once at worker start from its dependencies, run after {@link DECIDERS}. Use this
 * when your decider needs I/O set up by the worker (e.g. the follow-up service rescheduling timers).
 */
export const DECIDER_FACTORIES: DeciderFactory[] = [followupDeciderFactory];
