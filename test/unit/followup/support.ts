import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { CalendarsConfigSchema } from '../../../src/config/calendar.schema';
import { FollowupConfigSchema } from '../../../src/config/followup.schema';
import { PlansConfigSchema } from '../../../src/config/plans.schema';
import { SlaConfigSchema } from '../../../src/config/sla.schema';
import { SlackConfigSchema } from '../../../src/config/slack.schema';
import { createCalendars } from '../../../src/domain/calendar';
import { DomainEventSchema, type DomainEvent, type DomainEventInput, type DistributiveOmit } from '../../../src/domain/events';
import { decideFollowup, type FollowupCalendar, type FollowupInput, type SlaTargetView } from '../../../src/domain/followup';
import { foldTicket, type Ticket } from '../../../src/domain/ticket';
import { loadTextCatalog } from '../../../src/templates/load-text';

function section<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../config', file), 'utf8');
  return schema.parse(YAML.parse(text) ?? {});
}

/**
 * The shipped configuration sections the follow-up reads, calendars and texts: tests read the
 * methodology's defaults (section by section, so another section being edited cannot break them).
 */
export const config = {
  followup: section('followup.yaml', FollowupConfigSchema),
  sla: section('sla.yaml', SlaConfigSchema),
  plans: section('plans.yaml', PlansConfigSchema),
  slack: section('slack.yaml', SlackConfigSchema),
};
const calendarsConfig = section('calendars.yaml', CalendarsConfigSchema);
export const calendars = createCalendars(calendarsConfig);
export const madrid: FollowupCalendar = calendars.get('default')!;
export const texts = loadTextCatalog();
export const channels = { team: 'CTEAM', managers: 'CMGR', evo: 'CEVO' };
export const style = { lang: 'en' as const, intercomUrl: 'https://app.intercom.com/a/inbox/x/inbox/conversation/{id}' };

/** Local Madrid wall time → epoch ms, e.g. `at('2026-10-13 10:00')` (offset from Intl, so DST-correct). */
export function at(local: string): number {
  const [d, t = '00:00'] = local.split(' ');
  const [y, mo, da] = d.split('-').map(Number);
  const [h, mi] = t.split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, da, h, mi);
  for (const offsetH of [1, 2]) {
    const candidate = guess - offsetH * 3_600_000;
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', day: '2-digit' }).formatToParts(new Date(candidate));
    const hh = Number(parts.find((p) => p.type === 'hour')!.value);
    const dd = Number(parts.find((p) => p.type === 'day')!.value);
    if (hh === h && dd === da) return candidate;
  }
  throw new Error(`no such local time ${local}`);
}

/** Epoch ms → `YYYY-MM-DD HH:mm` in Madrid, for readable expectations. */
export function local(ms: number): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const g = (k: string): string => p.find((x) => x.type === k)!.value;
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
}

let seq = 0;
/** Builds a domain event for ticket `ticketId` at a local Madrid time. */
export function ev(ticketId: string, when: string, e: DistributiveOmit<DomainEventInput, 'id' | 'ticketId' | 'at' | 'source'> & { source?: DomainEvent['source'] }): DomainEvent {
  seq += 1;
  return DomainEventSchema.parse({ source: 'intercom', ...e, id: `e${String(seq).padStart(5, '0')}`, ticketId, at: at(when) });
}

export function ticketOf(id: string, events: DomainEvent[]): Ticket {
  return foldTicket(id, events);
}

export const NO_FLAGS = { complaint: false, keyAccount: false, multiTopic: false, phoneRequest: false, outOfScope: false, missingInfo: false };

/** A FollowupInput with the shipped defaults; override what a test is about. */
export function inputFor(ticket: Ticket, now: number, over: Partial<FollowupInput> = {}): FollowupInput {
  return {
    ticket,
    now,
    config: config.followup,
    calendar: madrid,
    officeCalendar: madrid,
    sla: [] as SlaTargetView[],
    texts,
    channels,
    style,
    phoneIncluded: null,
    evoRankInMonth: null,
    ...over,
  };
}

/** Runs the decision and answers what was posted, as `alert target → destination` lines. */
export function decide(ticket: Ticket, now: number, over: Partial<FollowupInput> = {}) {
  return decideFollowup(inputFor(ticket, now, over));
}

export function destination(to: { kind: string; channel?: string; slackUserId?: string; intercomAdminId?: string }): string {
  if (to.kind === 'channel') return `#${to.channel}`;
  return `@${to.slackUserId ?? 'admin:' + to.intercomAdminId}`;
}

