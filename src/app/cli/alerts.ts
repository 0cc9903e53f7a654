import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import { loadConfig } from '../../config/load';
import { createCalendars } from '../../domain/calendar';
import { DomainEventSchema, type DomainEvent } from '../../domain/events';
import { FollowupSimulation, readableAlertTarget } from '../../domain/followup';
import type { SlackDestination } from '../../domain/intents';
import { loadTextCatalog } from '../../templates/load-text';
import type { CliCommand } from './types';

const USAGE = [
  'usage: care-relay alerts simulate --events FILE.jsonl [--until ISO] [--restart-at ISO] [--config FILE] [--json]',
  '',
  'Replays a ticket history (JSON Lines of domain events) on a virtual clock and prints every alert',
  'the bot would send, when and to whom (docs/alerts.md). --until stops the clock (default: 30 days',
  'after the last event); --restart-at simulates a worker restart at that instant (nothing should',
  'change). FILE is laid over config/ as in `config check`.',
].join('\n');

function describe(to: SlackDestination): string {
  if (to.kind === 'channel') return `channel ${to.channel}`;
  if (to.kind === 'ticket-thread') return `ticket thread (or ${to.fallbackChannel})`;
  return to.slackUserId ? `DM ${to.slackUserId}` : `DM agent ${to.intercomAdminId ?? '?'}`;
}

function readEvents(file: string): { events: DomainEvent[]; errors: string[] } {
  const events: DomainEvent[] = [];
  const errors: string[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const parsed = DomainEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
        else errors.push(`${path.basename(file)}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      } catch (err) {
        errors.push(`${path.basename(file)}:${i + 1}: not JSON (${(err as Error).message})`);
      }
    });
  return { events, errors };
}

/** `care-relay alerts simulate`: which alerts a history produces, on a virtual clock. */
export const alertsCommand: CliCommand = {
  name: 'alerts',
  summary: 'alerts simulate --events FILE.jsonl: print the alerts a ticket history produces, when and to whom',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    const usageError = (why: string): number => {
      io.stderr(`${why}\n${USAGE}\n`);
      return 2;
    };
    if (sub !== 'simulate') return usageError(sub === undefined ? 'missing subcommand "simulate"' : `unknown subcommand "${sub}"`);
    const opts: Record<string, string> = {};
    let json = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--json') json = true;
      else if (['--events', '--until', '--restart-at', '--config'].includes(a)) {
        const v = rest[++i];
        if (v === undefined) return usageError(`${a} needs a value`);
        opts[a.slice(2)] = v;
      } else return usageError(`unknown option ${a}`);
    }
    if (!opts.events) return usageError('missing --events FILE.jsonl');
    const instant = (name: string): number | null | 'bad' => {
      if (opts[name] === undefined) return null;
      const dt = DateTime.fromISO(opts[name], { setZone: true });
      return dt.isValid ? dt.toMillis() : 'bad';
    };
    const until = instant('until');
    const restartAt = instant('restart-at');
    if (until === 'bad') return usageError(`--until: expected an ISO-8601 instant like 2026-04-10T23:59:00+02:00, got "${opts.until}"`);
    if (restartAt === 'bad') return usageError(`--restart-at: expected an ISO-8601 instant, got "${opts['restart-at']}"`);

    const file = path.resolve(io.cwd, opts.events);
    if (!fs.existsSync(file)) {
      io.stderr(`no such file: ${opts.events}\n`);
      return 1;
    }
    const { events, errors } = readEvents(file);
    if (errors.length > 0) {
      for (const e of errors) io.stderr(`${e}\n`);
      return 1;
    }
    const loaded = loadConfig(opts.config ? { overlay: path.resolve(io.cwd, opts.config) } : {});
    if (!loaded.ok) {
      for (const issue of loaded.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
      return 1;
    }
    const config = loaded.config;
    const calendars = createCalendars(config.calendars);
    const zone = calendars.get(config.followup.quietHoursCalendar)?.zone ?? 'Europe/Madrid';
    const last = events.reduce((m, e) => Math.max(m, e.at), 0);
    const sim = new FollowupSimulation(events, { config, calendars, texts: loadTextCatalog(), zone });
    const posted = sim.run(until ?? last + 30 * 86_400_000, restartAt);
    if (json) {
      io.stdout(JSON.stringify(posted.map((p) => ({ ...p, at: DateTime.fromMillis(p.at, { zone }).toISO() })), null, 2) + '\n');
      return 0;
    }
    // The cycle (`~`) and deadline (`#`) instants of a record target, as local time: `internal.resolution#2026-03-20T12:30+01:00`.
    const readable = (target: string) => readableAlertTarget(target, (at) => DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? String(at));
    const lines = posted.map((p) => `${DateTime.fromMillis(p.at, { zone }).toISO({ suppressMilliseconds: true })}  #${p.ticketId}  ${p.alert}:${readable(p.target)}  → ${describe(p.to)}\n    ${p.text}`);
    io.stdout([...lines, `${posted.length} alerts for ${new Set(events.map((e) => e.ticketId)).size} tickets`, ''].join('\n'));
    return 0;
  },
};
