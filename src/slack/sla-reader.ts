import type { Config } from '../config/schema';
import { createCalendars } from '../domain/calendar';
import { computeSlaClocks, type SlaClock } from '../domain/sla';
import type { Ticket } from '../domain/ticket';
import type { TicketStore } from '../ports';
import type { TicketSlaLine } from './blocks/ticket-view';

/** Clocks still counting (or overdue): the ones a deadline can be promised for. */
const OPEN_STATES = new Set(['running', 'at-risk', 'breached']);

/**
 * The deadline to show with a bug (Jira field, thread root, App Home order): the earliest
 * contractual target still counting, else the earliest internal one; null when nothing counts.
 */
export function nearestDeadline(clocks: readonly SlaClock[]): number | null {
  const open = clocks.filter((c) => OPEN_STATES.has(c.state) && c.deadline !== null);
  const pick = (level: string) => open.filter((c) => c.level === level).map((c) => c.deadline as number);
  const contractual = pick('contractual');
  const list = contractual.length ? contractual : pick('internal');
  return list.length ? Math.min(...list) : null;
}

const NAME_ES: Record<string, string> = { firstResponse: 'Primera respuesta', resolution: 'Resolución' };

/** The clocks as `/ticket` lists them. */
export function slaLines(clocks: readonly SlaClock[]): TicketSlaLine[] {
  return clocks.map((c) => ({ label: `${NAME_ES[c.name] ?? c.description ?? c.name} (${c.level === 'contractual' ? 'contractual' : 'interno'})`, deadline: c.deadline, state: c.state }));
}

/** Reads a ticket's SLA clocks from its events with the SLA engine (src/domain/sla/). */
export function createSlaReader(config: Pick<Config, 'sla' | 'plans' | 'calendars'>, store: Pick<TicketStore, 'events'>) {
  const calendars = createCalendars(config.calendars);
  const clocks = async (ticket: Ticket, now: number): Promise<SlaClock[]> => {
    const events = await store.events(ticket.id);
    if (!events.length) return [];
    return computeSlaClocks({ events, now, config: { sla: config.sla, plans: config.plans }, calendars }).clocks;
  };
  return {
    clocks,
    deadline: async (ticket: Ticket, now: number) => nearestDeadline(await clocks(ticket, now)),
    lines: async (ticket: Ticket, now: number) => slaLines(await clocks(ticket, now)),
  };
}
