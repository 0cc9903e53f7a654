import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_CONFIG_DIR, formatIssues } from '../../config/load';
import { PlansConfigSchema } from '../../config/plans.schema';
import { RulesConfigSchema, type RulesConfig } from '../../config/rules.schema';
import { classify } from '../../domain/classify/classify';
import { compileRules } from '../../domain/classify/compile-rules';
import { evaluate, formatEvaluation } from '../../domain/classify/evaluate';
import { inputFromLabeled, LabeledConversationSchema, trainingExampleFromLabeled, type LabeledConversation } from '../../domain/classify/labeled-conversation';
import { ClassifierModelSchema, trainModel, type ClassifierModel } from '../../domain/classify/model';
import { toOutputLine } from '../../domain/classify/output-line';
import { phoneSupportByPlan } from '../../domain/classify/phone-support';
import type { Plan } from '../../domain/vocabulary';
import type { CliCommand, CliIo } from './types';

/** Reads and validates a rules file (config/rules.yaml by default). */
export function readRulesFile(file: string = path.join(DEFAULT_CONFIG_DIR, 'rules.yaml')): { ok: true; rules: RulesConfig } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  } catch (err) {
    return { ok: false, errors: [`${file}: ${(err as Error).message.split('\n')[0]}`] };
  }
  const parsed = RulesConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error).map((i) => `${file}: rules.${i.path}: ${i.message}`) };
  return { ok: true, rules: parsed.data };
}

/** The shipped classifier model, beside the rules (config/classifier.json). */
export const DEFAULT_MODEL_FILE = path.join(DEFAULT_CONFIG_DIR, 'classifier.json');
/** The labeled sets the shipped model is trained on. */
export const DEFAULT_TRAINING_DIR = path.join(DEFAULT_CONFIG_DIR, '..', 'test', 'fixtures', 'classify');

/**
 * Reads and validates a classifier model file; `null` when the file does not exist (the rules
 * then decide alone).
 */
export function readModelFile(file: string = DEFAULT_MODEL_FILE): { ok: true; model: ClassifierModel | null } | { ok: false; errors: string[] } {
  if (!fs.existsSync(file)) return { ok: true, model: null };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, errors: [`${file}: ${(err as Error).message.split('\n')[0]}`] };
  }
  const parsed = ClassifierModelSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error).map((i) => `${file}: classifier.${i.path}: ${i.message}`) };
  return { ok: true, model: parsed.data };
}

/**
 * Which plans include phone support, from the `plans` section beside the rules file
 * (config/plans.yaml); undefined when it is missing or invalid (the rules' fallback then applies).
 */
