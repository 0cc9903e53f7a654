import { z } from 'zod';
import type { Speller } from './speller';
import { normalizeTokens } from './normalize-text';

/**
 * A learned second opinion behind the rules: a naive Bayes model over the words and word pairs
 * of labeled conversations (test/fixtures/classify/*.jsonl). The rules stay the first voice —
 * they know the methodology's definitions; the model knows the wording of a thousand labeled
 * messages, so a message in words no rule knows still gets the type, priority or flag that
 * similar messages had. Its votes are added to the rules' votes with configurable weights
 * (`model:` in config/rules.yaml) and shown to agents with the words that weighed most.
 *
 * Pure: training and scoring are functions of their inputs; the file is written and read by the
 * CLI and the config loader.
 */

/** The labels the model predicts, each a small classification task of its own. */
export const MODEL_TASKS = ['type', 'priority', 'evoCriticality', 'complaint', 'multiTopic', 'phoneRequest', 'outOfScope', 'missingInfo'] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

const TaskSchema = z
  .strictObject({
    /** The task's classes (`true`/`false` for a flag). */
    classes: z.array(z.string()).min(2),
    /** Training conversations per class. */
    docs: z.array(z.number().int().nonnegative()),
    /** counts[class][feature]: in how many training conversations of that class the feature occurs. */
    counts: z.array(z.array(z.number().int().nonnegative())),
  })
  .superRefine((t, ctx) => {
    if (t.docs.length !== t.classes.length) ctx.addIssue({ code: 'custom', path: ['docs'], message: `expected ${t.classes.length} numbers, one per class` });
    if (t.counts.length !== t.classes.length) ctx.addIssue({ code: 'custom', path: ['counts'], message: `expected ${t.classes.length} rows, one per class` });
  });
export type ModelTaskData = z.infer<typeof TaskSchema>;

/** The model file (config/classifier.json), written by `care-relay classify --train`. */
export const ClassifierModelSchema = z
  .strictObject({
    version: z.literal(1),
    /** Where it was trained: files and conversation count (provenance only). */
    trainedOn: z.strictObject({ files: z.array(z.string()), conversations: z.number().int().nonnegative() }),
    /** Features kept: words and word pairs found in at least this many training conversations. */
    minDocs: z.number().int().positive(),
    /** The features, in the order of every `counts` row. */
    vocabulary: z.array(z.string()),
    tasks: z.strictObject({
      type: TaskSchema,
      priority: TaskSchema,
      evoCriticality: TaskSchema,
      complaint: TaskSchema,
      multiTopic: TaskSchema,
      phoneRequest: TaskSchema,
      outOfScope: TaskSchema,
      missingInfo: TaskSchema,
    }),
  })
  .superRefine((m, ctx) => {
    for (const task of MODEL_TASKS) {
      m.tasks[task].counts.forEach((row, i) => {
        if (row.length !== m.vocabulary.length)
          ctx.addIssue({ code: 'custom', path: ['tasks', task, 'counts', i], message: `expected ${m.vocabulary.length} counts, one per vocabulary entry, got ${row.length}` });
      });
    }
  });
export type ClassifierModel = z.infer<typeof ClassifierModelSchema>;

/** Sentence marks that carry no meaning of their own for the model (`?` does: it marks a question). */
const SKIP = new Set(['.', ';', '!']);

/**
 * The features of a message: its normalized words (the rules' normalization and speller) and
 * each pair of neighbouring words (`no carga`), subject and body together, each counted once.
 */
export function messageFeatures(subject: string | null, body: string, speller?: Speller): string[] {
  return tokenFeatures([...normalizeTokens(subject ?? '', speller), '.', ...normalizeTokens(body, speller)]);
}

/** {@link messageFeatures} of tokens already normalized (subject, `.`, body). */
export function tokenFeatures(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  let previous: string | null = null;
  for (const t of tokens) {
    if (SKIP.has(t)) {
      previous = null;
      continue;
    }
    out.add(t);
    if (previous !== null) out.add(`${previous} ${t}`); // tokens never hold a space
    previous = t;
  }
  return [...out];
}

/** A training example: its features and, per task, its class (absent: not an example of that task). */
export interface TrainingExample {
  features: readonly string[];
  labels: Partial<Record<ModelTask, string>>;
}

/** The classes of each task, in a fixed order (a file's rows follow it). */
export const TASK_CLASSES: Record<ModelTask, readonly string[]> = {
  type: ['consulta', 'incidencia', 'evolutivo'],
  priority: ['Muy Alta', 'Alta', 'Media', 'Baja'],
  evoCriticality: ['Urgente', 'Media', 'Baja'],
  complaint: ['true', 'false'],
  multiTopic: ['true', 'false'],
  phoneRequest: ['true', 'false'],
  outOfScope: ['true', 'false'],
  missingInfo: ['true', 'false'],
};

