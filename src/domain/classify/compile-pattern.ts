/**
 * The pattern language of the rules (config/rules.yaml), compiled to a regular expression over the
 * normalized text (see {@link normalizeText}: lowercase, accents removed, one space between tokens,
 * `? ! . ;` kept as tokens of their own).
 *
 * A pattern is a sequence of elements separated by spaces:
 * - `word`: that word exactly (after normalization, so `Facturación` is written `facturacion`);
 * - `word*`: any word starting with `word` (word forms: `factur*` = factura, facturas, facturación);
 * - `a|b*|c`: any of the alternatives at this position;
 * - `[word]`: an optional word (alternatives allowed inside: `[me|nos]`);
 * - `...`: a gap of up to 3 words within the same sentence; `~N`: a gap of up to N words;
 * - `#`: any number (`antes del #` = "antes del 20"; `in # days`);
 * - `?` `!` `.`: the punctuation itself (`como ... ?` = a question about how).
 * A pattern must start and end with a word.
 */
export class PatternError extends Error {
  readonly code = 'RULE_PATTERN_INVALID';
  constructor(readonly pattern: string, reason: string) {
    super(`pattern ${JSON.stringify(pattern)}: ${reason}`);
    this.name = 'PatternError';
  }
}

/** A word in a gap: anything but a sentence boundary. */
const GAP_WORD = '[^ .?!;]+';
const ALLOWED = /^[a-z0-9€%$@&/+_-]+\*?$|^[?!.;]$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function alternative(alt: string, pattern: string): string {
  if (alt === '#') return '[0-9][0-9a-z]*';
  if (!ALLOWED.test(alt)) {
    throw new PatternError(pattern, `"${alt}" is not a normalized word (write it in lowercase, without accents or punctuation)`);
  }
  return alt.endsWith('*') ? `${escape(alt.slice(0, -1))}[^ ]*` : escape(alt);
}

function position(token: string, pattern: string): string {
  const alts = token.split('|');
  if (alts.some((a) => a === '')) throw new PatternError(pattern, `empty alternative in "${token}"`);
  const parts = alts.map((a) => alternative(a, pattern));
  return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
}

/**
 * Compiles one pattern to a regular-expression source that matches a whole-token span of the
 * normalized text (which starts and ends with a space). Throws {@link PatternError} when the
 * pattern cannot be understood, naming the part at fault.
 */
export function compilePattern(pattern: string): string {
  const tokens = pattern.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new PatternError(pattern, 'empty pattern');
  let source = '';
  let words = 0;
  tokens.forEach((token, i) => {
    const gap = token === '...' ? 3 : /^~\d+$/.test(token) ? Number(token.slice(1)) : null;
    const optional = /^\[.+\]$/.test(token);
    const edge = i === 0 || i === tokens.length - 1;
    if (gap !== null) {
      if (edge) throw new PatternError(pattern, 'a gap (... or ~N) must sit between two words');
      source += `(?: ${GAP_WORD}){0,${gap}}`;
      return;
    }
    if (optional) {
      if (edge) throw new PatternError(pattern, 'an optional word [..] must sit between two words');
      source += `(?: ${position(token.slice(1, -1), pattern)})?`;
      return;
    }
    source += (words === 0 ? '' : ' ') + position(token, pattern);
    words++;
  });
  return `(?<= )${source}(?= )`;
}

/** The literal words of a pattern (no prefixes, gaps or punctuation): the speller's vocabulary. */
export function patternWords(pattern: string): string[] {
  return pattern
    .replace(/[[\]]/g, '')
    .split(/[\s|]+/)
    .filter((w) => /^[a-z]+$/.test(w));
}
