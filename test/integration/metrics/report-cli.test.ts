import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { log } from '../../unit/metrics/build-events';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

/**
 * The report CLI in a child process: vega is ESM-only and jest's sandbox cannot import() it, and
 * the operator runs the command this way anyway.
 */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/care-relay.js'), 'report', ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('care-relay report', () => {
  let dir: string;
  let eventsFile: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
    eventsFile = path.join(dir, 'events.jsonl');
    const events = [
      ...log('A').opened('2026-11-16T09:00', { plan: 'Gold' }).classified('2026-11-16T09:00', 'incidencia', 'Alta').replied('2026-11-16T09:03', 'ana').closed('2026-11-16T11:00').rated('2026-11-16T12:00', 5, 'ana').events,
      ...log('B').opened('2026-11-10T09:00', { plan: 'Silver' }).classified('2026-11-10T09:00', 'consulta').replied('2026-11-10T09:20', 'luis').events,
    ];
    fs.writeFileSync(eventsFile, '# two tickets\n' + events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the chart as a PNG of the expected size', async () => {
    const out = path.join(dir, 'w47.png');
    const r = await cli(['--week', '2026-W47', '--events', eventsFile, '--out', out]);
    expect(r.stderr).not.toMatch(/error|cannot/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report 2026-W47: 1 opened, 1 closed, 0 spike\(s\), 2 ticket\(s\) read/);
    const png = fs.readFileSync(out);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width and height at bytes 16–23; the chart is ~900 px wide, rendered at 2×.
    expect(png.readUInt32BE(16)).toBeGreaterThan(1500);
    expect(png.readUInt32BE(20)).toBeGreaterThan(1000);
  });

  it('writes the whole report as HTML with the chart inline', async () => {
    const out = path.join(dir, 'w47.html');
    const r = await cli(['--week', '2026-W47', '--events', eventsFile, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Weekly support report · 2026-W47 (16 Nov – 22 Nov 2026)');
    expect(html).toContain('<svg');
    expect(html).toMatch(/Median first response<\/th><td>3m business/);
  });

  it('writes the Slack message as JSON', async () => {
    const out = path.join(dir, 'w47.json');
    expect((await cli(['--week', '2026-W47', '--events', eventsFile, '--out', out])).code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json.blocks[0].type).toBe('header');
    expect(json.report.metrics.csat).toEqual({ ratings: 1, satisfied: 1, score: 1 });
  });

  it('refuses a week that is not an ISO week, and names the problem', async () => {
    const r = await cli(['--week', '2026-47', '--events', eventsFile, '--out', path.join(dir, 'x.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected an ISO week like 2026-W47');
  });

  it('names the line of an events file that is not a domain event', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, `${fs.readFileSync(eventsFile, 'utf8')}{"kind":"Nope"}\n`);
    const r = await cli(['--week', '2026-W47', '--events', bad, '--out', path.join(dir, 'x.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:\d+: not a domain event/);
  });
});
