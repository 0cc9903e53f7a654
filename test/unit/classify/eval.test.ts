import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TRAINING_DIR, labeledFiles, parseConversations, readModelFile } from '../../../src/app/cli/classify';
import { classify } from '../../../src/domain/classify/classify';
import { evaluate, formatEvaluation, type Evaluation } from '../../../src/domain/classify/evaluate';
import { inputFromLabeled, type Gold } from '../../../src/domain/classify/labeled-conversation';
import { toOutputLine } from '../../../src/domain/classify/output-line';
import { SHARED, shippedRules } from './rules-fixture';

const { compiled } = shippedRules();

function pairsOf(file: string): { id: string; gold: Gold; predicted: Gold }[] {
  const { conversations, errors } = parseConversations(fs.readFileSync(file, 'utf8'), file);
  expect(errors).toEqual([]);
  return conversations.map((c) => ({ id: c.id, gold: c.gold!, predicted: toOutputLine(c.id, classify(inputFromLabeled(c), compiled)) }));
}

function evaluateFile(file: string): Evaluation {
  return evaluate(pairsOf(file));
}

/** Every labeled set of ours (test/fixtures/classify/*.jsonl): the first authors' and the fresh ones. */
const SETS = labeledFiles([DEFAULT_TRAINING_DIR]);

describe('the rules (and the model behind them) measured against labeled conversations', () => {
  it('classifies the shared sample with type accuracy of at least 90%, and the model never trained on it', () => {
    const e = evaluateFile(path.join(SHARED, 'fixtures', 'conversations.sample.jsonl'));
    expect(e.total).toBe(40);
    expect(e.typeAccuracy).toBeGreaterThanOrEqual(0.9);
    const model = readModelFile();
    expect(model.ok && model.model?.trainedOn.files.every((f) => f.startsWith('test/fixtures/classify/'))).toBe(true);
  });

  it('knows our labeled sets: the first authors\' 34 and the fresh ones', () => {
    expect(SETS.length).toBeGreaterThanOrEqual(49);
    expect(SETS.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['own.jsonl', 'blind30.jsonl', 'fresh2.jsonl', 'fresh-a.jsonl', 'fresh-o.jsonl']));
  });

  // Type and priority are judged per set (20 to 98 conversations each: a fair sample); a flag has
  // 1 to 12 positives in a set, where one miss moves F1 by 0.2, so flags are judged on all sets
  // pooled. These are sets the rules and the model have seen: a regression guard, not the honest
  // figure (docs/rules.md reports each set's first run).
  it.each(SETS.map((f) => [path.basename(f), f]))('keeps type ≥ 92%% and incident priority ≥ 85%% on %s', (_name, file) => {
    const e = evaluateFile(file);
    expect(e.typeAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(e.priorityAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('meets every target on all our sets pooled (complaint P ≥ 85%, R ≥ 95%; other flags F1 ≥ 0.8)', () => {
    const e = evaluate(SETS.flatMap(pairsOf));
    expect(e.total).toBeGreaterThan(1900);
    expect(e.typeAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(e.priorityAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(e.flags.complaint.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.flags.complaint.precision).toBeGreaterThanOrEqual(0.85);
    for (const f of ['multi_topic', 'phone_request', 'out_of_scope', 'missing_info'] as const) expect(e.flags[f].f1).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the evaluation itself', () => {
  const gold = { type: 'incidencia', priority: 'Alta', evo_criticality: null, complaint: true, multi_topic: false, phone_request: false, out_of_scope: false, missing_info: false } as const;

  it('counts accuracy, confusion and flag precision/recall by hand-computed figures', () => {
    const e = evaluate([
      { id: 'a', gold, predicted: gold },
      { id: 'b', gold, predicted: { ...gold, priority: 'Media', complaint: false } },
      { id: 'c', gold: { ...gold, type: 'consulta', priority: null, complaint: false }, predicted: { ...gold, type: 'consulta', priority: null } },
    ]);
    expect(e.typeAccuracy).toBe(1);
    expect(e.priorityAccuracy).toBe(0.5);
    expect(e.priorityTotal).toBe(2);
    expect(e.priorityConfusion).toEqual({ Alta: { Alta: 1, Media: 1 } });
    expect(e.flags.complaint).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(e.errors).toEqual([{ id: 'b', labels: ['priority Alta→Media', '-complaint'] }, { id: 'c', labels: ['+complaint'] }]);
    const text = formatEvaluation(e);
    expect(text).toContain('type accuracy: 100.0%');
    expect(text).toContain('incident priority exact: 50.0% (2 incidents)');
  });
});
