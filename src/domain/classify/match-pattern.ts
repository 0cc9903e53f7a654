import type { CompiledPattern, PatternElement } from './compile-pattern';

/** Normalized text split into tokens, with an index from token to its positions. */
export interface TokenText {
  tokens: readonly string[];
  index: ReadonlyMap<string, readonly number[]>;
}

const EMPTY: readonly number[] = [];
/** Sentence boundaries: a gap never crosses them. */
const BOUNDARY = new Set(['.', '?', '!', ';']);

/** Indexes normalized tokens (see normalizeTokens) for matching. */
export function tokenText(tokens: readonly string[]): TokenText {
  const index = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const at = index.get(t);
    if (at) at.push(i);
    else index.set(t, [i]);
  });
  return { tokens, index };
}

function wordMatches(el: Extract<PatternElement, { kind: 'word' }>, token: string): boolean {
  if (el.exact.has(token)) return true;
  const prefixes = el.prefixes;
  for (let i = 0; i < prefixes.length; i++) if (token.startsWith(prefixes[i])) return true;
  return false;
}

/** The end of a match of elements[from..] starting at token `pos`, or -1. Gaps are lazy. */
function matchFrom(elements: readonly PatternElement[], from: number, tokens: readonly string[], pos: number): number {
  if (from === elements.length) return pos;
  const el = elements[from];
  if (el.kind === 'gap') {
    for (let k = 0; k <= el.max; k++) {
      if (k > 0 && (pos + k - 1 >= tokens.length || BOUNDARY.has(tokens[pos + k - 1]))) break;
      const end = matchFrom(elements, from + 1, tokens, pos + k);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (pos < tokens.length && wordMatches(el, tokens[pos])) {
    const end = matchFrom(elements, from + 1, tokens, pos + 1);
    if (end >= 0 || !el.optional) return end;
  }
  return el.optional ? matchFrom(elements, from + 1, tokens, pos) : -1;
}

/** Positions where the first element of a pattern matches, ascending. (No closures: hot path.) */
function starts(first: Extract<PatternElement, { kind: 'word' }>, text: TokenText): readonly number[] {
  let out: number[] | null = null;
  let only: readonly number[] = EMPTY;
  if (first.prefixes.length === 0 && first.words.length <= text.index.size) {
    for (let i = 0; i < first.words.length; i++) {
      const at = text.index.get(first.words[i]);
      if (at === undefined) continue;
      if (out !== null) for (let k = 0; k < at.length; k++) out.push(at[k]);
      else if (only.length === 0) only = at;
      else out = only.concat(at);
    }
  } else {
    for (const [token, at] of text.index) {
      if (!wordMatches(first, token)) continue;
      if (out !== null) for (let k = 0; k < at.length; k++) out.push(at[k]);
      else if (only.length === 0) only = at;
      else out = only.concat(at);
    }
  }
  return out !== null ? out.sort((a, b) => a - b) : only;
}

/** The leftmost match of one pattern: `[start, end)` in tokens, or null. */
export function matchPattern(pattern: CompiledPattern, text: TokenText): [number, number] | null {
  const first = pattern.elements[0];
  if (first.kind !== 'word') return null;
  for (const s of starts(first, text)) {
    const end = matchFrom(pattern.elements, 1, text.tokens, s + 1);
    if (end >= 0) return [s, end];
  }
  return null;
}

/**
 * The leftmost match of any of the patterns (the first pattern wins a tie), as the matched text;
 * null when none matches. Patterns not in `active` (when given) are skipped: they cannot match.
 */
export function matchAny(patterns: readonly CompiledPattern[], text: TokenText, active?: ReadonlySet<CompiledPattern>): string | null {
  let best: [number, number] | null = null;
  for (const p of patterns) {
    if (active && !active.has(p)) continue;
    const m = matchPattern(p, text);
    if (m && (best === null || m[0] < best[0])) {
      best = m;
      if (m[0] === 0) break;
    }
  }
  return best ? text.tokens.slice(best[0], best[1]).join(' ') : null;
}

/** Whether any of the patterns matches (only those in `active`, when given: see activePatterns). */
export function testAny(patterns: readonly CompiledPattern[], text: TokenText, active?: ReadonlySet<CompiledPattern>): boolean {
  for (const p of patterns) if ((!active || active.has(p)) && matchPattern(p, text) !== null) return true;
  return false;
}