/**
 * Trains the model: counts, per task and class, the conversations each feature occurs in. Features
 * seen in fewer than `minDocs` conversations are dropped (they would only memorize one message).
 * Deterministic: the vocabulary is sorted.
 */
export function trainModel(examples: readonly TrainingExample[], provenance: { files: string[] }, minDocs = 2): ClassifierModel {
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.features) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([, n]) => n >= minDocs)
    .map(([f]) => f)
    .sort();
  const at = new Map(vocabulary.map((f, i) => [f, i]));
  const task = (name: ModelTask): ModelTaskData => {
    const classes = TASK_CLASSES[name];
    const docs = classes.map(() => 0);
    const counts = classes.map(() => vocabulary.map(() => 0));
    for (const e of examples) {
      const label = e.labels[name];
      if (label === undefined) continue;
      const c = classes.indexOf(label);
      if (c < 0) continue;
      docs[c]++;
      for (const f of e.features) {
        const i = at.get(f);
        if (i !== undefined) counts[c][i]++;
      }
    }
    return { classes: [...classes], docs, counts };
  };
  return {
    version: 1,
    trainedOn: { files: provenance.files, conversations: examples.length },
    minDocs,
    vocabulary,
    tasks: Object.fromEntries(MODEL_TASKS.map((t) => [t, task(t)])) as ClassifierModel['tasks'],
  };
}

/** A task ready to score: log-probabilities precomputed. */
interface ScoringTask {
  classes: readonly string[];
  logPrior: number[];
  /** log P(feature i | class c) at `i * classes.length + c`: one flat array, read in order. */
  logLikelihood: Float64Array;
  /** Whether the task has training examples of at least two classes (else it abstains). */
  usable: boolean;
}

/** Tasks that choose a label (scored from an even prior); the others are flags. */
const LABEL_TASKS: ReadonlySet<ModelTask> = new Set(['type', 'priority', 'evoCriticality']);

/** The model compiled for scoring (once, at start-up). */
export interface CompiledModel {
  vocabulary: ReadonlyMap<string, number>;
  words: readonly string[];
  /**
   * Word pairs by their two words' positions (`first * vocabulary size + second`): a pair is found
   * without building its string. Every known pair's words are known (a pair in two conversations
   * means each of its words is in two).
   */
  pairIndex: ReadonlyMap<number, number>;
  /** Whether each feature is a word pair (`no carga`) rather than a word. */
  pairs: readonly boolean[];
  tasks: Record<ModelTask, ScoringTask>;
}

/** {@link CompiledModel.pairIndex}. */
function pairPositions(words: readonly string[], at: ReadonlyMap<string, number>): Map<number, number> {
  const pairs = new Map<number, number>();
  words.forEach((f, i) => {
    const space = f.indexOf(' ');
    if (space < 0) return;
    const first = at.get(f.slice(0, space));
    const second = at.get(f.slice(space + 1));
    if (first !== undefined && second !== undefined) pairs.set(first * words.length + second, i);
  });
  return pairs;
}

/**
 * Precomputes a multinomial naive Bayes per task over feature presence (add-`alpha` smoothing;
 * an even prior for labels, the trained one for flags):
 * a message is scored in time proportional to its own features; features the model never saw
 * are ignored.
 */
export function compileModel(model: ClassifierModel, alpha = 0.5): CompiledModel {
  const vocabulary = new Map(model.vocabulary.map((f, i) => [f, i]));
  const v = model.vocabulary.length;
  const compileTask = (t: ModelTaskData, uniform: boolean): ScoringTask => {
    const total = t.docs.reduce((a, b) => a + b, 0);
    const k = t.classes.length;
    // Labels (type, priority, criticality) start even: the labeled sets' mix is not the inbox's,
    // and a message with no telling word (a greeting) must not lean to the commonest label. Flags
    // keep their trained rarity: most messages raise none.
    const logPrior = uniform ? t.docs.map(() => -Math.log(k)) : t.docs.map((d) => Math.log((d + 1) / (total + k)));
    const logLikelihood = new Float64Array(v * k);
    for (let c = 0; c < k; c++) {
      const row = t.counts[c];
      let mass = 0;
      for (let i = 0; i < v; i++) mass += row[i];
      const denominator = Math.log(mass + alpha * v);
      for (let i = 0; i < v; i++) logLikelihood[i * k + c] = Math.log(row[i] + alpha) - denominator;
    }
    return { classes: t.classes, logPrior, logLikelihood, usable: t.docs.filter((d) => d > 0).length >= 2 };
  };
  return {
    vocabulary,
    words: model.vocabulary,
    pairIndex: pairPositions(model.vocabulary, vocabulary),
    pairs: model.vocabulary.map((f) => f.includes(' ')),
    tasks: Object.fromEntries(MODEL_TASKS.map((name) => [name, compileTask(model.tasks[name], LABEL_TASKS.has(name))])) as Record<ModelTask, ScoringTask>,
  };
}

