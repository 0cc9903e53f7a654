import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { DEFAULT_CONFIG_DIR, formatIssues } from '../../config/load';
import { PlansConfigSchema } from '../../config/plans.schema';
import { RulesConfigSchema, type RulesConfig } from '../../config/rules.schema';
import { classify } from '../../domain/classify/classify';
import { compileRules } from '../../domain/classify/compile-rules';
import { evaluate, formatEvaluation } from '../../domain/classify/evaluate';
import { inputFromLabeled, LabeledConversationSchema, type LabeledConversation } from '../../domain/classify/labeled-conversation';
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
  'usage: care-relay classify [FILE] [--rules RULES.yaml]',
  '       care-relay classify --eval FILE [--rules RULES.yaml] [--min-type-accuracy 0.9]',
  '',
  'Reads conversations as JSON Lines (the format of ../shared/fixtures/conversations.sample.jsonl;',
  'standard input when no FILE) and writes one JSON line per conversation:',
  '{"id","type","priority","evo_criticality","complaint","multi_topic","phone_request","out_of_scope",',
  '"missing_info","confidence","rules",...}.',
  'With --eval, compares with each line\'s "gold" and prints accuracy per label, confusion matrices for',
  'type and priority, and precision/recall per flag; exits 1 when type accuracy is below the minimum.',
].join('\n');

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
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--eval') evalMode = true;
      else if (a === '--rules') rulesFile = args[++i];
      else if (a === '--min-type-accuracy') minTypeAccuracy = Number(args[++i]);
      else if (a.startsWith('-') && a !== '-') {
        io.stderr(`unknown option ${a}\n${USAGE}\n`);
        return 2;
      } else file = a;
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

    const compiled = compileRules(rules.rules);
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
