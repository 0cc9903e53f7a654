/**
 * Retry delays for BullMQ jobs: exponential backoff with jitter that honours a `Retry-After`.
 *
 * Pure maths (the random number is an argument) so it can be tested exactly; the BullMQ glue is
 * {@link createBackoffStrategy} in `queues.ts`.
 */

/** The name jobs use in `backoff.type` to select {@link backoffDelay} (registered on each Worker). */
export const BACKOFF_STRATEGY = 'jittered-exponential';

export interface BackoffInput {
  /** How many attempts were made so far (1 after the first failure), as BullMQ counts them. */
  attemptsMade: number;
  /** Delay before the first retry, in ms. Doubles on each further failure. */
  baseMs: number;
  /** Upper bound of the exponential part, in ms. */
  maxMs: number;
  /** What the remote side asked for (HTTP `Retry-After`), in ms; wins when it is longer. */
  retryAfterMs?: number | null;
  /** A number in [0, 1): `Math.random()` in production, fixed in tests. */
  random: number;
}

/**
 * The delay before the next attempt, in ms.
 *
 * - Exponential: `base × 2^(attemptsMade−1)`, capped at `maxMs`.
 * - "Equal jitter": half of that is fixed, the other half random, so retries of many jobs that
 *   failed together (a Slack or Jira outage) spread out instead of arriving as a herd, while each
 *   still waits at least half the exponential delay.
 * - `Retry-After`: never retry before the remote side said it will accept us; up to 10 % random
 *   on top of it spreads the herd there too.
 */
export function backoffDelay(input: BackoffInput): number {
  const attempts = Math.max(1, Math.floor(input.attemptsMade));
  const random = Math.min(Math.max(input.random, 0), 1);
  const exponential = Math.min(input.maxMs, input.baseMs * 2 ** (attempts - 1));
  const jittered = exponential / 2 + (random * exponential) / 2;
  const retryAfter = input.retryAfterMs && input.retryAfterMs > 0 ? input.retryAfterMs : 0;
  const honoured = retryAfter > 0 ? retryAfter + random * retryAfter * 0.1 : 0;
  return Math.round(Math.max(jittered, honoured));
}

/**
 * The `retryAfterMs` an error carries, if any. Adapters signal a rate limit by throwing an error
 * with a numeric `retryAfterMs` property (e.g. from Slack's or Jira's `Retry-After` seconds × 1000).
 */
export function retryAfterMsOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null;
  const value = (err as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
