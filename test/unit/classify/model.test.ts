import * as path from 'node:path';
import { DEFAULT_MODEL_FILE, DEFAULT_TRAINING_DIR, labeledFiles, readModelFile, trainOnFiles } from '../../../src/app/cli/classify';
import { loadConfig } from '../../../src/config/load';
import type { RulesConfig } from '../../../src/config/rules.schema';
import { classify } from '../../../src/domain/classify/classify';
import { compileRules } from '../../../src/domain/classify/compile-rules';
import { normalizeTokens } from '../../../src/domain/classify/normalize-text';
import { ClassifierModelSchema, compileModel, knownTokenFeatures, messageFeatures, modelEvidence, modelOpinion as opinionOf, trainModel, type CompiledModel, type ModelTask, type TrainingExample } from '../../../src/domain/classify/model';

import { conversation, shippedRules } from './rules-fixture';

/** The reference for knownTokenFeatures: the positions of the feature strings the model knows. */
const knownFeatures = (m: CompiledModel, features: readonly string[]): number[] => features.flatMap((f) => m.vocabulary.get(f) ?? []);
const modelOpinion = (m: CompiledModel, task: ModelTask, features: string[], temperature = 1) => opinionOf(m, task, knownFeatures(m, features), temperature);

const ex = (text: string, labels: TrainingExample['labels']): TrainingExample => ({ features: messageFeatures(null, text), labels });

/** A tiny corpus: broken things are incidents, wishes are evolutivos, how-tos are questions. */
const CORPUS: TrainingExample[] = [
  ex('the checkout is broken since this morning', { type: 'incidencia', priority: 'Alta' }),
  ex('the checkout is broken and nobody can pay', { type: 'incidencia', priority: 'Muy Alta' }),
  ex('the contact form is broken since yesterday', { type: 'incidencia', priority: 'Media' }),
  ex('we would like a new banner on the home page', { type: 'evolutivo', evoCriticality: 'Baja' }),
  ex('we would like a new loyalty programme next month', { type: 'evolutivo', evoCriticality: 'Media' }),
  ex('how do I export the orders', { type: 'consulta' }),
  ex('how do I change the shipping rates', { type: 'consulta' }),
];

