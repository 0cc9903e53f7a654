import { DateTime } from 'luxon';
import { formatDuration } from '../../config/duration';
import { loadConfig } from '../../config/load';
import type { Config } from '../../config/schema';
import { NATURAL_CALENDAR } from '../../config/sla.schema';
import { createCalendars } from '../../domain/calendar';
import { DomainEventSchema } from '../../domain/events';
import { computeSlaClocks, slaCalendar, type SlaCalendar, type SlaClock } from '../../domain/sla';
import {
  EvoCriticalitySchema,
  HostingSchema,
  IncidentPrioritySchema,
  PlanSchema,
  TicketTypeSchema,
  type Hosting,
  type Plan,
  type TicketType,
} from '../../domain/vocabulary';
import type { CliCommand, CliIo } from './types';

const USAGE = [
  'usage: care-relay sla add --from <ISO-8601> --hours <n> [--clock business|natural] [--calendar NAME] [--config FILE] [--dir DIR]',
  '       care-relay sla deadlines --plan <plan> --type <type> [--priority <priority>] [--hosting saas|self-hosted]',
  '                                [--at <ISO-8601>] [--key-account] [--config FILE] [--dir DIR]',
  '',
  'add        the instant <n> hours after --from: business hours of the calendar (default: the',
  '           default calendar) or natural hours; printed as ISO-8601 in the calendar\'s zone.',
  '           A --from without an offset is read in the calendar\'s zone.',
  'deadlines  every SLA target (contractual and internal, tables and rules) of a ticket opened at',
  '           --at (default: now) with that plan, type and priority, with its deadline, as JSON.',
  '           Priorities: incidencia "Muy Alta", Alta, Media, Baja; evolutivo Baja, Media, Urgente;',
  '           a consulta has none (or "normal").',
  'FILE is laid over config/ (or DIR) as in `config check`. Exit 2 on bad arguments, 1 on bad config.',
].join('\n');

/** A usage problem: printed with the usage, exit code 2. */
class UsageError extends Error {}

interface Parsed {
  values: Map<string, string>;
  flags: Set<string>;
}

/** Reads `--name value` options and `--flag` switches; anything else is a usage error. */
function parseOptions(args: readonly string[], valued: readonly string[], switches: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${a} needs a value`);
      values.set(a, v);
    } else if (switches.includes(a)) flags.add(a);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  return { values, flags };
}

function required(p: Parsed, name: string): string {
  const v = p.values.get(name);
  if (v === undefined) throw new UsageError(`missing ${name}`);
  return v;
}

function oneOf<T extends string>(name: string, value: string, options: readonly T[]): T {
  if (!(options as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${options.join(', ')}; got "${value}"`);
  return value as T;
}

/** An instant from ISO-8601; without an offset it is read in `zone`. */
function parseInstant(name: string, text: string, zone: string): number {
  const dt = DateTime.fromISO(text, { zone, setZone: true });
  if (!dt.isValid) throw new UsageError(`${name} must be an ISO-8601 date-time like 2026-06-26T16:30:00+02:00; got "${text}"`);
  return dt.toMillis();
}

/** ISO-8601 with the zone's offset, e.g. 2026-06-29T08:30:00+02:00. */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

function loadOrReport(p: Parsed, io: CliIo): Config | null {
  const result = loadConfig({ dir: p.values.get('--dir'), overlay: p.values.get('--config') });
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
    io.stderr(`sla: the configuration is invalid (see \`care-relay config check\`)\n`);
    return null;
  }
  return result.config;
}

function calendarsOf(config: Config): ReadonlyMap<string, SlaCalendar> {
  return createCalendars(config.calendars);
}

function lookUpCalendar(name: string, calendars: ReadonlyMap<string, SlaCalendar>): SlaCalendar {
  const cal = calendars.get(name);
  if (!cal) throw new UsageError(`no calendar named "${name}"; configured: ${[...calendars.keys()].join(', ')}`);
  return cal;
}

