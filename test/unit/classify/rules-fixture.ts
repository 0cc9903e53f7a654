import * as path from 'node:path';
import { readRulesFile } from '../../../src/app/cli/classify';
import type { RulesConfig } from '../../../src/config/rules.schema';
import { classify } from '../../../src/domain/classify/classify';
import type { ClassifyInput } from '../../../src/domain/classify/classify-input';
import { compileRules, type CompiledRules } from '../../../src/domain/classify/compile-rules';
import type { Plan } from '../../../src/domain/vocabulary';

/** The shipped rules (config/rules.yaml), compiled once for the whole test file. */
export function shippedRules(): { config: RulesConfig; compiled: CompiledRules } {
  const read = readRulesFile();
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return { config: read.rules, compiled: compileRules(read.rules) };
}

/** The shared fixtures folder, beside the checkout (../shared). */
export const SHARED = path.resolve(__dirname, '../../../..', 'shared');
export const OWN_SET = path.resolve(__dirname, '../../fixtures/classify/own.jsonl');
export const SECOND_SET = path.resolve(__dirname, '../../fixtures/classify/holdout.jsonl');
export const BLIND_SET = path.resolve(__dirname, '../../fixtures/classify/blind.jsonl');
export const BLIND2_SET = path.resolve(__dirname, '../../fixtures/classify/blind2.jsonl');
export const BLIND3_SET = path.resolve(__dirname, '../../fixtures/classify/blind3.jsonl');
export const BLIND4_SET = path.resolve(__dirname, '../../fixtures/classify/blind4.jsonl');
export const BLIND5_SET = path.resolve(__dirname, '../../fixtures/classify/blind5.jsonl');
export const BLIND6_SET = path.resolve(__dirname, '../../fixtures/classify/blind6.jsonl');
export const BLIND7_SET = path.resolve(__dirname, '../../fixtures/classify/blind7.jsonl');
export const BLIND8_SET = path.resolve(__dirname, '../../fixtures/classify/blind8.jsonl');
export const BLIND9_SET = path.resolve(__dirname, '../../fixtures/classify/blind9.jsonl');
export const BLIND10_SET = path.resolve(__dirname, '../../fixtures/classify/blind10.jsonl');
export const BLIND11_SET = path.resolve(__dirname, '../../fixtures/classify/blind11.jsonl');
export const BLIND12_SET = path.resolve(__dirname, '../../fixtures/classify/blind12.jsonl');
export const BLIND13_SET = path.resolve(__dirname, '../../fixtures/classify/blind13.jsonl');
export const BLIND14_SET = path.resolve(__dirname, '../../fixtures/classify/blind14.jsonl');
export const BLIND15_SET = path.resolve(__dirname, '../../fixtures/classify/blind15.jsonl');
export const BLIND16_SET = path.resolve(__dirname, '../../fixtures/classify/blind16.jsonl');
export const BLIND17_SET = path.resolve(__dirname, '../../fixtures/classify/blind17.jsonl');
export const BLIND18_SET = path.resolve(__dirname, '../../fixtures/classify/blind18.jsonl');
export const BLIND19_SET = path.resolve(__dirname, '../../fixtures/classify/blind19.jsonl');
export const BLIND20_SET = path.resolve(__dirname, '../../fixtures/classify/blind20.jsonl');
export const BLIND21_SET = path.resolve(__dirname, '../../fixtures/classify/blind21.jsonl');
export const BLIND22_SET = path.resolve(__dirname, '../../fixtures/classify/blind22.jsonl');
export const BLIND23_SET = path.resolve(__dirname, '../../fixtures/classify/blind23.jsonl');
export const BLIND24_SET = path.resolve(__dirname, '../../fixtures/classify/blind24.jsonl');
export const BLIND25_SET = path.resolve(__dirname, '../../fixtures/classify/blind25.jsonl');
export const BLIND26_SET = path.resolve(__dirname, '../../fixtures/classify/blind26.jsonl');
export const BLIND27_SET = path.resolve(__dirname, '../../fixtures/classify/blind27.jsonl');
export const BLIND28_SET = path.resolve(__dirname, '../../fixtures/classify/blind28.jsonl');
export const BLIND29_SET = path.resolve(__dirname, '../../fixtures/classify/blind29.jsonl');
export const BLIND30_SET = path.resolve(__dirname, '../../fixtures/classify/blind30.jsonl');
export const FRESH1_SET = path.resolve(__dirname, '../../fixtures/classify/fresh1.jsonl');
export const FRESH2_SET = path.resolve(__dirname, '../../fixtures/classify/fresh2.jsonl');

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