describe('the classifier model (naive Bayes behind the rules)', () => {
  it('uses words and neighbouring word pairs, normalized like the rules, each once', () => {
    expect(messageFeatures('Checkout roto', 'No carga. No carga!')).toEqual(['checkout', 'roto', 'checkout roto', 'no', 'carga', 'no carga']);
    expect(messageFeatures(null, '¿Cómo exporto?')).toEqual(['como', 'exporto', 'como exporto', '?', 'exporto ?']);
  });

  it('finds the known features straight from the tokens, as from the feature strings', () => {
    const model = compileModel(trainModel(CORPUS, { files: [] }));
    for (const text of ['The checkout is broken since this morning, the checkout is broken!', 'How do I export the orders? We would like a new banner']) {
      const tokens = [...normalizeTokens(''), '.', ...normalizeTokens(text)];
      expect(knownTokenFeatures(model, tokens)).toEqual(knownFeatures(model, messageFeatures(null, text)));
    }
  });

  it('keeps features seen in at least minDocs conversations, sorted, and counts them per class', () => {
    const m = trainModel(CORPUS, { files: ['corpus'] });
    expect(m.vocabulary).toEqual([...m.vocabulary].sort());
    expect(m.vocabulary).toContain('broken');
    expect(m.vocabulary).not.toContain('loyalty'); // in one conversation only
    expect(m.trainedOn).toEqual({ files: ['corpus'], conversations: 7 });
    const broken = m.vocabulary.indexOf('broken');
    expect(m.tasks.type.classes).toEqual(['consulta', 'incidencia', 'evolutivo']);
    expect(m.tasks.type.docs).toEqual([2, 3, 2]);
    expect(m.tasks.type.counts.map((row) => row[broken])).toEqual([0, 3, 0]);
    expect(m.tasks.priority.docs).toEqual([1, 1, 1, 0]);
    expect(ClassifierModelSchema.parse(m)).toEqual(m);
    expect(trainModel(CORPUS, { files: ['corpus'] })).toEqual(m); // deterministic
  });

  it('ranks the class of similar training messages first and names the words that weighed most', () => {
    const model = compileModel(trainModel(CORPUS, { files: [] }));
    const features = messageFeatures(null, 'The search is broken since Monday');
    const o = modelOpinion(model, 'type', features)!;
    expect(o.ranked[0].label).toBe('incidencia');
    expect(o.ranked.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 10);
    // Evidence: the strongest features for incidencia against the runner-up, a pair before its words.
    expect(modelEvidence(model, o, knownFeatures(model, features))).toEqual(['is broken', 'broken since']);
    expect(modelOpinion(model, 'type', messageFeatures(null, 'How do I add a carrier?'))!.ranked[0].label).toBe('consulta');
    expect(modelOpinion(model, 'type', messageFeatures(null, 'We would like a new blog'))!.ranked[0].label).toBe('evolutivo');
  });

  it('softens its probabilities with a temperature, without changing its ranking', () => {
    const model = compileModel(trainModel(CORPUS, { files: [] }));
    const f = messageFeatures(null, 'the checkout is broken');
    const sharp = modelOpinion(model, 'type', f, 1)!;
    const soft = modelOpinion(model, 'type', f, 10)!;
    expect(soft.ranked.map((r) => r.label)).toEqual(sharp.ranked.map((r) => r.label));
    expect(soft.ranked[0].p).toBeLessThan(sharp.ranked[0].p);
  });

  it('abstains on a task it has seen fewer than two classes of', () => {
    const model = compileModel(trainModel(CORPUS, { files: [] }));
    expect(modelOpinion(model, 'complaint', messageFeatures(null, 'broken'))).toBeNull(); // no complaint labels at all
  });

  it('rejects a model file whose rows do not fit its vocabulary, naming the row', () => {
    const m = trainModel(CORPUS, { files: [] });
    const bad = { ...m, tasks: { ...m.tasks, priority: { ...m.tasks.priority, counts: [[1], ...m.tasks.priority.counts.slice(1)] } } };
    const r = ClassifierModelSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['tasks', 'priority', 'counts', 0]);
    expect(r.error!.issues[0].message).toMatch(/expected \d+ counts, one per vocabulary entry, got 1/);
  });
});

