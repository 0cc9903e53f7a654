import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DomainEvent } from '../../domain/events';
import { MetricsError } from '../../domain/metrics/metrics-error';
import { weekOf } from '../../domain/metrics/periods';
import { loadTextCatalog } from '../../templates/load-text';
import { produceWeeklyReport } from '../report/produce-weekly-report';
import { readEventsFile } from '../report/read-events-file';
import { readEventsFromRedis } from '../report/read-events-from-redis';
import { loadReportConfig } from '../report/load-report-config';
import { slaFactsFromClock } from '../report/sla-facts-from-clock';
import { loadConfig } from '../../config/load';
import { parseIsoWeek } from '../../domain/metrics/periods';
import type { SlaFact } from '../../domain/metrics/sla-facts';
import type { CliCommand } from './types';

const USAGE = [
  'usage: care-relay report [--week 2026-W47] --out FILE [--events FILE | --redis URL [--prefix cr]] [--lang es|en] [--config FILE]',
  '',
  'Writes the weekly metrics report for an ISO week (Europe/Madrid; default: the last complete week).',
  'The output format follows the extension of --out:',
  '  .png   the chart (12 weeks of volume by type and the first-response trend)',
  '  .html  the whole report with the chart, readable in a browser',
  '  .json  the Slack message (text + Block Kit) and the report model',
  'Events come from a JSON Lines file of domain events (--events), or from the Redis ticket store',
  '(--redis URL, default $REDIS_URL, key prefix --prefix, default cr).',
].join('\n');

type Options = { week?: string; out?: string; events?: string; redis?: string; prefix?: string; lang?: 'es' | 'en'; config?: string };

function parseArgs(args: string[]): Options | string {
  const o: Options = {};
  const flags: Record<string, keyof Options> = { '--week': 'week', '--out': 'out', '--events': 'events', '--redis': 'redis', '--prefix': 'prefix', '--lang': 'lang', '--config': 'config' };
  for (let i = 0; i < args.length; i++) {
    const key = flags[args[i]];
    if (!key) return `unknown option ${args[i]}`;
    const value = args[++i];
    if (value === undefined) return `${args[i - 1]} needs a value`;
    if (key === 'lang' && value !== 'es' && value !== 'en') return '--lang must be es or en';
    (o as Record<string, string>)[key] = value;
  }
  if (!o.out) return '--out FILE is required';
  if (!/\.(png|html?|json)$/i.test(o.out)) return '--out must end in .png, .html or .json';
  if (o.events && o.redis) return 'give --events or --redis, not both';
  return o;
}

/** `care-relay report`: the weekly report as PNG, HTML or Block Kit JSON. */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'report --week 2026-W47 --out FILE.png|.html|.json: write the weekly metrics report',
  usage: USAGE,
  async run(args, io) {
    const o = parseArgs(args);
    if (typeof o === 'string') {
      io.stderr(`${o}\n${USAGE}\n`);
      return 2;
    }
    const cfg = loadReportConfig({ overlay: o.config ? path.resolve(io.cwd, o.config) : undefined });
    if (!cfg.ok) {
      for (const issue of cfg.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
      return 1;
    }
    const config = cfg.config;
    let events: DomainEvent[];
    try {
      if (o.events) events = readEventsFile(path.resolve(io.cwd, o.events));
      else {
        const url = o.redis ?? io.env.REDIS_URL;
        if (!url) {
          io.stderr(`no events: give --events FILE, or --redis URL (or set REDIS_URL)\n`);
          return 2;
        }
        const { Redis } = await import('ioredis');
        const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
        try {
          await redis.connect();
          events = await readEventsFromRedis(redis, o.prefix);
        } finally {
          redis.disconnect();
        }
      }
    } catch (err) {
      io.stderr(`report: ${(err as Error).message}\n`);
      return 1;
    }
    // A composition root may read the clock: the default week is the last complete one.
    const week = o.week ?? weekOf(weekOf(Date.now(), config.metrics.timezone).start - 1, config.metrics.timezone).id;
    const ext = path.extname(o.out as string).toLowerCase();
    try {
      // SLA compliance from the SLA clock when the whole configuration is valid; otherwise from the
      // breach alerts recorded in the log (docs/metrics.md).
      let slaFacts: SlaFact[] | undefined;
      let agentNames: Record<string, string> | undefined;
      const full = loadConfig({ overlay: o.config ? path.resolve(io.cwd, o.config) : undefined });
      if (full.ok) {
        slaFacts = slaFactsFromClock(events, full.config, parseIsoWeek(week, config.metrics.timezone).end);
        agentNames = full.config.slack.adminEmails;
      }
      else io.stderr(`report: the configuration has errors outside calendars/metrics (run care-relay config check); SLA compliance is read from the breach alerts\n`);
      const produced = await produceWeeklyReport({ events, week, config, catalog: loadTextCatalog(), language: o.lang, png: ext === '.png', slaFacts, agentNames });
      const out = path.resolve(io.cwd, o.out as string);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (ext === '.png') fs.writeFileSync(out, produced.png as Buffer);
      else if (ext === '.json') fs.writeFileSync(out, JSON.stringify({ text: produced.text, blocks: produced.blocks, report: produced.report }, null, 2) + '\n');
      else fs.writeFileSync(out, produced.html);
      const r = produced.report;
      io.stdout(
        `report ${r.week.id}: ${r.metrics.opened} opened, ${r.metrics.closed} closed, ${r.spikes.length} spike(s), ` +
          `${new Set(events.map((e) => e.ticketId)).size} ticket(s) read → ${out}\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof MetricsError) {
        io.stderr(`report: ${err.message}\n`);
        return 2;
      }
      io.stderr(`report: ${(err as Error).message}\n`);
      return 1;
    }
  },
};
