/**
 * `npm run bench:sla`: how fast the business calendar computes deadlines, against the best
 * business-hours library on npm that handles time zones and holidays (moment-business-time on
 * moment-timezone — see docs/calendar.md for why), with every answer compared.
 *
 * Cases: random starts over 2026–2027 on the default calendar (Europe/Madrid, Mon–Fri 08:00–17:00,
 * the configured holidays), random durations from 1 minute to 48 business hours; fixed seed. The
 * answers are also compared on the staffed and provider calendars and on the shared fixture cases.
 * The last line is the summary: `sla-bench: <N> deadlines/s, <R>x <library>, <k>/<n> answers agree`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import moment from 'moment-timezone';
import 'moment-business-time';
import { CalendarsConfigSchema } from '../src/config/calendar.schema';
import { DEFAULT_CONFIG_DIR } from '../src/config/load';
import { createCalendars, resolveCalendar } from '../src/domain/calendar';
import { prng } from './prng';

const LIBRARY = 'moment-business-time';
const SEED = 20260101;
const CASES = 100_000;
const OUR_CALLS = 5_000_000;
const LIBRARY_CASES = Number(process.env.SLA_BENCH_LIBRARY_CASES ?? 3_000);
const MINUTE = 60_000;

const raw: unknown = YAML.parse(fs.readFileSync(path.join(DEFAULT_CONFIG_DIR, 'calendars.yaml'), 'utf8'));
const config = CalendarsConfigSchema.parse(raw);
const all = createCalendars(config);
const calendar = all.get('default')!;
const resolved = resolveCalendar('default', config.default, config);

// The cases: minute-aligned starts anywhere in 2026–2027 (nights, weekends, holidays included).
const random = prng(SEED);
const start = Date.parse('2026-01-01T00:00:00+01:00');
const end = Date.parse('2028-01-01T00:00:00+01:00');
const froms = new Float64Array(CASES);
const durations = new Float64Array(CASES);
for (let i = 0; i < CASES; i++) {
  froms[i] = start + Math.floor((random() * (end - start)) / MINUTE) * MINUTE;
  durations[i] = (1 + Math.floor(random() * 48 * 60)) * MINUTE;
}

// Ours: warm up (builds the two year tables), then time a few million deadlines.
let sink = 0;
const buildStart = process.hrtime.bigint();
calendar.addBusinessTime(start, MINUTE);
calendar.addBusinessTime(Date.parse('2027-06-01T00:00:00Z'), MINUTE);
calendar.addBusinessTime(Date.parse('2028-06-01T00:00:00Z'), MINUTE);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
for (let i = 0; i < 200_000; i++) sink += calendar.addBusinessTime(froms[i % CASES], durations[i % CASES]);
const t0 = process.hrtime.bigint();
for (let i = 0; i < OUR_CALLS; i++) sink += calendar.addBusinessTime(froms[i % CASES], durations[i % CASES]);
const oursSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const oursPerSecond = OUR_CALLS / oursSeconds;

// The library: each calendar as its locale data (hours per weekday, holidays as dates; a worked
// holiday is simply not a holiday), each start as a moment in the calendar's zone.
function useInLibrary(name: string): (from: number, ms: number) => number {
  const r = resolveCalendar(name, config[name], config);
  const hours: Record<number, string[] | null> = {};
  (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).forEach((day, i) => {
    const list = r.hours[day];
    hours[i] = list && list.length > 0 ? list.flatMap((iv) => [`${iv.start}:00`, `${iv.end}:00`]) : null;
  });
  moment.updateLocale('en', { workinghours: hours, holidays: Object.keys(r.closed) } as moment.LocaleSpecification);
  return (from, ms) =>
    (moment.tz(from, r.zone) as moment.Moment & { addWorkingTime(n: number, unit: string): moment.Moment }).addWorkingTime(ms / MINUTE, 'minutes').valueOf();
}

interface Disagreement {
  calendar: string;
  from: string;
  minutes: number;
  ours: string;
  library: string;
}
const disagreements: Disagreement[] = [];
let agree = 0;
let compared = 0;
let librarySeconds = 0;
let libraryCalls = 0;

/** Runs cases through the library (timed) and compares every answer with ours. */
function compare(name: string, cases: { from: number; ms: number }[]): void {
  const ourCalendar = all.get(name)!;
  const zone = ourCalendar.zone;
  const library = useInLibrary(name);
  for (let i = 0; i < Math.min(50, cases.length); i++) sink += library(cases[i].from, cases[i].ms);
  const answers = new Float64Array(cases.length);
  const t = process.hrtime.bigint();
  for (let i = 0; i < cases.length; i++) answers[i] = library(cases[i].from, cases[i].ms);
  librarySeconds += Number(process.hrtime.bigint() - t) / 1e9;
  libraryCalls += cases.length;
  const iso = (x: number) => moment.tz(x, zone).format('YYYY-MM-DDTHH:mm:ssZ ddd');
  cases.forEach((c, i) => {
    const ours = ourCalendar.addBusinessTime(c.from, c.ms);
    compared++;
    if (ours === answers[i]) agree++;
    else disagreements.push({ calendar: name, from: iso(c.from), minutes: c.ms / MINUTE, ours: iso(ours), library: iso(answers[i]) });
  });
}

const n = Math.min(LIBRARY_CASES, CASES);
const randomCases = (from: number, count: number) => Array.from({ length: count }, (_, k) => ({ from: froms[from + k], ms: durations[from + k] }));
// The shared fixture's business cases (shared/fixtures/calendar-cases.jsonl), when it is beside the checkout.
const fixture = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'calendar-cases.jsonl');
const fixtureCases = fs.existsSync(fixture)
  ? fs.readFileSync(fixture, 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { from: string; hours: number; clock: string })
      .filter((c) => c.clock === 'business')
      .map((c) => ({ from: Date.parse(c.from), ms: Math.round(c.hours * 3_600_000) }))
  : [];
compare('default', [...randomCases(0, n), ...fixtureCases]);
compare('staffed', randomCases(n, Math.ceil(n / 3)));
compare('provider-us', randomCases(2 * n, Math.ceil(n / 3)));
const libraryPerSecond = libraryCalls / librarySeconds;

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`calendar: default (${resolved.zone}), ${Object.keys(resolved.closed).length} closed dates, year tables built in ${buildMs.toFixed(1)} ms`);
console.log(`ours:    ${fmt(OUR_CALLS)} deadlines in ${oursSeconds.toFixed(3)} s over ${fmt(CASES)} cases (seed ${SEED}) → ${fmt(oursPerSecond)}/s`);
console.log(`library: ${LIBRARY} 2.0.0 on moment-timezone, ${fmt(libraryCalls)} deadlines in ${librarySeconds.toFixed(3)} s → ${fmt(libraryPerSecond)}/s`);
console.log(`compared: default ${fmt(n)} random + ${fixtureCases.length} fixture cases, staffed and provider-us ${fmt(Math.ceil(n / 3))} random each`);
for (const d of disagreements.slice(0, 20)) console.log(`  disagree (${d.calendar}): from ${d.from} + ${d.minutes} min: ours ${d.ours}, library ${d.library}`);
if (disagreements.length > 20) console.log(`  … ${disagreements.length - 20} more disagreements`);
if (sink === 42) console.log('');
console.log(`sla-bench: ${Math.round(oursPerSecond)} deadlines/s, ${Math.round(oursPerSecond / libraryPerSecond)}x ${LIBRARY}, ${agree}/${compared} answers agree`);
