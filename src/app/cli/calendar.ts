import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { CalendarsConfigSchema, type CalendarsConfig } from '../../config/calendar.schema';
import { DEFAULT_CONFIG_DIR, deepMerge, formatIssues, type ConfigIssue } from '../../config/load';
import { resolveCalendars, specialDates } from '../../domain/calendar';
import type { CliCommand } from './types';

const USAGE = [
  'usage: care-relay calendar show <year> [--calendar NAME] [--config FILE] [--dir DIR] [--json]',
  '',
  "Lists the year's closed dates and the holidays worked on purpose (date, weekday, name), per",
  'calendar (all of them unless --calendar). FILE is laid over config/ (or DIR) as in `config check`.',
].join('\n');

/** `care-relay calendar show <year>`: the year's closed and open-on-holiday dates, per calendar. */
export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: "calendar show <year> [--calendar NAME]: list the year's closed and open-on-holiday dates",
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    let year: number | undefined;
    let only: string | undefined;
    let overlay: string | undefined;
    let dir: string | undefined;
    let json = false;
    const usageError = (why: string): number => {
      io.stderr(`${why}\n${USAGE}\n`);
      return 2;
    };
    if (sub !== 'show') return usageError(sub === undefined ? 'missing subcommand "show"' : `unknown subcommand "${sub}"`);
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--calendar' || a === '--config' || a === '--dir') {
        const v = rest[++i];
        if (v === undefined) return usageError(`${a} needs a value`);
        if (a === '--calendar') only = v;
        else if (a === '--config') overlay = v;
        else dir = v;
      } else if (a === '--json') json = true;
      else if (a.startsWith('-')) return usageError(`unknown option ${a}`);
      else if (year === undefined && /^\d{4}$/.test(a)) year = Number(a);
      else return usageError(`expected a year like 2026, got "${a}"`);
    }
    if (year === undefined) return usageError('missing <year>');

    const result = loadCalendarsSection(dir ?? DEFAULT_CONFIG_DIR, overlay);
    if (!result.ok) {
      for (const issue of result.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
      return 1;
    }
    let calendars = resolveCalendars(result.calendars);
    if (only !== undefined) {
      calendars = calendars.filter((c) => c.name === only);
      if (calendars.length === 0) {
        io.stderr(`no calendar named "${only}"; configured: ${Object.keys(result.calendars).join(', ')}\n`);
        return 1;
      }
    }
    const shown = calendars.map((c) => ({ calendar: c.name, zone: c.zone, description: c.description, dates: specialDates(c, year) }));
    if (json) {
      io.stdout(JSON.stringify({ year, calendars: shown }, null, 2) + '\n');
      return 0;
    }
    const lines: string[] = [];
    for (const c of shown) {
      lines.push(`${c.calendar} (${c.zone})${c.description ? ` — ${c.description}` : ''}`);
      if (!c.dates.some((d) => d.kind === 'closed')) lines.push(`  warning: no closed dates configured for ${year}`);
      for (const d of c.dates) lines.push(`  ${d.date}  ${d.weekday}  ${d.kind === 'closed' ? 'closed' : 'open  '}  ${d.name}`);
      const closed = c.dates.filter((d) => d.kind === 'closed').length;
      lines.push(`  ${closed} closed, ${c.dates.length - closed} open on a holiday`, '');
    }
    io.stdout(lines.join('\n'));
    return 0;
  },
};

function readYamlFile(file: string, issues: ConfigIssue[]): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  } catch (err) {
    issues.push({ path: '(file)', message: `${file}: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/**
 * Reads only the `calendars` section (DIR/calendars.yaml with FILE's `calendars:` — or a folder's
 * calendars.yaml — laid over it), the way `loadConfig` merges it, so the year's dates can be shown
 * while another section of the configuration is being edited. `config check` validates the whole.
 */
function loadCalendarsSection(dir: string, overlay: string | undefined): { ok: true; calendars: CalendarsConfig } | { ok: false; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const base = path.join(dir, 'calendars.yaml');
  let raw: unknown = fs.existsSync(base) ? readYamlFile(base, issues) : {};
  if (overlay !== undefined) {
    if (!fs.existsSync(overlay)) issues.push({ path: '(file)', message: `no such file or folder: ${overlay}` });
    else if (fs.statSync(overlay).isDirectory()) {
      const file = path.join(overlay, 'calendars.yaml');
      if (fs.existsSync(file)) raw = deepMerge(raw, readYamlFile(file, issues));
    } else {
      const doc = readYamlFile(overlay, issues) as { calendars?: unknown } | undefined;
      if (doc && typeof doc === 'object' && doc.calendars !== undefined) raw = deepMerge(raw, doc.calendars);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = CalendarsConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error).map((i) => ({ ...i, path: i.path === '(root)' ? 'calendars' : `calendars.${i.path}` })) };
  return { ok: true, calendars: parsed.data };
}
