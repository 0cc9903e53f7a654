import type { Decider } from './decider';

/**
 * The decisions the worker runs on every ticket change, in order. Add yours here (classification,
 * SLA timers, follow-up ladder, alerts): import it and append it to the list.
 */
export const DECIDERS: Decider[] = [];
