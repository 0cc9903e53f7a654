import type { Rule, RulesConfig } from '../../config/rules.schema';
import { compilePattern, expandPattern, patternWords, type CompiledPattern } from './compile-pattern';
import { createSpeller, type Speller } from './speller';

/** A rule ready to run: its patterns parsed. */
export interface CompiledRule {
  rule: Rule;
  match: CompiledPattern[];
  also: CompiledPattern[];
  unless: CompiledPattern[];
}

/** The rules compiled once (at start-up), then shared by every call to {@link classify}. */
export interface CompiledRules {
  config: RulesConfig;
  rules: CompiledRule[];
  speller: Speller;
  /** First word of a `match` pattern → the rules (indexes) it may fire: rules no token triggers are skipped. */
  triggers: ReadonlyMap<string, readonly number[]>;
  /** First-word prefixes (`factur*`, `#`) → the rules they may fire. */
  prefixTriggers: readonly { prefix: string; rule: number }[];
}

/**
 * Compiles the `rules` configuration: every pattern parsed once, the rules' words given to the
 * speller so it never "corrects" them. Classifying is then index look-ups over the message's tokens.
 */
export function compileRules(config: RulesConfig): CompiledRules {
  const vocabulary = new Set<string>();
  for (const r of config.rules) for (const p of [...r.match, ...r.also, ...r.unless]) for (const w of patternWords(p)) vocabulary.add(w);
  for (const right of Object.values(config.spelling)) vocabulary.add(right);
  const triggers = new Map<string, number[]>();
  const prefixTriggers: { prefix: string; rule: number }[] = [];
  const rules = config.rules.map((rule, i) => {
    const compile = (patterns: readonly string[]) => patterns.flatMap(expandPattern).map(compilePattern);
    const match = compile(rule.match);
    for (const p of match) {
      const first = p.elements[0];
      if (first.kind !== 'word') continue;
      for (const w of first.exact) {
        const list = triggers.get(w) ?? [];
        if (!list.includes(i)) list.push(i);
        triggers.set(w, list);
      }
      for (const prefix of first.prefixes) prefixTriggers.push({ prefix, rule: i });
    }
    return { rule, match, also: compile(rule.also), unless: compile(rule.unless) };
  });
  return {
    config,
    triggers,
    prefixTriggers,
    rules,
    speller: createSpeller(vocabulary, config.fuzzy, config.spelling),
  };
}
