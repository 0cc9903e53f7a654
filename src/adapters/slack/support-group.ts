import type { WebClient } from '@slack/web-api';
import { toSlackApiError } from './slack-error';

/**
 * Who may file bugs and act on alerts: the members of the configured Slack user group
 * (`usergroups.users.list`), cached for `ttlMs` so a burst of clicks costs one API call.
 * When Slack cannot be asked and a previous answer exists, the previous answer is used.
 */
export class SupportGroup {
  private cache: { members: Set<string>; at: number } | null = null;
  private inflight: Promise<Set<string>> | null = null;

  constructor(
    private readonly client: Pick<WebClient, 'usergroups'>,
    private readonly usergroup: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async isMember(userId: string): Promise<boolean> {
    return (await this.members()).has(userId);
  }

  async members(): Promise<Set<string>> {
    if (this.cache && this.now() - this.cache.at < this.ttlMs) return this.cache.members;
    this.inflight ??= this.fetch().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetch(): Promise<Set<string>> {
    try {
      const res = await this.client.usergroups.users.list({ usergroup: this.usergroup });
      const members = new Set((res.users ?? []).map(String));
      this.cache = { members, at: this.now() };
      return members;
    } catch (err) {
      if (this.cache) return this.cache.members;
      throw toSlackApiError('usergroups.users.list', err);
    }
  }
}
