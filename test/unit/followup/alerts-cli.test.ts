import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';
import { FORTNIGHT } from './fortnight';

function capture(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '', env: {}, cwd: process.cwd(), out: () => out, err: () => err };
}

describe('care-relay alerts simulate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-alerts-'));
  const file = path.join(dir, 'fortnight.jsonl');
  fs.writeFileSync(file, FORTNIGHT.map((e) => JSON.stringify(e)).join('\n') + '\n');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every alert of a history, when and to whom, the same with a restart', async () => {
    const io = capture();
    expect(await runCli(['alerts', 'simulate', '--events', file, '--until', '2026-04-10T23:59:00+02:00'], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines[0]).toBe('2026-03-19T11:30:00+01:00  #101  sla-at-risk:internal.resolution#2026-03-20T12:30+01:00  → DM agent adm-ana');
    expect(lines).toContain('2026-03-29T03:00:00+02:00  #102  sla-at-risk:contractual.resolution#2026-03-29T04:00+02:00@team  → channel C06SOPTEAM1');
    expect(lines.at(-2)).toBe('41 alerts for 9 tickets');
    const restarted = capture();
    expect(await runCli(['alerts', 'simulate', '--events', file, '--until', '2026-04-10T23:59:00+02:00', '--restart-at', '2026-04-01T12:00:00+02:00'], restarted)).toBe(0);
    expect(restarted.out()).toBe(io.out());
  });

  it('answers usage errors with exit 2 and a bad event line with its line number', async () => {
    const io = capture();
    expect(await runCli(['alerts', 'simulate'], io)).toBe(2);
    expect(io.err()).toContain('missing --events FILE.jsonl');
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, JSON.stringify(FORTNIGHT[0]) + '\n{"kind":"Closed"}\n');
    const io2 = capture();
    expect(await runCli(['alerts', 'simulate', '--events', bad], io2)).toBe(1);
    expect(io2.err()).toMatch(/^bad\.jsonl:2: /);
    const io3 = capture();
    expect(await runCli(['alerts', 'simulate', '--events', file, '--until', 'tomorrow'], io3)).toBe(2);
  });
});
