import type { Queue } from 'bullmq';
import { digestTimerKey, TIMER_KINDS } from '../../jobs/timers';
import { timerJobId, type TimerJob } from '../../jobs/queues';
import type { StepRecord } from './step-record';
import type { VirtualClock } from './virtual-clock';

type DelayedTimer = { id?: string; data: TimerJob; promote: () => Promise<void> };

/**
 * Moves the virtual clock forward the way real time would: BullMQ delays run on real time, so the
 * tickets' timer jobs (queue `timers`) whose `dueAt` has passed on the virtual clock are promoted,
 * in order, with the clock set to each one's instant; and the morning and afternoon digests (cron
 * schedulers on real time in the worker) are queued at their configured local times.
 */
export class FastForward {
  private readonly digests: { at: number; slot: 'morning' | 'afternoon'; date: string }[];

  constructor(
    private readonly timers: Queue<TimerJob>,
    private readonly clock: VirtualClock,
    private readonly settle: () => Promise<unknown>,
    private readonly record: (step: StepRecord) => void,
    /** Instants of the digests to run, with their slot and local date. */
    digests: { at: number; slot: 'morning' | 'afternoon'; date: string }[],
  ) {
    this.digests = [...digests].sort((a, b) => a.at - b.at);
  }

  /** Fires every timer and digest due by `until`, in time order; leaves the clock at `until`. */
  async to(until: number): Promise<void> {
    while (this.digests.length > 0 && this.digests[0].at <= until) {
      const d = this.digests.shift()!;
      await this.timersUntil(d.at);
      this.clock.set(d.at);
      const key = digestTimerKey(d.date, d.slot);
      await this.timers.add(TIMER_KINDS.digest, { key, kind: TIMER_KINDS.digest, ticketId: null, dueAt: d.at, data: { slot: d.slot } }, { jobId: timerJobId(`demo|${key}`) });
      await this.settle();
      this.record({ at: d.at, kind: 'timer', label: `${d.slot} digest`, conversationId: null, outcome: 'queued on the timers queue and processed by the worker', ok: true });
    }
    await this.timersUntil(until);
    this.clock.set(until);
  }

  private async timersUntil(until: number): Promise<void> {
    for (let guard = 0; guard < 500; guard++) {
      const delayed = (await this.timers.getDelayed()) as unknown as DelayedTimer[];
      // Only the tickets' own timers: jobs made by the job schedulers (sweep, digests) repeat on
      // real time; promoting one would only make the next.
      const due = delayed
        .filter((j) => !String(j.id ?? '').startsWith('repeat:') && j.data?.kind === TIMER_KINDS.followup && typeof j.data.dueAt === 'number' && j.data.dueAt <= until)
        .sort((a, b) => a.data.dueAt - b.data.dueAt);
      if (due.length === 0) return;
      const next = due[0];
      this.clock.set(next.data.dueAt);
      await next.promote().catch(() => undefined);
      await this.settle();
      this.record({ at: next.data.dueAt, kind: 'timer', label: `timer fired: ${next.data.key}`, conversationId: next.data.ticketId, outcome: 'processed by the worker', ok: true });
    }
  }
}
