import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '', env: {}, cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('care-relay calendar show <year>', () => {
  it("lists 2026's closed and worked holidays of the team calendar, with weekday and name", async () => {
    const { code, out } = await run('calendar', 'show', '2026', '--calendar', 'default');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'default (Europe/Madrid) — Customer Care, Igualada (Spain peninsular time), Mon–Fri 08:00–17:00',
      '  2026-01-01  Thu  closed  Año Nuevo',
      '  2026-01-06  Tue  closed  Reyes',
      '  2026-04-03  Fri  closed  Viernes Santo',
      '  2026-04-06  Mon  closed  Lunes de Pascua',
      "  2026-04-07  Tue  open    Sant Crist d'Igualada",
      '  2026-05-01  Fri  closed  Fiesta del Trabajo',
      '  2026-06-24  Wed  open    Sant Joan',
      '  2026-08-15  Sat  closed  Asunción',
      "  2026-08-31  Mon  open    Festa Major d'Igualada",
      '  2026-09-11  Fri  open    Diada',
      '  2026-10-12  Mon  closed  Fiesta Nacional',
      '  2026-11-01  Sun  closed  Todos los Santos',
      '  2026-12-06  Sun  closed  Día de la Constitución',
      '  2026-12-08  Tue  closed  Inmaculada Concepción',
      '  2026-12-25  Fri  closed  Navidad',
      '  2026-12-26  Sat  closed  Sant Esteve',
      '  12 closed, 4 open on a holiday',
      '',
    ]);
  });

  it('shows every calendar when none is named', async () => {
    const { code, out } = await run('calendar', 'show', '2027');
    expect(code).toBe(0);
    expect(out).toContain('default (Europe/Madrid)');
    expect(out).toContain('staffed (Europe/Madrid)');
    expect(out).toContain('provider-us (America/New_York)');
    expect(out).toContain('  2027-03-30  Tue  open    Sant Crist d\'Igualada');
    expect(out).toContain('  2027-11-25  Thu  closed  Thanksgiving Day');
  });

  it('warns about a year with no closed dates', async () => {
    const { code, out } = await run('calendar', 'show', '2028', '--calendar', 'staffed');
    expect(code).toBe(0);
    expect(out).toContain('  warning: no closed dates configured for 2028');
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await run('calendar', 'show', '2026', '--calendar', 'provider-us', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { year: number; calendars: { calendar: string; dates: { date: string; kind: string }[] }[] };
    expect(parsed.year).toBe(2026);
    expect(parsed.calendars.map((c) => c.calendar)).toEqual(['provider-us']);
    expect(parsed.calendars[0].dates.map((d) => d.date)).toEqual(['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25']);
  });

  it('shows a FILE laid over the defaults, and reports its mistakes with their paths', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-relay-calendar-cli-'));
    try {
      const good = path.join(dir, 'good.yaml');
      fs.writeFileSync(good, 'calendars:\n  default:\n    closed:\n      2026-06-01: Segunda Pascua\n');
      const shown = await run('calendar', 'show', '2026', '--calendar', 'default', '--config', good);
      expect(shown.code).toBe(0);
      expect(shown.out).toContain('  2026-06-01  Mon  closed  Segunda Pascua');
      const bad = path.join(dir, 'bad.yaml');
      fs.writeFileSync(bad, 'calendars:\n  default:\n    hours:\n      mon: [{ start: "8h", end: "17:00" }]\n');
      const refused = await run('calendar', 'show', '2026', '--config', bad);
      expect(refused.code).toBe(1);
      expect(refused.err).toBe('calendars.default.hours.mon.0.start: expected a time like "08:00"\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown calendar (exit 1) and a missing or malformed year (exit 2)', async () => {
    const unknown = await run('calendar', 'show', '2026', '--calendar', 'platinum');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('no calendar named "platinum"; configured: default, staffed, provider-us\n');
    expect((await run('calendar', 'show')).code).toBe(2);
    expect((await run('calendar', 'show', '26')).code).toBe(2);
    expect((await run('calendar', 'list', '2026')).code).toBe(2);
  });
});
