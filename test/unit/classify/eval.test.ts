import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConversations } from '../../../src/app/cli/classify';
import { classify } from '../../../src/domain/classify/classify';
import { evaluate, formatEvaluation, type Evaluation } from '../../../src/domain/classify/evaluate';
import { inputFromLabeled } from '../../../src/domain/classify/labeled-conversation';
import { toOutputLine } from '../../../src/domain/classify/output-line';
import { BLIND2_SET, BLIND3_SET, BLIND4_SET, BLIND5_SET, BLIND6_SET, BLIND7_SET, BLIND8_SET, BLIND9_SET, BLIND10_SET, BLIND11_SET, BLIND12_SET, BLIND13_SET, BLIND14_SET, BLIND15_SET, BLIND16_SET, BLIND17_SET, BLIND18_SET, BLIND19_SET, BLIND20_SET, BLIND21_SET, BLIND22_SET, BLIND23_SET, BLIND24_SET, BLIND25_SET, BLIND26_SET, BLIND27_SET, BLIND28_SET, BLIND29_SET, BLIND30_SET, BLIND_SET, FRESH1_SET, FRESH2_SET, OWN_SET, SECOND_SET, SHARED, shippedRules } from './rules-fixture';

const { compiled } = shippedRules();

function evaluateFile(file: string): Evaluation {
  const { conversations, errors } = parseConversations(fs.readFileSync(file, 'utf8'), file);
  expect(errors).toEqual([]);
  return evaluate(conversations.map((c) => ({ id: c.id, gold: c.gold!, predicted: toOutputLine(c.id, classify(inputFromLabeled(c), compiled)) })));
}

describe('the rules measured against labeled conversations', () => {
  it('classifies the shared sample with type accuracy of at least 90%', () => {
    const e = evaluateFile(path.join(SHARED, 'fixtures', 'conversations.sample.jsonl'));
    expect(e.total).toBe(40);
    expect(e.typeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['our own set', OWN_SET],
    ['our second set', SECOND_SET],
    ['our third set', BLIND_SET],
    ['our fourth set', BLIND2_SET],
    ['our fifth set', BLIND3_SET],
    ['our sixth set', BLIND4_SET],
    ['our seventh set', BLIND5_SET],
    ['our eighth set', BLIND6_SET],
    ['our ninth set', BLIND7_SET],
    ['our tenth set', BLIND8_SET],
    ['our eleventh set', BLIND9_SET],
    ['our twelfth set', BLIND10_SET],
    ['our thirteenth set', BLIND11_SET],
    ['our fourteenth set', BLIND12_SET],
    ['our fifteenth set', BLIND13_SET],
    ['our sixteenth set', BLIND14_SET],
    ['our seventeenth set', BLIND15_SET],
    ['our eighteenth set', BLIND16_SET],
    ['our nineteenth set', BLIND17_SET],
    ['our twentieth set', BLIND18_SET],
    ['our twenty-first set', BLIND19_SET],
    ['our twenty-second set', BLIND20_SET],
    ['our twenty-third set', BLIND21_SET],
    ['our twenty-fourth set', BLIND22_SET],
    ['our twenty-fifth set', BLIND23_SET],
    ['our twenty-sixth set', BLIND24_SET],
    ['our twenty-seventh set', BLIND25_SET],
    ['our twenty-eighth set', BLIND26_SET],
    ['our twenty-ninth set', BLIND27_SET],
    ['our thirtieth set', BLIND28_SET],
    ['our thirty-first set', BLIND29_SET],
    ['our thirty-second set', BLIND30_SET],
    ['the first fresh set (second author)', FRESH1_SET],
    ['the second fresh set (second author)', FRESH2_SET],
  ])('meets the targets on %s', (_name, file) => {
    const e = evaluateFile(file);
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
