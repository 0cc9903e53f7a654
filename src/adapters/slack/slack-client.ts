import { WebClient } from '@slack/web-api';
import type { Cluster, Redis } from 'ioredis';
import type { Logger, SlackPort } from '../../ports';
import { ChannelPacer } from './channel-pacer';
import { RedisChannelPacer, type ChannelPacing } from './redis-channel-pacer';
import { toSlackApiError } from './slack-error';

export interface SlackClientOptions {
  /** The bot token (`xoxb-…`, SLACK_BOT_TOKEN). */
  token: string;
  /** Slack's API root; SLACK_API_URL overrides it for the demo's fake Slack. Default Slack's own. */
  slackApiUrl?: string;
  /** Minimum gap between two messages to one channel, ms (config `slack.postIntervalMs`). */
  postIntervalMs?: number;
  /** How long an e-mail → Slack user lookup is remembered, ms. */
  lookupTtlMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Pacing shared by several processes ({@link RedisChannelPacer}); default: in-process only. */
  pacer?: ChannelPacing;
}

/**
 * The Slack Web API as the jobs need it, on @slack/web-api's WebClient. The client's own retries
 * are off and rate-limited calls are rejected (not waited on inside the job): a 429 becomes a
 * retryable {@link SlackApiError} with `retryAfterMs`, and the queue's backoff waits it out.
 */
export class SlackClient implements SlackPort {
  readonly web: WebClient;
  private readonly pacer: ChannelPacing;
  private readonly now: () => number;
  private readonly lookupTtlMs: number;
  private readonly lookups = new Map<string, { userId: string | null; at: number }>();

  constructor(options: SlackClientOptions) {
    this.web = new WebClient(options.token, {
      ...(options.slackApiUrl ? { slackApiUrl: ensureTrailingSlash(options.slackApiUrl) } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    this.now = options.now ?? Date.now;
    this.pacer = options.pacer ?? new ChannelPacer(options.postIntervalMs ?? 1100, this.now, options.sleep);
    this.lookupTtlMs = options.lookupTtlMs ?? 60 * 60_000;
  }

  async postMessage(input: { channel: string; text: string; blocks?: Record<string, unknown>[]; threadTs?: string }): Promise<{ channel: string; ts: string }> {
    await this.pacer.wait(input.channel);
    try {
      const res = await this.web.chat.postMessage({
        channel: input.channel,
        text: input.text,
        ...(input.blocks ? { blocks: input.blocks as never } : {}),
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
        unfurl_links: false,
      });
      return { channel: String(res.channel ?? input.channel), ts: String(res.ts) };
    } catch (err) {
      throw toSlackApiError('chat.postMessage', err);
    }
  }

  async lookupUserByEmail(email: string): Promise<string | null> {
    const key = email.trim().toLowerCase();
    const cached = this.lookups.get(key);
    if (cached && this.now() - cached.at < this.lookupTtlMs) return cached.userId;
    let userId: string | null;
    try {
      const res = await this.web.users.lookupByEmail({ email: key });
      userId = res.user?.id ?? null;
    } catch (err) {
      const e = toSlackApiError('users.lookupByEmail', err);
      if (e.slackError !== 'users_not_found') throw e;
      userId = null;
    }
    this.lookups.set(key, { userId, at: this.now() });
    return userId;
  }
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Where to share the pacing of posts with the other workers (the worker's Redis and key prefix). */
export interface SharedPacing {
  redis: Redis | Cluster;
  /** Key prefix (`cr`). */
  keyPrefix?: string;
  logger?: Logger;
}

/**
 * SLACK_BOT_TOKEN and SLACK_API_URL from the environment. With `shared`, messages to one channel
 * are spaced across every process using that Redis; without, in this process only.
 */
export function slackClientFromEnv(env: NodeJS.ProcessEnv = process.env, postIntervalMs?: number, shared?: SharedPacing): SlackClient {
  const token = env.SLACK_BOT_TOKEN?.trim();
  if (!token) throw new Error('missing SLACK_BOT_TOKEN (see docs/slack-jira.md)');
  const pacer = shared
    ? new RedisChannelPacer(shared.redis, { intervalMs: postIntervalMs ?? 1100, ...(shared.keyPrefix ? { prefix: shared.keyPrefix } : {}), ...(shared.logger ? { logger: shared.logger } : {}) })
    : undefined;
  return new SlackClient({ token, slackApiUrl: env.SLACK_API_URL?.trim() || undefined, postIntervalMs, ...(pacer ? { pacer } : {}) });
}
