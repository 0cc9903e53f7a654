import type { DomainEvent } from '../../../src/domain/events';
import { FollowupSimulation, type AnyCalendar } from '../../../src/domain/followup';
import { calendars, config, destination, local, texts } from './support';

/** A record target with its cycle and deadline as local time: `1~1773649200000` → `1~2026-03-16 09:00`. */
function readable(target: string): string {
  return target.replace(/([~#])(\d+)/g, (_m, mark: string, ms: string) => `${mark}${local(Number(ms))}`);
}

/** One Slack post the virtual office saw, as a readable line. */
export interface Posted {
  at: number;
  line: string;
  key: string;
  text: string;
  /** The Block Kit, as JSON. */
  blocks: string;
}

/** The follow-up simulation on the shipped configuration, with readable lines for expectations. */
export class VirtualOffice {
  private readonly sim: FollowupSimulation;
  constructor(script: DomainEvent[]) {
    this.sim = new FollowupSimulation(script, { config, calendars: calendars as ReadonlyMap<string, AnyCalendar>, texts });
  }
  get redecided(): number {
    return this.sim.redecided;
  }
  run(until: number, restartAt: number | null): Posted[] {
    return this.sim.run(until, restartAt).map((p) => ({
      at: p.at,
      key: p.key,
      text: p.text,
      blocks: JSON.stringify(p.blocks),
      line: `${local(p.at)} ${p.alert}:${readable(p.target)} #${p.ticketId} → ${destination(p.to)}`,
    }));
  }
}
