import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';
import { ROOT } from './sla-test-kit';

const SHARED = path.resolve(ROOT, '..', 'shared');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '', env: {}, cwd: ROOT };
  const code = await runCli(argv, io);
  return { code, out, err };
}

interface Deadlines {
  at: string;
  profile: Record<string, unknown>;
  phoneSupport: boolean;
  targets: { key: string; duration: string; clock: string; calendar: string; binding: boolean; deadline: string; atRiskAt: string }[];
}

async function deadlines(...argv: string[]): Promise<Deadlines> {
  const r = await cli('sla', 'deadlines', ...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Deadlines;
}

function target(d: Deadlines, key: string) {
  const t = d.targets.find((x) => x.key === key);
  if (!t) throw new Error(`no target ${key}`);
  return t;
}

describe('care-relay sla add', () => {
  const cases = fs
    .readFileSync(path.join(SHARED, 'fixtures', 'calendar-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { from: string; hours: number; clock: string; expect: string; why: string });

  it('has the calendar cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases.map((c) => [c.why, c] as const))('%s', async (_why, c) => {
    const r = await cli('sla', 'add', '--from', c.from, '--hours', String(c.hours), '--clock', c.clock);
    expect(r).toEqual({ code: 0, out: `${c.expect}\n`, err: '' });
  });

  it('counts business hours by default', async () => {
    expect((await cli('sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '1')).out).toBe('2026-06-29T08:30:00+02:00\n');
  });

  it('reads a start without an offset in the calendar zone', async () => {
    expect((await cli('sla', 'add', '--from', '2026-06-26T16:30', '--hours', '1')).out).toBe('2026-06-29T08:30:00+02:00\n');
  });

  it('counts on another calendar when asked: the staffed calendar opens on Saturday morning', async () => {
    expect((await cli('sla', 'add', '--from', '2026-06-26T19:30:00+02:00', '--hours', '1', '--calendar', 'staffed')).out).toBe('2026-06-27T09:30:00+02:00\n');
  });

  it("prints a provider's deadline in the provider's zone", async () => {
    expect((await cli('sla', 'add', '--from', '2026-07-06T10:00:00+02:00', '--hours', '40', '--calendar', 'provider-us')).out).toBe('2026-07-10T18:00:00-04:00\n');
  });
});

describe('care-relay sla deadlines', () => {
  it('lists every target of a Gold SaaS Alta incident with its deadline', async () => {
    const d = await deadlines('--plan', 'Gold', '--type', 'incidencia', '--priority', 'Alta', '--hosting', 'saas', '--at', '2026-07-03T16:00:00+02:00');
    expect(d.profile).toEqual({ hosting: 'saas', type: 'incidencia', priority: 'Alta', plan: 'Gold', keyAccount: false });
    expect(d.phoneSupport).toBe(true);
    expect(d.targets.map((t) => [t.key, t.duration, t.deadline])).toEqual([
      ['contractual.firstResponse', '4h', '2026-07-06T11:00:00+02:00'],
      ['contractual.resolution', '16h', '2026-07-07T14:00:00+02:00'],
      ['internal.firstResponse', '2h', '2026-07-06T09:00:00+02:00'],
      ['internal.resolution', '8h', '2026-07-06T15:00:00+02:00'],
    ]);
    expect(target(d, 'contractual.firstResponse').atRiskAt).toBe('2026-07-06T10:00:00+02:00');
    expect(target(d, 'contractual.firstResponse').binding).toBe(true);
  });

  it('a Muy Alta opened on Friday at 18:00 is due on Saturday', async () => {
    const d = await deadlines('--plan', 'Bronze', '--type', 'incidencia', '--priority', 'Muy Alta', '--at', '2026-07-03T18:00:00+02:00');
    expect(target(d, 'contractual.firstResponse')).toMatchObject({ clock: 'natural', calendar: 'natural', deadline: '2026-07-04T02:00:00+02:00' });
  });

  it('a key account counts on the staffed calendar', async () => {
    const d = await deadlines('--plan', 'Gold', '--type', 'incidencia', '--priority', 'Alta', '--at', '2026-07-03T19:00:00+02:00', '--key-account');
    expect(target(d, 'contractual.firstResponse')).toMatchObject({ calendar: 'staffed', deadline: '2026-07-04T12:00:00+02:00' });
  });

  it('a consulta needs no priority; an evolutivo takes its criticality', async () => {
    const q = await deadlines('--plan', 'Silver', '--type', 'consulta', '--at', '2026-07-06T08:00:00+02:00');
    expect(target(q, 'contractual.firstResponse')).toMatchObject({ duration: '12h', deadline: '2026-07-07T11:00:00+02:00' });
    const evo = await deadlines('--plan', 'Platinum', '--type', 'evolutivo', '--priority', 'Urgente', '--hosting', 'self-hosted', '--at', '2026-07-06T08:00:00+02:00');
    expect(target(evo, 'contractual.firstResponse')).toMatchObject({ duration: '6h', calendar: 'staffed', deadline: '2026-07-06T14:00:00+02:00' });
  });

  it("with Complif's rules, one target: an answer within 24 natural hours", async () => {
    const d = await deadlines('--plan', 'Gold', '--type', 'consulta', '--at', '2026-07-03T18:00:00+02:00', '--config', path.join(ROOT, 'config/examples/complif.yaml'));
    expect(d.targets.map((t) => [t.key, t.deadline])).toEqual([['contractual.answerWithin24h', '2026-07-04T18:00:00+02:00']]);
  });
});

describe('care-relay sla with bad arguments says what is wrong and exits 2', () => {
  it.each([
    [['sla'], 'missing subcommand "add" or "deadlines"'],
    [['sla', 'subtract'], 'unknown subcommand "subtract"'],
    [['sla', 'add', '--hours', '2'], 'missing --from'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00'], 'missing --hours'],
    [['sla', 'add', '--from', 'next friday', '--hours', '2'], '--from must be an ISO-8601 date-time like 2026-06-26T16:30:00+02:00; got "next friday"'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', 'two'], '--hours must be a number of hours >= 0, like 4 or 1.5; got "two"'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '-1'], '--hours must be a number of hours >= 0'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '2', '--clock', 'wall'], '--clock must be one of business, natural; got "wall"'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '2', '--calendar', 'mars'], 'no calendar named "mars"; configured: default, staffed'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours'], '--hours needs a value'],
    [['sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '2', '--fast'], 'unknown option --fast'],
    [['sla', 'deadlines', '--type', 'incidencia', '--priority', 'Alta'], 'missing --plan'],
    [['sla', 'deadlines', '--plan', 'Diamond', '--type', 'incidencia', '--priority', 'Alta'], '--plan must be one of Platinum, Gold, Silver, Bronze; got "Diamond"'],
    [['sla', 'deadlines', '--plan', 'Gold', '--type', 'incidencia'], 'missing --priority (Muy Alta, Alta, Media, Baja)'],
    [['sla', 'deadlines', '--plan', 'Gold', '--type', 'incidencia', '--priority', 'Urgente'], '--priority must be one of Muy Alta, Alta, Media, Baja; got "Urgente"'],
    [['sla', 'deadlines', '--plan', 'Gold', '--type', 'consulta', '--priority', 'Alta'], 'a consulta has no priority (one row, "normal"); got "Alta"'],
    [['sla', 'deadlines', '--plan', 'Gold', '--type', 'evolutivo', '--priority', 'Media', '--hosting', 'cloud'], '--hosting must be one of saas, self-hosted; got "cloud"'],
    [['sla', 'deadlines', '--plan', 'Gold', '--type', 'consulta', '--at', 'yesterday'], '--at must be an ISO-8601 date-time'],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`sla: ${message}`);
    expect(r.err).toContain('usage: care-relay sla add');
  });

  it('a bad configuration file is reported with its path, exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-cli-'));
    try {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(file, 'sla:\n  saas:\n    incidencia:\n      Alta:\n        Gold:\n          firstResponse: soon\n');
      const r = await cli('sla', 'add', '--from', '2026-06-26T16:30:00+02:00', '--hours', '1', '--config', file);
      expect(r.code).toBe(1);
      expect(r.err).toContain('sla.saas.incidencia.Alta.Gold.firstResponse: expected a duration like "4h", got "soon"\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
