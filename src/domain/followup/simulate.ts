import { DomainEventSchema, type AlertKind, type DomainEvent } from '../events';
import type { SlackDestination } from '../intents';
import { foldTicket, type Ticket } from '../ticket';
import { decideFollowup } from './decide';
import { evoMonthKey } from './evo-month';
import { followupInputFor, type AnyCalendar, type FollowupSettings } from './input-for';
import type { TextCatalog } from '../../templates/text';

/** One Slack post of a simulation. */
export interface SimulatedPost {
  at: number;
  ticketId: string;
  alert: AlertKind;
  /** The AlertSent target recorded for it. */
  target: string;
  to: SlackDestination;
  key: string;
  text: string;
  blocks: unknown[];
}

export interface SimulationOptions {
  config: FollowupSettings;
  calendars: ReadonlyMap<string, AnyCalendar>;
  texts: TextCatalog;
  /** Zone of the calendar months for the EVO count. */
  zone?: string;
}

/**
 * The follow-up decisions driven by a virtual clock over a script of events (pure): an in-memory
 * stand-in for the worker — the ticket logs, the delayed timers (instants), the effects queue
 * (dedupe by intent key; a post records AlertSent on its ticket). `restartAt` throws away every
 * timer and the effects queue's memory at that instant and runs the reconciliation sweep, as a
 * worker coming back after a crash with a trimmed queue would. Used by the scenario tests and by
 * `care-relay alerts simulate`.
 */
export class FollowupSimulation {
  private readonly log = new Map<string, DomainEvent[]>();
  private timers = new Map<string, number>();
  private effectKeys = new Set<string>();
  readonly posted: SimulatedPost[] = [];
  /** Reviews re-run at the same instant (a retried job) that still wanted to post: stays 0. */
  redecided = 0;
  private seq = 0;

  constructor(
    private readonly script: readonly DomainEvent[],
    private readonly options: SimulationOptions,
  ) {}

  private ticket(id: string): Ticket {
    return foldTicket(id, this.log.get(id) ?? []);
  }

  private evoRank(t: Ticket): number | null {
    const zone = this.options.zone ?? 'Europe/Madrid';
    const bucket = evoMonthKey(t, zone);
    if (bucket === null) return null;
    const peers = [...this.log.keys()].map((id) => this.ticket(id)).filter((p) => evoMonthKey(p, zone) === bucket);
    peers.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : 1));
    return peers.findIndex((p) => p.id === t.id) + 1;
  }

  private decide(id: string, now: number) {
    const ticket = this.ticket(id);
    if (!ticket.opened) return { intents: [], wakes: [] };
    const events = (this.log.get(id) ?? []).filter((e) => e.at <= now);
    const { config, calendars, texts } = this.options;
    return decideFollowup(followupInputFor({ ticket, events, now, config, calendars, texts, evoRankInMonth: this.evoRank(ticket) }));
  }

  private review(id: string, now: number): void {
    const d = this.decide(id, now);
    for (const intent of d.intents) {
      if (this.effectKeys.has(intent.key) || intent.kind !== 'slack.post' || !intent.record) continue;
      this.effectKeys.add(intent.key);
      this.posted.push({ at: now, ticketId: id, alert: intent.record.alert, target: intent.record.target, to: intent.to, key: intent.key, text: intent.text, blocks: intent.blocks ?? [] });
      this.seq += 1;
      const sent = DomainEventSchema.parse({ kind: 'AlertSent', id: `sim-sent-${this.seq}`, ticketId: id, at: now, source: 'bot', alert: intent.record.alert, target: intent.record.target });
      this.log.get(id)?.push(sent);
    }
    for (const w of d.wakes) if (w.at > now) this.timers.set(`${id}|${w.clock}|${w.target}|${w.at}`, w.at);
    this.redecided += this.decide(id, now).intents.length;
  }

  /** Runs the script up to `until` (inclusive), restarting the worker at `restartAt` when given. */
  run(until: number, restartAt: number | null = null): SimulatedPost[] {
    const script = [...this.script].sort((a, b) => a.at - b.at);
    let i = 0;
    let restarted = restartAt === null;
    for (;;) {
      const nextEvent = i < script.length ? script[i].at : Infinity;
      const nextTimer = Math.min(Infinity, ...this.timers.values());
      const nextRestart = restarted ? Infinity : (restartAt ?? Infinity);
      const now = Math.min(nextEvent, nextTimer, nextRestart);
      if (now === Infinity || now > until) break;
      if (now === nextRestart) {
        restarted = true;
        this.timers = new Map();
        this.effectKeys = new Set();
        for (const id of this.log.keys()) this.review(id, now);
        continue;
      }
      const touched = new Set<string>();
      while (i < script.length && script[i].at === now) {
        const e = script[i++];
        if (!this.log.has(e.ticketId)) this.log.set(e.ticketId, []);
        this.log.get(e.ticketId)?.push(e);
        touched.add(e.ticketId);
      }
      for (const [key, at] of [...this.timers]) {
        if (at === now) {
          this.timers.delete(key);
          touched.add(key.split('|')[0]);
        }
      }
      for (const id of [...touched].sort()) this.review(id, now);
    }
    return this.posted;
  }
}
