import { BACKOFF_STRATEGY, backoffDelay, retryAfterMsOf } from '../../../src/jobs/backoff';
import { createBackoffStrategy, defaultJobOptions } from '../../../src/jobs/queues';
import { DEFAULT_INGEST_CONFIG } from '../../../src/config/ingest.schema';

const base = { baseMs: 2_000, maxMs: 600_000 };

describe('retry backoff', () => {
  it('doubles from the base on each failure, half fixed and half jitter', () => {
    // exponential = 2000 × 2^(n−1); delay = exp/2 + random × exp/2
    expect(backoffDelay({ ...base, attemptsMade: 1, random: 0 })).toBe(1_000);
    expect(backoffDelay({ ...base, attemptsMade: 1, random: 0.999999 })).toBe(2_000);
    expect(backoffDelay({ ...base, attemptsMade: 2, random: 0.5 })).toBe(3_000);
    expect(backoffDelay({ ...base, attemptsMade: 4, random: 0 })).toBe(8_000);
    expect(backoffDelay({ ...base, attemptsMade: 4, random: 0.25 })).toBe(10_000);
  });

  it('caps the exponential part at the maximum', () => {
    // attempt 20 would be 2000 × 2^19 ≈ 17 min → capped at 10 min
    expect(backoffDelay({ ...base, attemptsMade: 20, random: 0 })).toBe(300_000);
    expect(backoffDelay({ ...base, attemptsMade: 20, random: 1 })).toBe(600_000);
  });

  it('never retries before a Retry-After, adding at most 10 % spread', () => {
    expect(backoffDelay({ ...base, attemptsMade: 1, retryAfterMs: 30_000, random: 0 })).toBe(30_000);
    expect(backoffDelay({ ...base, attemptsMade: 1, retryAfterMs: 30_000, random: 0.5 })).toBe(31_500);
    // a short Retry-After does not shorten the exponential delay
    expect(backoffDelay({ ...base, attemptsMade: 5, retryAfterMs: 1_000, random: 0 })).toBe(16_000);
  });

  it('reads retryAfterMs from an error, and ignores nonsense', () => {
    expect(retryAfterMsOf(Object.assign(new Error('429'), { retryAfterMs: 4_000 }))).toBe(4_000);
    expect(retryAfterMsOf(Object.assign(new Error('x'), { retryAfterMs: '4000' }))).toBeNull();
    expect(retryAfterMsOf(Object.assign(new Error('x'), { retryAfterMs: -1 }))).toBeNull();
    expect(retryAfterMsOf(new Error('plain'))).toBeNull();
    expect(retryAfterMsOf(undefined)).toBeNull();
  });

  it('is what the BullMQ strategy computes, with the job base delay and the error Retry-After', () => {
    const strategy = createBackoffStrategy(DEFAULT_INGEST_CONFIG, () => 0);
    const job = { opts: { backoff: { type: BACKOFF_STRATEGY, delay: 500 } } } as never;
    expect(strategy(3, BACKOFF_STRATEGY, new Error('boom'), job)).toBe(1_000);
    expect(strategy(3, BACKOFF_STRATEGY, Object.assign(new Error('429'), { retryAfterMs: 60_000 }), job)).toBe(60_000);
  });

  it('is the default for the events, effects and timers queues; dead letters are never retried', () => {
    for (const q of ['events', 'effects', 'timers'] as const) {
      expect(defaultJobOptions(q)).toMatchObject({ attempts: 8, backoff: { type: BACKOFF_STRATEGY, delay: 2_000 } });
    }
    expect(defaultJobOptions('events').removeOnComplete).toEqual({ age: 86_400, count: 200_000 });
    expect(defaultJobOptions('effects').removeOnComplete).toEqual({ age: 604_800, count: 200_000 });
    expect(defaultJobOptions('dead-letter')).toEqual({ attempts: 1, removeOnComplete: false, removeOnFail: false });
  });
});
