/**
 * Spaces out messages to the same channel: Slack allows `chat.postMessage` about once per second
 * per channel and answers bursts with 429. Each channel gets the next free slot `intervalMs` after
 * the previous one; different channels do not wait for each other. In-process only: the worker
 * shares pacing across processes with `RedisChannelPacer` (redis-channel-pacer.ts), which
 * falls back to this one when Redis cannot be asked; Slack's 429 + Retry-After is the backstop.
 */
export class ChannelPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** How long a message to `channel` must wait now, and books its slot. */
  reserve(channel: string): number {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(channel) ?? 0);
    this.nextSlot.set(channel, slot + this.intervalMs);
    if (this.nextSlot.size > 10_000) this.prune(now);
    return slot - now;
  }

  /** Waits for `channel`'s next slot. */
  async wait(channel: string): Promise<void> {
    const ms = this.reserve(channel);
    if (ms > 0) await this.sleep(ms);
  }

  private prune(now: number): void {
    for (const [channel, slot] of this.nextSlot) if (slot <= now) this.nextSlot.delete(channel);
  }
}
