import type { Queue } from 'bullmq';
import {
  buildDigests,
  decideFollowup,
  followupInputFor,
  localDate,
  type AnyCalendar,
  type DigestTicket,
  type FollowupSettings,
  type FollowupDecision,
  type Wake,
} from '../../domain/followup';
import type { Intent } from '../../domain/intents';
import type { IntentSink, Logger, TicketStore } from '../../ports';
import type { TextCatalog } from '../../templates/text';
import { timerJobId, type TimerJob } from '../queues';
import type { EvoMonthIndex } from './evo-index';
import { digestTimerKey, followupTimerKey, TIMER_KINDS } from './timer-key';

export interface FollowupServiceDeps {
  /** The sections the follow-up reads (a whole `Config` fits). */
  config: FollowupSettings;
  calendars: ReadonlyMap<string, AnyCalendar>;
  texts: TextCatalog;
  store: TicketStore;
  sink: IntentSink;
  /** The `timers` queue (createQueues(...).timers). */
  timers: Queue<TimerJob>;
  /** The per-company monthly EVO count; without it the EVO limit is not checked. */
  evo?: EvoMonthIndex;
  logger?: Logger;
}

/** What one review of a ticket did. */
export interface TicketReview {
  ticketId: string;
  intents: Intent[];
  wakes: Wake[];
}

/**
 * The I/O around the pure follow-up decisions: load a ticket and its events, decide at `now`,
 * hand the intents to the effects queue and (re)schedule the ticket's timers. Used by the worker's
 * Decider (on every ticket event), the timer processor (a timer fired), the reconciliation sweep
 * and the digests.
 */
export class FollowupService {
  constructor(private readonly deps: FollowupServiceDeps) {}

  private officeZone(): string {
    const cal = this.deps.calendars.get(this.deps.config.followup.quietHoursCalendar) ?? this.deps.calendars.get('default');
    return cal?.zone ?? 'Europe/Madrid';
  }

  /** The pure decision for a ticket whose state and events are at hand (no I/O but the EVO index). */
  async decide(ticketId: string, now: number): Promise<FollowupDecision & { found: boolean }> {
    const { store, config, calendars, texts, evo } = this.deps;
    const [ticket, events] = await Promise.all([store.get(ticketId), store.events(ticketId)]);
    if (!ticket || !ticket.opened) return { intents: [], wakes: [], found: false };
    const evoRankInMonth = evo ? await evo.rank(ticket, this.officeZone()) : null;
    return { ...decideFollowup(followupInputFor({ ticket, events, now, config, calendars, texts, evoRankInMonth })), found: true };
  }

  /**
   * Reviews one ticket at `now`: dispatches the alerts due and schedules a delayed job for every
   * future wake. Idempotent: intents are keyed, timers have deterministic ids, sent alerts are recorded.
   */
  async reviewTicket(ticketId: string, now: number): Promise<TicketReview> {
    const decision = await this.decide(ticketId, now);
    if (decision.intents.length > 0) await this.deps.sink.dispatch(decision.intents);
    await this.schedule(ticketId, decision.wakes, now);
    this.deps.logger?.debug({ ticketId, intents: decision.intents.map((i) => i.key), wakes: decision.wakes.length }, 'followup review');
    return { ticketId, intents: decision.intents, wakes: decision.wakes };
  }

  /** Adds a delayed `followup` job per wake (an existing id is left alone by BullMQ). */
  async schedule(ticketId: string, wakes: readonly Wake[], now: number): Promise<void> {
    if (wakes.length === 0) return;
    await this.deps.timers.addBulk(
      wakes.map((wake) => {
        const key = followupTimerKey(ticketId, wake);
        return {
          name: TIMER_KINDS.followup,
          data: { key, kind: TIMER_KINDS.followup, ticketId, dueAt: wake.at },
          opts: { jobId: timerJobId(key), delay: Math.max(0, wake.at - now) },
        };
      }),
    );
  }

  /**
   * The reconciliation sweep: re-derives every open ticket's due alerts and timers from its state,
   * so a lost delayed job (Redis restored from an old snapshot, a bug, a manual clean) only delays
   * an alert until the next sweep. Returns how many tickets were reviewed.
   */
  async sweep(now: number): Promise<{ reviewed: number; intents: number; failed: number }> {
    const ids = await this.deps.store.openTicketIds();
    let intents = 0;
    let failed = 0;
    for (const id of ids) {
      try {
        intents += (await this.reviewTicket(id, now)).intents.length;
      } catch (err) {
        failed += 1;
        this.deps.logger?.error({ ticketId: id, err: (err as Error).message }, 'followup sweep: review failed');
      }
    }
    return { reviewed: ids.length, intents, failed };
  }

  /** The start-of-day or afternoon digest at `now` (nothing on closed days). */
  async digest(slot: 'morning' | 'afternoon', now: number): Promise<Intent[]> {
    const { store, config, calendars, texts } = this.deps;
    const office = calendars.get(config.followup.quietHoursCalendar) ?? calendars.get('default');
    if (!office) return [];
    const tickets: DigestTicket[] = [];
    for (const id of await store.openTicketIds()) {
      const [ticket, events] = await Promise.all([store.get(id), store.events(id)]);
      if (!ticket || !ticket.opened) continue;
      const input = followupInputFor({ ticket, events, now, config, calendars, texts });
      tickets.push({ ticket, sla: input.sla, calendar: input.calendar });
    }
    const intents = buildDigests({
      tickets,
      now,
      slot,
      config: config.followup,
      texts,
      channels: { team: config.slack.channels.team, managers: config.slack.channels.managers, evo: config.slack.channels.evo },
      style: { lang: config.slack.language, intercomUrl: config.slack.intercomConversationUrl },
      officeCalendar: office,
    });
    if (intents.length > 0) await this.deps.sink.dispatch(intents);
    this.deps.logger?.info({ slot, key: digestTimerKey(localDate(now, office.zone), slot), tickets: tickets.length, posts: intents.length }, 'digest');
    return intents;
  }
}