/** What the model says about one task for one message. */
export interface ModelOpinion {
  task: ModelTask;
  /** Classes with their probability, best first. */
  ranked: { label: string; p: number }[];
  /** The best and the runner-up class (indexes into the task's classes): what {@link modelEvidence} contrasts. */
  contrast: readonly [number, number];
}

/**
 * The vocabulary positions of the {@link tokenFeatures} the model knows (the others cannot weigh),
 * straight from the tokens: no feature string is built, a word pair is found by its words' positions.
 */
export function knownTokenFeatures(model: CompiledModel, tokens: readonly string[]): number[] {
  const known: number[] = [];
  const seen = new Set<number>();
  const { vocabulary, pairIndex } = model;
  const width = model.words.length;
  let previous = -1; // the previous word's position, -1 after a sentence mark or an unknown word
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j];
    if (SKIP.has(t)) {
      previous = -1;
      continue;
    }
    const i = vocabulary.get(t);
    if (i === undefined) {
      previous = -1; // a pair the model knows is made of two words it knows
      continue;
    }
    if (!seen.has(i)) {
      seen.add(i);
      known.push(i);
    }
    if (previous >= 0) {
      const pair = pairIndex.get(previous * width + i);
      if (pair !== undefined && !seen.has(pair)) {
        seen.add(pair);
        known.push(pair);
      }
    }
    previous = i;
  }
  return known;
}

/**
 * Scores a message for one task, from its {@link knownTokenFeatures}. `temperature` (≥ 1) softens
 * naive Bayes' overconfidence: log scores are divided by it before they become probabilities.
 */
export function modelOpinion(model: CompiledModel, task: ModelTask, known: readonly number[], temperature = 1): ModelOpinion | null {
  const t = model.tasks[task];
  if (!t.usable) return null;
  const k = t.classes.length;
  const scores = t.logPrior.slice();
  const ll = t.logLikelihood;
  for (let j = 0; j < known.length; j++) {
    const at = known[j] * k;
    for (let c = 0; c < k; c++) scores[c] += ll[at + c];
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (scores[c] > max) max = scores[c];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += scores[c] = Math.exp((scores[c] - max) / temperature);
  const ranked = t.classes.map((label, c) => ({ label, p: scores[c] / sum, c })).sort((a, b) => b.p - a.p || a.c - b.c);
  return { task, ranked: ranked.map(({ label, p }) => ({ label, p })), contrast: [ranked[0].c, ranked[1].c] };
}

/**
 * The known features that weighed most for the opinion's best class against its runner-up, most
 * first: a word pair before its single words on a tie, and a word already shown inside a pair not
 * shown again. Computed only for opinions shown to the agent.
 */
export function modelEvidence(model: CompiledModel, opinion: ModelOpinion, known: readonly number[], count = 3): string[] {
  const t = model.tasks[opinion.task];
  const ll = t.logLikelihood;
  const k = t.classes.length;
  const [best, second] = opinion.contrast;
  // A few more than shown are kept (a single word may be dropped for a pair that holds it):
  // insertion into a short sorted list, no sort of every known feature.
  const keep = count * 2;
  const top: { i: number; w: number; pair: number }[] = [];
  for (let j = 0; j < known.length; j++) {
    const i = known[j];
    const w = ll[i * k + best] - ll[i * k + second];
    if (w <= 0) continue;
    const candidate = { i, w, pair: model.pairs[i] ? 0 : 1 };
    let at = top.length;
    while (at > 0 && before(candidate, top[at - 1])) at--;
    if (at >= keep) continue;
    top.splice(at, 0, candidate);
    if (top.length > keep) top.pop();
  }
  const shown: string[] = [];
  for (const { i } of top) {
    if (shown.length >= count) break;
    const text = model.words[i];
    if (!model.pairs[i] && shown.some((t) => t.split(' ').includes(text))) continue;
    shown.push(text);
  }
  return shown;
}

/** Evidence order: heavier first, a word pair before a single word on a tie, then vocabulary order. */
function before(a: { i: number; w: number; pair: number }, b: { i: number; w: number; pair: number }): boolean {
  return a.w > b.w || (a.w === b.w && (a.pair < b.pair || (a.pair === b.pair && a.i < b.i)));
}