function runAdd(args: readonly string[], io: CliIo): number {
  const p = parseOptions(args, ['--from', '--hours', '--clock', '--calendar', '--config', '--dir'], []);
  const from = required(p, '--from');
  const hoursText = required(p, '--hours');
  const hours = Number(hoursText);
  if (hoursText.trim() === '' || !Number.isFinite(hours) || hours < 0) throw new UsageError(`--hours must be a number of hours >= 0, like 4 or 1.5; got "${hoursText}"`);
  const clock = oneOf('--clock', p.values.get('--clock') ?? 'business', ['business', 'natural'] as const);
  const config = loadOrReport(p, io);
  if (!config) return 1;
  const calendars = calendarsOf(config);
  const cal = lookUpCalendar(p.values.get('--calendar') ?? config.sla.calendars.default, calendars);
  const start = parseInstant('--from', from, cal.zone);
  const ms = Math.round(hours * 3_600_000);
  const end = clock === 'natural' ? slaCalendar(NATURAL_CALENDAR, calendars).addBusinessTime(start, ms) : cal.addBusinessTime(start, ms);
  io.stdout(`${formatInstant(end, cal.zone)}\n`);
  return 0;
}

/** The priority as the tables know it, checked against the type. */
function priorityFor(type: TicketType, text: string | undefined): string | null {
  if (type === 'consulta') {
    if (text !== undefined && text !== 'normal') throw new UsageError(`a consulta has no priority (one row, "normal"); got "${text}"`);
    return null;
  }
  if (text === undefined) throw new UsageError(`missing --priority (${type === 'incidencia' ? IncidentPrioritySchema.options.join(', ') : EvoCriticalitySchema.options.join(', ')})`);
  return type === 'incidencia' ? oneOf('--priority', text, IncidentPrioritySchema.options) : oneOf('--priority', text, EvoCriticalitySchema.options);
}

function runDeadlines(args: readonly string[], io: CliIo): number {
  const p = parseOptions(args, ['--plan', '--type', '--priority', '--hosting', '--at', '--config', '--dir'], ['--key-account']);
  const plan: Plan = oneOf('--plan', required(p, '--plan'), PlanSchema.options);
  const type: TicketType = oneOf('--type', required(p, '--type'), TicketTypeSchema.options);
  const priority = priorityFor(type, p.values.get('--priority'));
  const hostingText = p.values.get('--hosting');
  const hostingArg: Hosting | undefined = hostingText === undefined ? undefined : oneOf('--hosting', hostingText, HostingSchema.options);
  const keyAccount = p.flags.has('--key-account');
  const config = loadOrReport(p, io);
  if (!config) return 1;
  const calendars = calendarsOf(config);
  const home = lookUpCalendar(config.sla.calendars.default, calendars);
  const atText = p.values.get('--at');
  const at = atText === undefined ? Date.now() : parseInstant('--at', atText, home.zone);
  const hosting = hostingArg ?? config.sla.assume.hosting;
  // A ticket opened at `at` and classified by an agent: the SLA clock then answers as for any ticket.
  const base = { ticketId: 'cli', at, source: 'slack' as const };
  const events = [
    DomainEventSchema.parse({ ...base, id: 'cli-opened', kind: 'ConversationOpened', company: { id: 'cli', plan, hosting, tags: keyAccount ? ['KA'] : [] } }),
    DomainEventSchema.parse({ ...base, id: 'cli-classified', kind: 'Reclassified', by: 'cli', type, priority }),
  ];
  const report = computeSlaClocks({ events, now: at, config: { sla: config.sla, plans: config.plans }, calendars });
  const zoneOf = (c: SlaClock) => (c.calendar === NATURAL_CALENDAR ? home.zone : lookUpCalendar(c.calendar, calendars).zone);
  const out = {
    at: formatInstant(at, home.zone),
    profile: report.profile,
    phoneSupport: config.plans[plan].phoneSupport,
    targets: report.clocks.map((c) => ({
      key: c.key,
      level: c.level,
      kind: c.kind,
      duration: formatDuration(c.durationMs),
      clock: c.clock,
      calendar: c.calendar,
      binding: c.binding,
      deadline: c.deadline === null ? null : formatInstant(c.deadline, zoneOf(c)),
      atRiskAt: c.atRiskAt === null ? null : formatInstant(c.atRiskAt, zoneOf(c)),
      ...(c.description ? { description: c.description } : {}),
    })),
  };
  io.stdout(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

/** `care-relay sla add …` and `care-relay sla deadlines …`: the SLA clock from the command line. */
export const slaCommand: CliCommand = {
  name: 'sla',
  summary: 'sla add --from <ISO> --hours <n> | sla deadlines --plan P --type T --priority X: SLA arithmetic and deadlines',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'add') return runAdd(rest, io);
      if (sub === 'deadlines') return runDeadlines(rest, io);
      throw new UsageError(sub === undefined ? 'missing subcommand "add" or "deadlines"' : `unknown subcommand "${sub}"`);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`sla: ${err.message}\n${USAGE}\n`);
      return 2;
    }
  },
};
