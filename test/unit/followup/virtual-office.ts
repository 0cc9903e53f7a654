import { DomainEventSchema, type DomainEvent } from '../../../src/domain/events';
import { decideFollowup, evoMonthKey, followupInputFor, type AnyCalendar } from '../../../src/domain/followup';
import { foldTicket, type Ticket } from '../../../src/domain/ticket';
import { calendars, config, destination, local, texts } from './support';

/** A record target with its cycle as local time: `1~1773649200000` → `1~2026-03-16 09:00`. */
function readable(target: string): string {
  return target.replace(/~(\d+)/, (_m, ms: string) => `~${local(Number(ms))}`);
}

/** One Slack post the virtual office saw. */
export interface Posted {
  at: number;
  line: string;
  key: string;
  text: string;
  /** The Block Kit, as JSON. */
  blocks: string;
}

/**
 * A virtual office: the pure follow-up decisions driven by a virtual clock, with in-memory stand-ins
 * for what the worker does around them — the ticket log, delayed timers (a set of instants), the
 * effects queue (dedupe by intent key; a successful post records AlertSent on the ticket). A
 * restart throws away every in-memory timer and the effects queue's memory, then runs the
 * reconciliation sweep, as a worker coming back after a crash with a trimmed queue would.
 */
export class VirtualOffice {
  private readonly log = new Map<string, DomainEvent[]>();
  private timers = new Map<string, number>();
  private effectKeys = new Set<string>();
  readonly posted: Posted[] = [];
  /** Reviews re-run at the same instant (a retried job) that still wanted to post: must stay 0. */
  redecided = 0;
  private seq = 0;

  constructor(private readonly script: DomainEvent[]) {}

  private ticket(id: string): Ticket {
    return foldTicket(id, this.log.get(id) ?? []);
  }

  private evoRank(t: Ticket): number | null {
    const zone = 'Europe/Madrid';
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
    return decideFollowup(followupInputFor({ ticket, events, now, config, calendars: calendars as ReadonlyMap<string, AnyCalendar>, texts, evoRankInMonth: this.evoRank(ticket) }));
  }

  private review(id: string, now: number): void {
    const d = this.decide(id, now);
    for (const intent of d.intents) {
      if (this.effectKeys.has(intent.key)) continue;
      this.effectKeys.add(intent.key);
      if (intent.kind !== 'slack.post' || !intent.record) throw new Error(`unexpected intent ${intent.kind}`);
      this.posted.push({ at: now, key: intent.key, text: intent.text, blocks: JSON.stringify(intent.blocks ?? []), line: `${local(now)} ${intent.record.alert}:${readable(intent.record.target)} #${id} → ${destination(intent.to)}` });
      this.seq += 1;
      const sent = DomainEventSchema.parse({ kind: 'AlertSent', id: `sent-${this.seq}`, ticketId: id, at: now, source: 'bot', alert: intent.record.alert, target: intent.record.target });
      this.log.get(id)!.push(sent);
    }
    for (const w of d.wakes) if (w.at > now) this.timers.set(`${id}|${w.clock}|${w.target}|${w.at}`, w.at);
    // A retried job at the same instant finds everything recorded: nothing more to post.
    this.redecided += this.decide(id, now).intents.length;
  }

  /** Runs the script until `until`, restarting the worker at `restartAt`. */
  run(until: number, restartAt: number | null): Posted[] {
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
        this.log.get(e.ticketId)!.push(e);
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
