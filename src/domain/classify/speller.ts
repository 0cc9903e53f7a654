/**
 * Corrects common misspellings of the words the rules use, so "chekout", "carito" or "urjente"
 * still match. Two sources, both in config/rules.yaml:
 * - `spelling:` an explicit map `wrong: right`, applied first;
 * - `fuzzy:` domain words (six letters or more) whose one-edit typos — a letter missing, extra,
 *   changed, or two swapped — are corrected when the correction is unique and keeps the first
 *   letter (found with the symmetric-delete method).
 * A word the rules themselves use is never "corrected" into another one. Fuzzy correction is kept
 * to a chosen list on purpose: applied to every word of the rules it turns real words into others
 * ("faltan" into "fallan", "italian" into "italiano").
 */
export interface Speller {
  correct(word: string): string;
}

const MIN_TARGET = 6;
const MIN_TOKEN = 5;
const CACHE_LIMIT = 20_000;

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Builds a speller.
 * @param known words never corrected (every word the rules use)
 * @param fuzzyTargets words whose one-edit typos are corrected
 * @param spelling explicit misspellings, `wrong → right`
 */
export function createSpeller(known: Iterable<string>, fuzzyTargets: Iterable<string> = [], spelling: Record<string, string> = {}): Speller {
  const targets = new Set<string>();
  for (const w of fuzzyTargets) if (w.length >= MIN_TARGET && /^[a-z]+$/.test(w)) targets.add(w);
  const keep = new Set<string>([...known, ...targets]);
  // deleted form → the target it comes from; null when two targets share it (ambiguous).
  const byDelete = new Map<string, string | null>();
  for (const w of targets) {
    for (const d of deletes(w)) {
      const prev = byDelete.get(d);
      byDelete.set(d, prev === undefined || prev === w ? w : null);
    }
  }
  const explicit = new Map(Object.entries(spelling));
  const cache = new Map<string, string>();

  function fuzzy(word: string): string {
    const found = new Set<string>();
    const direct = byDelete.get(word); // a letter missing
    if (direct === null) return word;
    if (direct) found.add(direct);
    for (const d of deletes(word)) {
      if (targets.has(d)) found.add(d); // a letter too many
      const via = byDelete.get(d); // a letter changed, or two swapped
      if (via) found.add(via);
    }
    if (found.size !== 1) return word;
    const [only] = found;
    return only[0] === word[0] ? only : word;
  }

  return {
    correct(word: string): string {
      const mapped = explicit.get(word);
      if (mapped !== undefined) return mapped;
      if (word.length < MIN_TOKEN || keep.has(word) || targets.size === 0 || !/^[a-z]+$/.test(word)) return word;
      const hit = cache.get(word);
      if (hit !== undefined) return hit;
      const fixed = fuzzy(word);
      if (cache.size < CACHE_LIMIT) cache.set(word, fixed);
      return fixed;
    },
  };
}
