import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { DEFAULT_KEY_PREFIX } from './ticket-keys';

/** The Redis key of a bug's lock. One key, its own hash tag: cluster-safe. */
export function bugLockKey(bugId: string, prefix: string = DEFAULT_KEY_PREFIX): string {
  return `${prefix}:{bug-lock:${bugId}}`;
}

/** Deletes the lock only if it still holds our token (it may have expired and been taken by another job). */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** Extends the lock's life only if it still holds our token. */
const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

type ScriptedRedis = (Redis | Cluster) & {
  crReleaseLock(key: string, token: string): Promise<number>;
  crRenewLock(key: string, token: string, ttlMs: number): Promise<number>;
};

/** The outcome of trying to take a lock: held (release it when done), or busy for about `retryAfterMs`. */
export type LockAttempt = { acquired: true; release: () => Promise<boolean>; renew: () => Promise<boolean> } | { acquired: false; retryAfterMs: number };

export interface RedisBugLockOptions {
  /** Key prefix (`cr`; tests use their own). */
  prefix?: string;
  /**
   * How long a lock lives if its holder stops renewing it (a crashed worker), ms. Default 30 s.
   * While held, the lock is renewed every third of that, so a long filing keeps it.
   */
  ttlMs?: number;
  /** The longest a job that found the lock taken is told to wait before its retry, ms. Default 2 s. */
  maxRetryAfterMs?: number;
}

/**
 * One job at a time per bug, across every worker: `SET key token NX PX ttl` takes the lock, a
 * compare-and-delete Lua script releases it only if the token is still ours. While held it is
 * renewed (compare-and-pexpire) every third of its TTL, so a filing slowed by Jira or by Slack's
 * pacing keeps it, and a crashed holder's lock is gone within one TTL. A job that finds the lock
 * taken is told how long to wait (the lock's remaining life, capped), so the queue retries it once
 * the holder has recorded what it did.
 */
export class RedisBugLock {
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(redis: Redis | Cluster, options: RedisBugLockOptions = {}) {
    if (!('crReleaseLock' in redis)) {
      redis.defineCommand('crReleaseLock', { numberOfKeys: 1, lua: RELEASE_LUA });
      redis.defineCommand('crRenewLock', { numberOfKeys: 1, lua: RENEW_LUA });
    }
    this.redis = redis as ScriptedRedis;
    this.prefix = options.prefix ?? DEFAULT_KEY_PREFIX;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 2_000;
  }

  async acquire(bugId: string): Promise<LockAttempt> {
    const key = bugLockKey(bugId, this.prefix);
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (ok === 'OK') {
      const renew = async () => (await this.redis.crRenewLock(key, token, this.ttlMs)) === 1;
      const timer = setInterval(() => void renew().catch(() => undefined), Math.max(10, Math.floor(this.ttlMs / 3)));
      timer.unref();
      return {
        acquired: true,
        renew,
        release: async () => {
          clearInterval(timer);
          return (await this.redis.crReleaseLock(key, token)) === 1;
        },
      };
    }
    const left = await this.redis.pttl(key);
    return { acquired: false, retryAfterMs: Math.min(this.maxRetryAfterMs, Math.max(250, left)) };
  }
}
