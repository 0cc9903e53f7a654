/**
 * The pattern language of the rules (config/rules.yaml), matched token by token against the
 * normalized text (see {@link normalizeText}: lowercase, accents removed, one space between tokens,
 * `? ! . ;` kept as tokens of their own).
 *
 * A pattern is a sequence of elements separated by spaces:
 * - `word`: that word exactly (after normalization, so `Facturación` is written `facturacion`);
 * - `word*`: any word starting with `word` (word forms: `factur*` = factura, facturas, facturación);
 * - `a|b*|c`: any of the alternatives at this position (one word each);
 * - `[word]`: an optional word (alternatives allowed inside: `[me|nos]`);
 * - `...`: a gap of up to 3 words within the same sentence; `~N`: a gap of up to N words;
 * - `#`: any number (`antes del #` = "antes del 20"; `in # days`);
 * - `?` `!` `.`: the punctuation itself (`como ~6 ?` = a question about how);
 * - `(no carga|no abre|en blanco)`: alternatives of several words (the pattern is expanded into
 *   one pattern per alternative; `a|b` alone only ever means one word).
 * A pattern must start and end with a word.
 */
export class PatternError extends Error {
  readonly code = 'RULE_PATTERN_INVALID';
  constructor(readonly pattern: string, reason: string) {
    super(`pattern ${JSON.stringify(pattern)}: ${reason}`);
    this.name = 'PatternError';
  }
}

/** One position of a pattern: a word (any of its alternatives), or a gap of up to `max` words. */
export type PatternElement =
  | { kind: 'word'; exact: ReadonlySet<string>; words: readonly string[]; prefixes: readonly string[]; optional: boolean }
  | { kind: 'gap'; max: number };

/** A parsed pattern: its source (for messages) and its elements; the first is a required word. */
export interface CompiledPattern {
  source: string;
  elements: readonly PatternElement[];
}

const ALLOWED = /^[a-z0-9€%$@&/+_-]+\*?$|^[?!.;]$/;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function word(token: string, pattern: string, optional: boolean): PatternElement {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const alt of token.split('|')) {
    if (alt === '') throw new PatternError(pattern, `empty alternative in "${token}"`);
    if (alt === '#') prefixes.push(...DIGITS);
    else if (!ALLOWED.test(alt)) throw new PatternError(pattern, `"${alt}" is not a normalized word (write it in lowercase, without accents or punctuation)`);
    else if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
    else exact.add(alt);
  }
  return { kind: 'word', exact, words: [...exact], prefixes, optional };
}

const GROUP = /\(([^()]*)\)/;
const MAX_EXPANSIONS = 256;

/**
 * Expands the phrase groups of a pattern: `web (no carga|en blanco)` → `web no carga`,
 * `web en blanco`. A pattern without groups is returned as is.
 */
export function expandPattern(pattern: string): string[] {
  const m = GROUP.exec(pattern);
  if (!m) {
    if (/[()]/.test(pattern)) throw new PatternError(pattern, 'unbalanced parentheses (groups cannot be nested)');
    return [pattern];
  }
  const alternatives = m[1].split('|').map((a) => a.trim());
  if (alternatives.some((a) => a === '')) throw new PatternError(pattern, `empty alternative in "${m[0]}"`);
  const before = pattern.slice(0, m.index);
  const after = pattern.slice(m.index + m[0].length);
  // A group of single words is one position: `(a|b)` = `a|b`, no need to expand.
  if (alternatives.every((a) => !/\s/.test(a))) return expandPattern(`${before}${alternatives.join('|')}${after}`);
  const out = alternatives.flatMap((alt) => expandPattern(`${before} ${alt} ${after}`.replace(/\s+/g, ' ').trim()));
  if (out.length > MAX_EXPANSIONS) throw new PatternError(pattern, `expands to more than ${MAX_EXPANSIONS} patterns: split it`);
  return out;
}

/**
 * Parses one pattern (after {@link expandPattern}). Throws {@link PatternError} when it cannot be understood, naming the part at
 * fault, so `config check` and start-up point a support lead at the line to fix.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const tokens = pattern.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new PatternError(pattern, 'empty pattern');
  const elements = tokens.map((token, i): PatternElement => {
    const edge = i === 0 || i === tokens.length - 1;
    const gap = token === '...' ? 3 : /^~\d+$/.test(token) ? Number(token.slice(1)) : null;
    if (gap !== null) {
      if (edge) throw new PatternError(pattern, 'a gap (... or ~N) must sit between two words');
      return { kind: 'gap', max: gap };
    }
    if (/^\[.+\]$/.test(token)) {
      if (edge) throw new PatternError(pattern, 'an optional word [..] must sit between two words');
      return word(token.slice(1, -1), pattern, true);
    }
    return word(token, pattern, false);
  });
  return { source: pattern, elements };
}

/** The literal words of a pattern (no prefixes, gaps or punctuation): words the speller keeps. */
export function patternWords(pattern: string): string[] {
  return pattern
    .replace(/[[\]()]/g, ' ')
    .split(/[\s|]+/)
    .filter((w) => /^[a-z]+$/.test(w));
}