describe('the model inside the rules engine', () => {
  const { config } = shippedRules();
  const model = trainModel(CORPUS, { files: [] });
  const withWeights = (type: number, flags = { raise: 0, lower: 0 }): RulesConfig => ({
    ...config,
    rules: [],
    model: { ...config.model, minFeatures: 0, weights: { type, priority: type, evoCriticality: type }, flags: { complaint: flags, multiTopic: flags, phoneRequest: flags, outOfScope: flags, missingInfo: flags } },
  });

  it('changes nothing when its weights are 0, and is not even compiled when disabled', () => {
    const input = conversation('the checkout is broken since this morning');
    const off = classify(input, compileRules(withWeights(0)));
    expect(classify(input, compileRules(withWeights(0), model))).toEqual(off);
    expect(compileRules({ ...withWeights(3), model: { ...withWeights(3).model, enabled: false } }, model).model).toBeNull();
  });

  it('votes with its probabilities times the weight, and says so with its evidence', () => {
    const input = conversation('the checkout is broken since this morning');
    const c = classify(input, compileRules(withWeights(3), model));
    expect(c.type).toBe('incidencia'); // no rule at all: the model's votes decide
    expect(c.priority).toBe('Alta');
    expect(c.rules).toContainEqual({ id: 'model.type', matched: expect.stringMatching(/^incidencia \d+%: .*broken/) });
    expect(c.rules.map((r) => r.id)).toContain('model.priority');
  });

  it('a type the model chose alone is low confidence: the agent decides', () => {
    const c = classify(conversation('the checkout is broken since this morning'), compileRules(withWeights(3), model));
    expect(c.type).toBe('incidencia');
    expect(c.confidence).toBeLessThanOrEqual(0.55);
    expect(c.lowConfidence).toBe(true);
  });

  it('abstains on a message with fewer known words and word pairs than minFeatures', () => {
    const few = { ...withWeights(3), model: { ...withWeights(3).model, minFeatures: 50 } };
    const c = classify(conversation('the checkout is broken since this morning'), compileRules(few, model));
    expect(c.rules.filter((r) => r.id.startsWith('model.'))).toEqual([]);
    expect(c.type).toBe('consulta'); // the prior alone
  });

  it('raises a flag the rules missed with `raise`, and speaks against one only with `lower`', () => {
    const complaints = trainModel(
      [
        ex('we are fed up with your service', { type: 'consulta', complaint: 'true' }),
        ex('we are fed up, the checkout is broken again', { type: 'incidencia', complaint: 'true' }),
        ex('how do I export the orders', { type: 'consulta', complaint: 'false' }),
        ex('the checkout is broken since this morning', { type: 'incidencia', complaint: 'false' }),
        ex('how do I change the shipping rates', { type: 'consulta', complaint: 'false' }),
      ],
      { files: [] },
    );
    const angry = conversation('Honestly we are fed up');
    const calm = conversation('How do I export the orders?');
    const none = { raise: 0, lower: 0 };
    const flagsOnly = (complaint: { raise: number; lower: number }): RulesConfig => ({ ...withWeights(0), model: { ...withWeights(0).model, flags: { ...withWeights(0).model.flags, complaint } } });
    expect(classify(angry, compileRules(flagsOnly(none), complaints)).flags.complaint).toBe(false);
    const raised = classify(angry, compileRules(flagsOnly({ raise: 2, lower: 0 }), complaints));
    expect(raised.flags.complaint).toBe(true);
    expect(raised.rules).toContainEqual({ id: 'model.complaint', matched: expect.stringMatching(/^true \d+%: .*fed up/) });

    // A rule that raised it: `raise` alone never silences it; `lower` can.
    const rule = { id: 'complaint.test', match: ['export'], in: 'text' as const, also: [], unless: [], flags: { complaint: 1 } };
    const withRule = (complaint: { raise: number; lower: number }): RulesConfig => ({ ...flagsOnly(complaint), rules: [rule] });
    expect(classify(calm, compileRules(withRule({ raise: 2, lower: 0 }), complaints)).flags.complaint).toBe(true);
    expect(classify(calm, compileRules(withRule({ raise: 0, lower: 2 }), complaints)).flags.complaint).toBe(false);
  });
});

describe('the shipped model (config/classifier.json)', () => {
  it('is valid, loaded with the configuration, and trained on exactly the labeled sets in the repository', () => {
    const read = readModelFile();
    expect(read.ok).toBe(true);
    const shipped = (read as { ok: true; model: NonNullable<ReturnType<typeof ClassifierModelSchema.parse>> }).model;
    expect(shipped).not.toBeNull();
    const loaded = loadConfig();
    expect(loaded.ok && loaded.config.classifier?.vocabulary.length).toBe(shipped.vocabulary.length);

    // Retraining on the labeled sets gives the same file: a new labeled line is not forgotten.
    const trained = trainOnFiles(labeledFiles([DEFAULT_TRAINING_DIR]), shippedRules().config);
    const retrained = trained.ok ? trained.model : trained.errors;
    expect(retrained).toEqual(shipped);
    expect(path.basename(DEFAULT_MODEL_FILE)).toBe('classifier.json');
  });
});
