import type { Rule, RulesConfig } from '../../config/rules.schema';
import { compilePattern, expandPattern, patternWords, type CompiledPattern } from './compile-pattern';
import { compileModel, type ClassifierModel, type CompiledModel } from './model';
import { createSpeller, type Speller } from './speller';

/** A rule ready to run: its patterns parsed. */
export interface CompiledRule {
  rule: Rule;
  match: CompiledPattern[];
  also: CompiledPattern[];
  unless: CompiledPattern[];
}

/** A pattern's place: rule index, list (0 match, 1 also, 2 unless) and position in the list. */
export interface PatternOwner {
  rule: number;
  list: 0 | 1 | 2;
  position: number;
}

/** The rules compiled once (at start-up), then shared by every call to {@link classify}. */
export interface CompiledRules {
  config: RulesConfig;
  rules: CompiledRule[];
  speller: Speller;
  /**
   * First word of a pattern → the patterns that start with it. A pattern none of whose first
   * words is in the message cannot match, so it is not even tried; a rule with no such pattern in
   * `match` is skipped.
   */
  triggers: ReadonlyMap<string, readonly CompiledPattern[]>;
  /**
   * First-word prefixes (`factur*`, `#`) → the patterns that start with them, grouped by the
   * prefix's first letter: a word is tested only against prefixes it can start with.
   */
  prefixesByInitial: ReadonlyMap<string, readonly { prefix: string; patterns: readonly CompiledPattern[] }[]>;
  /**
   * Where each pattern belongs: its rule, its list and its position there. A message's active
   * patterns are sorted into their rules' lists, so only rules with an active `match` pattern are
   * tried, and only their active patterns are.
   */
  owners: ReadonlyMap<CompiledPattern, PatternOwner>;
  /** The learned second opinion, when a model is given and `model.enabled`. */
  model: CompiledModel | null;
}

/**
 * Compiles the `rules` configuration: every pattern parsed once (phrase groups expanded), the
 * rules' words given to the speller so it never "corrects" them, and an index from first words to
 * patterns. Classifying is then index look-ups over the message's tokens.
 */
export function compileRules(config: RulesConfig, model: ClassifierModel | null = null): CompiledRules {
  const vocabulary = new Set<string>();
  for (const r of config.rules) for (const p of [...r.match, ...r.also, ...r.unless]) for (const w of patternWords(p)) vocabulary.add(w);
  for (const right of Object.values(config.spelling)) vocabulary.add(right);
  const triggers = new Map<string, CompiledPattern[]>();
  const prefixesByInitial = new Map<string, { prefix: string; patterns: CompiledPattern[] }[]>();
  const index = (patterns: CompiledPattern[]): CompiledPattern[] => {
    for (const p of patterns) {
      const first = p.elements[0];
      if (first.kind !== 'word') continue;
      for (const w of first.exact) {
        const list = triggers.get(w);
        if (list) list.push(p);
        else triggers.set(w, [p]);
      }
      for (const prefix of first.prefixes) {
        const group = prefixesByInitial.get(prefix[0]) ?? [];
        prefixesByInitial.set(prefix[0], group);
        const same = group.find((g) => g.prefix === prefix);
        if (same) same.patterns.push(p);
        else group.push({ prefix, patterns: [p] });
      }
    }
    return patterns;
  };
  const compile = (patterns: readonly string[]) => index(patterns.flatMap((p) => expandPattern(p)).map(compilePattern));
  const rules = config.rules.map((rule) => ({ rule, match: compile(rule.match), also: compile(rule.also), unless: compile(rule.unless) }));
  const owners = new Map<CompiledPattern, PatternOwner>();
  rules.forEach((r, i) => {
    ([r.match, r.also, r.unless] as const).forEach((list, l) => list.forEach((p, position) => owners.set(p, { rule: i, list: l as 0 | 1 | 2, position })));
  });
  return {
    config,
    triggers,
    prefixesByInitial,
    rules,
    owners,
    speller: createSpeller(vocabulary, config.fuzzy, config.spelling),
    model: model && config.model.enabled ? compileModel(model) : null,
  };
}
