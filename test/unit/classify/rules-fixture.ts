import * as path from 'node:path';
import { readModelFile, readRulesFile } from '../../../src/app/cli/classify';
import type { RulesConfig } from '../../../src/config/rules.schema';
import { classify } from '../../../src/domain/classify/classify';
import type { ClassifyInput } from '../../../src/domain/classify/classify-input';
import { compileRules, type CompiledRules } from '../../../src/domain/classify/compile-rules';
import type { Plan } from '../../../src/domain/vocabulary';

/**
 * The shipped rules (config/rules.yaml) and the model behind them (config/classifier.json),
 * compiled once for the whole test file; `{ model: false }` for the rules alone (to test a rule
 * mechanism without the model's votes).
 */
export function shippedRules(options: { model?: boolean } = {}): { config: RulesConfig; compiled: CompiledRules } {
  const read = readRulesFile();
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const model = readModelFile();
  if (!model.ok) throw new Error(model.errors.join('\n'));
  return { config: read.rules, compiled: compileRules(read.rules, options.model === false ? null : model.model) };
}

/** The shared fixtures folder, beside the checkout (../shared). */
export const SHARED = path.resolve(__dirname, '../../../..', 'shared');

/** A conversation from a company of the given plan (and tags). */
export function conversation(body: string, opts: { subject?: string; plan?: Plan; tags?: string[] } = {}): ClassifyInput {
  return {
    subject: opts.subject ?? null,
    body,
    language: null,
    company: { plan: opts.plan ?? 'Silver', tags: opts.tags ?? [], hosting: 'saas' },
    tags: [],
  };
}

/** Classifies with the shipped rules. */
export function classifyWith(compiled: CompiledRules) {
  return (body: string, opts: Parameters<typeof conversation>[1] = {}) => classify(conversation(body, opts), compiled);
}
