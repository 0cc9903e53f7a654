import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';

const ROOT = path.resolve(__dirname, '../../..');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => '', env: {}, cwd: ROOT };
  const code = await runCli(argv, io);
  return { code, out, err };
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-config-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

describe('care-relay config check', () => {
  it('accepts the shipped defaults with a one-line summary', async () => {
    const r = await cli('config', 'check');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^config ok: calendars\(\d+\) plans\(4\) sla\(\d+\)/);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it.each(['complif.yaml', 'capvital.yaml'])("accepts the other teams' rules in config/examples/%s", async (name) => {
    const r = await cli('config', 'check', path.join(ROOT, 'config', 'examples', name));
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  it("accepts the README's example a support lead can edit", async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /^# my-site\.yaml[^\n]*\n([\s\S]*?)```/m.exec(readme);
    expect(block).not.toBeNull();
    const r = await cli('config', 'check', file('my-site.yaml', block![1]));
    expect(r.code).toBe(0);
  });

  it('names the wrong key and what was expected, and exits 1', async () => {
    const r = await cli('config', 'check', file('bad.yaml', 'sla:\n  saas:\n    incidencia:\n      Alta:\n        Gold: { firstResponse: "4 horas" }\n'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('sla.saas.incidencia.Alta.Gold.firstResponse: expected a duration like "4h", got "4 horas"\n');
    expect(r.err).toMatch(/config check: 1 error\(s\)/);
  });

  it('reports every error, not only the first', async () => {
    const r = await cli('config', 'check', file('two.yaml', 'sla:\n  atRiskShare: 7\ncalendars:\n  default:\n    zone: Mars/Olympus\n'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^sla\.atRiskShare: /m);
    expect(r.err).toMatch(/^calendars\.default\.zone: /m);
  });

  it('refuses an unknown section, a YAML syntax error and a missing file', async () => {
    const unknown = await cli('config', 'check', file('unknown.yaml', 'slak: {}\n'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('slak: unknown section; expected one of calendars, plans, sla');
    const syntax = await cli('config', 'check', file('syntax.yaml', 'sla: [1, 2\n'));
    expect(syntax.code).toBe(1);
    expect(syntax.err).toMatch(/syntax\.yaml: /);
    const missing = await cli('config', 'check', path.join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file or folder');
  });

  it('answers a usage error with the usage and exit 2', async () => {
    const r = await cli('config', 'validate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: care-relay config check');
  });
});