export function readPhoneSupport(dir: string = DEFAULT_CONFIG_DIR): Record<Plan, boolean> | undefined {
  const file = path.join(dir, 'plans.yaml');
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = PlansConfigSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? phoneSupportByPlan(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses JSON Lines of conversations; errors name the line. */
export function parseConversations(text: string, source: string): { conversations: LabeledConversation[]; errors: string[] } {
  const conversations: LabeledConversation[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`${source}:${i + 1}: not JSON`);
      return;
    }
    const parsed = LabeledConversationSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(`${source}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return;
    }
    conversations.push(parsed.data);
  });
  return { conversations, errors };
}

const USAGE = [
  'usage: care-relay classify [FILE] [--rules RULES.yaml] [--model MODEL.json | --no-model]',
  '       care-relay classify --eval FILE [--rules RULES.yaml] [--model MODEL.json | --no-model] [--min-type-accuracy 0.9]',
  '       care-relay classify --train OUT.json [--rules RULES.yaml] [LABELED.jsonl|DIR ...]',
  '',
  'Reads conversations as JSON Lines (the format of ../shared/fixtures/conversations.sample.jsonl;',
  'standard input when no FILE) and writes one JSON line per conversation:',
  '{"id","type","priority","evo_criticality","complaint","multi_topic","phone_request","out_of_scope",',
  '"missing_info","confidence","rules",...}.',
  'With --eval, compares with each line\'s "gold" and prints accuracy per label, confusion matrices for',
  'type and priority, and precision/recall per flag; exits 1 when type accuracy is below the minimum.',
  'The rules\' learned second opinion is config/classifier.json (--model another, --no-model none).',
  'With --train, writes a model trained on the labeled files (default: every .jsonl in',
  'test/fixtures/classify/) to OUT.json; `--train config/classifier.json` refreshes the shipped one.',
].join('\n');

/** Every `.jsonl` file of the paths given (folders are listed, sorted), for training. */
export function labeledFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => path.join(p, f))
      : [p],
  );
}

/**
 * Trains the model on the labeled lines of `files`, normalized with the rules' speller; the files
 * are recorded relative to the project root. The one training path: `--train` and the test that
 * checks the shipped model both use it.
 */
export function trainOnFiles(files: string[], rules: RulesConfig): { ok: true; model: ClassifierModel } | { ok: false; errors: string[] } {
  const { speller } = compileRules(rules);
  const examples = [];
  for (const file of files) {
    const { conversations, errors } = parseConversations(fs.readFileSync(file, 'utf8'), file);
    if (errors.length > 0) return { ok: false, errors };
    for (const c of conversations) if (c.gold) examples.push(trainingExampleFromLabeled({ ...c, gold: c.gold }, speller));
  }
  if (examples.length === 0) return { ok: false, errors: ['no labeled conversation ("gold") to train on'] };
  const root = path.resolve(DEFAULT_CONFIG_DIR, '..');
  return { ok: true, model: trainModel(examples, { files: files.map((f) => path.relative(root, f)) }) };
}

/** `classify --train OUT [FILES]`: trains the model on labeled conversations and writes it. */
function train(out: string, inputs: string[], rules: RulesConfig, io: CliIo): number {
  const paths = inputs.length > 0 ? inputs.map((f) => path.resolve(io.cwd, f)) : [DEFAULT_TRAINING_DIR];
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      io.stderr(`no such file or folder: ${p}\n`);
      return 1;
    }
  }
  const files = labeledFiles(paths);
  const trained = trainOnFiles(files, rules);
  if (!trained.ok) {
    for (const e of trained.errors) io.stderr(e + '\n');
    return 1;
  }
  const { model } = trained;
  fs.writeFileSync(path.resolve(io.cwd, out), JSON.stringify(model) + '\n');
  io.stdout(`trained on ${model.trainedOn.conversations} conversations from ${files.length} files: ${model.vocabulary.length} features → ${out}\n`);
  return 0;
}

/** `care-relay classify [FILE]` and `care-relay classify --eval FILE`. */
export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'classify [FILE] | --eval FILE: classify conversations (JSON Lines) or measure the rules against gold labels',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    let file: string | undefined;
    let rulesFile: string | undefined;
    let evalMode = false;
    let minTypeAccuracy = 0;
    let modelFile: string | undefined;
    let useModel = true;
    let trainOut: string | undefined;
    const trainInputs: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--eval') evalMode = true;
      else if (a === '--rules') rulesFile = args[++i];
      else if (a === '--model') modelFile = args[++i];
      else if (a === '--no-model') useModel = false;
      else if (a === '--train') trainOut = args[++i];
      else if (a === '--min-type-accuracy') minTypeAccuracy = Number(args[++i]);
      else if (a.startsWith('-') && a !== '-') {
        io.stderr(`unknown option ${a}\n${USAGE}\n`);
        return 2;
      } else if (trainOut !== undefined) trainInputs.push(a);
      else file = a;
    }
    if (trainOut !== undefined && (trainOut === '' || trainOut.startsWith('-'))) {
      io.stderr(`--train needs the OUT file to write\n${USAGE}\n`);
      return 2;
    }
    if (evalMode && !file) {
      io.stderr(`--eval needs a FILE with gold labels\n${USAGE}\n`);
      return 2;
    }
    if (Number.isNaN(minTypeAccuracy)) {
      io.stderr(`--min-type-accuracy expects a number between 0 and 1\n`);
      return 2;
    }
    const rules = readRulesFile(rulesFile ? path.resolve(io.cwd, rulesFile) : undefined);
    if (!rules.ok) {
      for (const e of rules.errors) io.stderr(e + '\n');
      return 1;
    }
    if (trainOut !== undefined) return train(trainOut, trainInputs, rules.rules, io);
    const model = useModel ? readModelFile(modelFile ? path.resolve(io.cwd, modelFile) : undefined) : { ok: true as const, model: null };
    if (!model.ok) {
      for (const e of model.errors) io.stderr(e + '\n');
      return 1;
    }
    if (modelFile && model.model === null) {
      io.stderr(`no such file: ${modelFile}\n`);
      return 1;
    }
    let text: string;
    if (file && file !== '-') {
      const full = path.resolve(io.cwd, file);
      if (!fs.existsSync(full)) {
        io.stderr(`no such file: ${file}\n`);
        return 1;
      }
      text = fs.readFileSync(full, 'utf8');
    } else text = await io.readStdin();
    const { conversations, errors } = parseConversations(text, file ?? 'stdin');
    for (const e of errors) io.stderr(e + '\n');
    if (errors.length > 0 && conversations.length === 0) return 1;

    const compiled = compileRules(rules.rules, model.model);
    const phone = readPhoneSupport(rulesFile ? path.dirname(path.resolve(io.cwd, rulesFile)) : undefined);
    const outputs = conversations.map((c) => toOutputLine(c.id, classify(inputFromLabeled(c), compiled, { phoneSupportByPlan: phone })));
    if (!evalMode) {
      for (const o of outputs) io.stdout(JSON.stringify(o) + '\n');
      return errors.length > 0 ? 1 : 0;
    }
    const pairs = conversations.flatMap((c, i) => (c.gold ? [{ id: c.id, gold: c.gold, predicted: outputs[i] }] : []));
    if (pairs.length === 0) {
      io.stderr(`no line of ${file} has "gold" labels\n`);
      return 1;
    }
    const result = evaluate(pairs);
    io.stdout(formatEvaluation(result));
    if (result.typeAccuracy < minTypeAccuracy) {
      io.stderr(`type accuracy ${(result.typeAccuracy * 100).toFixed(1)}% is below the minimum ${(minTypeAccuracy * 100).toFixed(1)}%\n`);
      return 1;
    }
    return 0;
  },
};
