import type { Config } from '../../config/schema';
import type { TextCatalog } from '../../templates/text';
import type { DomainEvent } from '../events';
import { calendarNameFor, computeSlaClocks, profileOf, type SlaCalendar } from '../sla';
import type { Ticket } from '../ticket';
import { naturalCalendar } from './natural-calendar';
import { slaTargetViews } from './sla-view';
import type { FollowupCalendar, FollowupInput } from './types';

/** A calendar the follow-up and the SLA clock can both use (any `BusinessCalendar` is one). */
export type AnyCalendar = FollowupCalendar & SlaCalendar;

/** The configuration sections the follow-up reads. */
export type FollowupSettings = Pick<Config, 'followup' | 'sla' | 'plans' | 'slack'>;

export interface FollowupInputOptions {
  ticket: Ticket;
  /** The ticket's events (the SLA clock reads the history, not just the state). */
  events: readonly DomainEvent[];
  now: number;
  config: FollowupSettings;
  /** Calendars by name: `createCalendars(config.calendars)`. */
  calendars: ReadonlyMap<string, AnyCalendar>;
  texts: TextCatalog;
  evoRankInMonth?: number | null;
}

function calendarNamed(name: string, calendars: ReadonlyMap<string, AnyCalendar>, fallback: AnyCalendar): FollowupCalendar {
  if (name === 'natural') return naturalCalendar(fallback.zone);
  return calendars.get(name) ?? fallback;
}

/**
 * The ticket's own clock for the ladder and reminders: the provider's calendar once the ticket is
 * handed over (the provider's SLA applies; the ladder stays ours), else the calendar its SLA runs on
 * (per priority — Muy Alta is natural time —, key account, plan, default).
 */
export function ticketCalendar(ticket: Ticket, config: FollowupSettings, calendars: ReadonlyMap<string, AnyCalendar>): FollowupCalendar {
  const fallback = calendars.get('default') ?? [...calendars.values()][0];
  const provider = ticket.waitingOnProvider ? config.sla.providers[ticket.waitingOnProvider] : undefined;
  if (provider) return calendarNamed(provider.calendar, calendars, fallback);
  return calendarNamed(calendarNameFor(profileOf(ticket, config.sla), config.sla), calendars, fallback);
}

/**
 * Assembles a {@link FollowupInput} from the whole configuration (pure): the SLA clock's targets at
 * `now`, the ticket's calendar, the office calendar for quiet hours, the channels, language and
 * Intercom link from the `slack` section and phone support from the `plans` section.
 */
export function followupInputFor(o: FollowupInputOptions): FollowupInput {
  const { ticket, config, calendars } = o;
  const fallback = calendars.get('default') ?? [...calendars.values()][0];
  const report = ticket.opened ? computeSlaClocks({ events: o.events, now: o.now, config: { sla: config.sla, plans: config.plans }, calendars }) : null;
  const plan = ticket.company?.plan ?? null;
  return {
    ticket,
    now: o.now,
    config: config.followup,
    calendar: ticketCalendar(ticket, config, calendars),
    officeCalendar: calendars.get(config.followup.quietHoursCalendar) ?? fallback,
    sla: report ? slaTargetViews(report.clocks) : [],
    texts: o.texts,
    channels: { team: config.slack.channels.team, managers: config.slack.channels.managers, evo: config.slack.channels.evo },
    style: { lang: config.slack.language, intercomUrl: config.slack.intercomConversationUrl },
    phoneIncluded: plan === null ? null : config.plans[plan].phoneSupport,
    evoRankInMonth: o.evoRankInMonth ?? null,
  };
}
