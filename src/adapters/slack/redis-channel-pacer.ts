import type { Cluster, Redis } from 'ioredis';
import { DEFAULT_KEY_PREFIX } from '../redis/ticket-keys';
import type { Logger } from '../../ports';
import { ChannelPacer } from './channel-pacer';

/** What the Slack client needs from a pacer: wait for the channel's next free slot. */
export interface ChannelPacing {
  wait(channel: string): Promise<void>;
}

/** The Redis key holding a channel's next free slot (epoch ms). One key, its own hash tag: cluster-safe. */
export function slackPaceKey(channel: string, prefix: string = DEFAULT_KEY_PREFIX): string {
  return `${prefix}:{slack-pace:${channel}}`;
}

/**
 * Reserves a channel's next free slot atomically. KEYS[1] = the channel's key; ARGV[1] = the
 * interval in ms; ARGV[2] = "now" in epoch ms, or "" for the Redis server's clock (production: one
 * clock for every worker, whatever their hosts' skew). Returns { slot, wait }. The key expires a
 * second after its slot is free, so idle channels leave nothing behind.
 */
const RESERVE_LUA = `
local interval = tonumber(ARGV[1])
local now
if ARGV[2] ~= '' then
  now = tonumber(ARGV[2])
else
  if redis.replicate_commands then pcall(redis.replicate_commands) end
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', string.format('%.0f', slot + interval - now + 1000))
return { string.format('%.0f', slot), string.format('%.0f', slot - now) }
`;

type ScriptedRedis = (Redis | Cluster) & { crSlackPace(key: string, intervalMs: number, now: string): Promise<[string, string]> };

export interface RedisChannelPacerOptions {
  /** Minimum gap between two messages to one channel, ms (config `slack.postIntervalMs`). */
  intervalMs: number;
  /** Key prefix (`cr`; tests use their own). */
  prefix?: string;
  /** Only for tests: a clock instead of the Redis server's. Every process sharing keys must use the same clock. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

/**
 * Spaces out messages to one Slack channel across every worker process: each post reserves the
 * channel's next free slot in Redis (a Lua script, atomic) and sleeps until it. When Redis cannot
 * be asked, the post is paced in-process instead ({@link ChannelPacer}) and Slack's 429 +
 * Retry-After remains the backstop; pacing never fails a post.
 */
export class RedisChannelPacer implements ChannelPacing {
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fallback: ChannelPacer;

  constructor(
    redis: Redis | Cluster,
    private readonly options: RedisChannelPacerOptions,
  ) {
    if (!('crSlackPace' in redis)) redis.defineCommand('crSlackPace', { numberOfKeys: 1, lua: RESERVE_LUA });
    this.redis = redis as ScriptedRedis;
    this.prefix = options.prefix ?? DEFAULT_KEY_PREFIX;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.fallback = new ChannelPacer(options.intervalMs, options.now ?? Date.now, this.sleep);
  }

  /** Books `channel`'s next free slot: when it is (epoch ms, on the pacer's clock) and how long to wait for it. */
  async reserve(channel: string): Promise<{ slot: number; waitMs: number }> {
    const now = this.options.now ? String(this.options.now()) : '';
    const [slot, waitMs] = await this.redis.crSlackPace(slackPaceKey(channel, this.prefix), this.options.intervalMs, now);
    return { slot: Number(slot), waitMs: Number(waitMs) };
  }

  /** Waits for `channel`'s next slot (shared through Redis; in-process when Redis fails). */
  async wait(channel: string): Promise<void> {
    if (this.options.intervalMs <= 0) return;
    let ms: number;
    try {
      ms = (await this.reserve(channel)).waitMs;
    } catch (err) {
      this.options.logger?.warn({ channel, err: (err as Error).message }, 'Slack pacing: Redis unavailable, pacing in this process only');
      ms = this.fallback.reserve(channel);
    }
    if (ms > 0) await this.sleep(ms);
  }
}
