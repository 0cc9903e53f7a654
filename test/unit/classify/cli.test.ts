import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/app/cli';
import type { CliIo } from '../../../src/app/cli/types';
import { SHARED } from './rules-fixture';

function io(stdin = ''): CliIo & { out: string; err: string } {
  const x = {
    out: '',
    err: '',
    stdout: (t: string) => void (x.out += t),
    stderr: (t: string) => void (x.err += t),
    readStdin: async () => stdin,
    env: {},
    cwd: process.cwd(),
  };
  return x;
}

const SAMPLE = path.join(SHARED, 'fixtures', 'conversations.sample.jsonl');

describe('care-relay classify', () => {
  it('writes one snake_case JSON line per conversation read from a file', async () => {
    const x = io();
    expect(await runCli(['classify', SAMPLE], x)).toBe(0);
    const lines = x.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(40);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['id', 'type', 'priority', 'evo_criticality', 'complaint', 'multi_topic', 'phone_request', 'out_of_scope', 'missing_info', 'confidence', 'rules']));
    expect(lines[0].id).toBe('s001');
  });

  it('reads standard input when no file is given', async () => {
    const x = io(JSON.stringify({ id: 'x1', subject: null, body: 'La tienda está caída, nadie puede comprar.', company: { plan: 'Gold', tags: ['KA'] } }) + '\n');
    expect(await runCli(['classify'], x)).toBe(0);
    expect(JSON.parse(x.out)).toMatchObject({ id: 'x1', type: 'incidencia', priority: 'Muy Alta', key_account: true });
  });

  it('--eval prints accuracy, confusion matrices and flag precision/recall', async () => {
    const x = io();
    expect(await runCli(['classify', '--eval', SAMPLE, '--min-type-accuracy', '0.9'], x)).toBe(0);
    expect(x.out).toMatch(/type accuracy: \d+\.\d%/);
    expect(x.out).toContain('incident priority exact:');
    expect(x.out).toContain('type (rows: gold, columns: predicted)');
    expect(x.out).toContain('incident priority (rows: gold, columns: predicted)');
    expect(x.out).toMatch(/complaint\s+\d+\.\d%\s+\d+\.\d%/);
  });

  it('--eval fails when type accuracy is below the minimum asked for', async () => {
    const x = io();
    expect(await runCli(['classify', '--eval', SAMPLE, '--min-type-accuracy', '1.01'], x)).toBe(1);
    expect(x.err).toContain('below the minimum');
  });

  it('names the line of bad input and the key of a bad rules file', async () => {
    const bad = io('{"id": "ok", "body": "hola"}\nnot json\n');
    expect(await runCli(['classify'], bad)).toBe(1);
    expect(bad.err).toContain('stdin:2: not JSON');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(file, 'rules:\n  - id: bad\n    match: ["Facturación"]\n    type: { incidencia: 1 }\n');
    const x = io('{"id":"a","body":"hola"}\n');
    expect(await runCli(['classify', '--rules', file], x)).toBe(1);
    expect(x.err).toContain('rules.rules.0.match.0');
    expect(x.err).toContain('lowercase, without accents');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a support lead can add a rule in a rules file and see it fire', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(file, [
      'rules:',
      '  - id: incidencia.bizum',
      '    description: Bizum payments failing block checkout for many shops',
      '    match: ["bizum ~3 falla|fallan|error"]',
      '    type: { incidencia: 3 }',
      '    priority: { Alta: 3 }',
    ].join('\n'));
    const x = io('{"id":"b1","body":"Bizum falla en el checkout"}\n');
    expect(await runCli(['classify', '--rules', file], x)).toBe(0);
    expect(JSON.parse(x.out)).toMatchObject({ type: 'incidencia', priority: 'Alta', rules: [{ id: 'incidencia.bizum', matched: 'bizum falla' }] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--train writes a model from labeled files; --model uses it, --no-model leaves the rules alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-'));
    const out = path.join(dir, 'model.json');
    const t = io();
    expect(await runCli(['classify', '--train', out, SAMPLE], t)).toBe(0);
    expect(t.out).toMatch(/^trained on 40 conversations from 1 files: \d+ features → /);
    const model = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(model).toMatchObject({ version: 1, trainedOn: { conversations: 40 }, minDocs: 2 });

    const line = JSON.stringify({ id: 'm1', body: 'Desde esta mañana no carga la ficha de producto, sale un error' }) + '\n';
    const withModel = io(line);
    expect(await runCli(['classify', '--model', out], withModel)).toBe(0);
    expect(JSON.parse(withModel.out).rules.map((r: { id: string }) => r.id)).toContain('model.type');
    const without = io(line);
    expect(await runCli(['classify', '--no-model'], without)).toBe(0);
    expect(JSON.parse(without.out).rules.map((r: { id: string }) => r.id)).not.toContain('model.type');

    const unlabeled = path.join(dir, 'unlabeled.jsonl');
    fs.writeFileSync(unlabeled, line);
    const none = io();
    expect(await runCli(['classify', '--train', path.join(dir, 'x.json'), unlabeled], none)).toBe(1);
    expect(none.err).toContain('no labeled conversation');
    const missing = io(line);
    expect(await runCli(['classify', '--model', path.join(dir, 'nope.json')], missing)).toBe(1);
    expect(missing.err).toContain('no such file');
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...model, minDocs: 0 }));
    const bad = io(line);
    expect(await runCli(['classify', '--model', path.join(dir, 'bad.json')], bad)).toBe(1);
    expect(bad.err).toContain('classifier.minDocs');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains its usage', async () => {
    const x = io();
    expect(await runCli(['classify', '--eval'], x)).toBe(2);
    expect(x.err).toContain('usage: care-relay classify');
  });
});
