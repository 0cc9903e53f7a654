import type { Rule, RulesConfig } from '../../config/rules.schema';
import { compilePattern, patternWords } from './compile-pattern';
import { createSpeller, type Speller } from './speller';

/** A rule ready to run: its patterns joined into one regular expression. */
export interface CompiledRule {
  rule: Rule;
  match: RegExp;
  also: RegExp | null;
  unless: RegExp | null;
}

/** The rules compiled once (at start-up), then shared by every call to {@link classify}. */
export interface CompiledRules {
  config: RulesConfig;
  rules: CompiledRule[];
  speller: Speller;
}

function joined(patterns: readonly string[]): RegExp | null {
  if (patterns.length === 0) return null;
  return new RegExp(patterns.map((p) => `(?:${compilePattern(p)})`).join('|'));
}

/**
 * Compiles the `rules` configuration: every pattern becomes part of one regular expression per
 * rule, and the rules' words feed the speller. Compile once; classifying is then a few regular
 * expression scans per conversation.
 */
export function compileRules(config: RulesConfig): CompiledRules {
  const vocabulary = new Set<string>();
  for (const r of config.rules) for (const p of [...r.match, ...r.also, ...r.unless]) for (const w of patternWords(p)) vocabulary.add(w);
  for (const right of Object.values(config.spelling)) vocabulary.add(right);
  return {
    config,
    rules: config.rules.map((rule) => ({ rule, match: joined(rule.match) as RegExp, also: joined(rule.also), unless: joined(rule.unless) })),
    speller: createSpeller(vocabulary, config.fuzzy, config.spelling),
  };
}
