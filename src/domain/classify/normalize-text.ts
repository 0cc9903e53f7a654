import type { Speller } from './speller';

/** Accented and special letters folded to their base letter (Latin-1 and Latin Extended-A). */
const FOLD: Record<string, string> = {};
const FOLDS: [string, string][] = [
  ['a', 'àáâãäåāăą'], ['c', 'çćĉċč'], ['e', 'èéêëēĕėęě'], ['i', 'ìíîïĩīĭįı'], ['n', 'ñńņňŉ'], ['o', 'òóôõöøōŏő'],
  ['u', 'ùúûüũūŭůűų'], ['y', 'ýÿŷ'], ['s', 'śŝşš'], ['z', 'źżž'], ['g', 'ĝğġģ'], ['l', 'ĺļľŀł'], ['r', 'ŕŗř'], ['t', 'ţťŧ'], ['d', 'ďđ'],
];
for (const [base, letters] of FOLDS) for (const ch of letters) FOLD[ch] = base;
FOLD['ß'] = 'ss';
FOLD['æ'] = 'ae';
FOLD['œ'] = 'oe';

const APOSTROPHES = new Set(["'", '’', '`', '´']);
/** Sentence marks kept as tokens of their own (`:` counts as `.`). */
const MARKS: Record<string, string> = { '?': '?', '!': '!', '.': '.', ';': ';', ':': '.' };
/** Symbols kept inside words. */
const KEEP = new Set(['€', '%', '$', '@', '&', '/', '+', '_', '-']);

function isDigit(text: string, i: number): boolean {
  const code = i >= 0 && i < text.length ? text.charCodeAt(i) : 0;
  return code >= 48 && code <= 57;
}

/**
 * Splits text into normalized tokens in one pass: lowercase, accents and ñ folded
 * (`Facturación` → `facturacion`), apostrophes joined (`can't` → `cant`), a letter repeated three
 * times or more collapsed (`urgenteeee` → `urgente`), `¿ ¡` dropped, `? ! . ;` kept as tokens of
 * their own (`:` becomes `.`) except a `.` or `,` between digits (`4.90`), any other symbol a
 * separator, misspellings corrected by the speller.
 */
export function normalizeTokens(text: string, speller?: Speller): string[] {
  const tokens: string[] = [];
  let word = '';
  let last = '';
  let run = 0;
  const flush = () => {
    if (word !== '') tokens.push(speller ? speller.correct(word) : word);
    word = '';
    last = '';
    run = 0;
  };
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    let ch = lower[i];
    const code = ch.charCodeAt(0);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
      if (APOSTROPHES.has(ch)) continue;
      const mark = MARKS[ch];
      if ((ch === '.' || ch === ',') && isDigit(lower, i - 1) && isDigit(lower, i + 1)) {
        word += '.'; // a decimal or thousands separator stays inside the number: 4.90, 1,250
        last = '';
        continue;
      }
      if (mark !== undefined) {
        flush();
        tokens.push(mark);
        continue;
      }
      const folded = FOLD[ch];
      if (folded !== undefined) ch = folded;
      else if (code >= 0x300 && code <= 0x36f) continue; // a combining accent (text already decomposed)
      else if (!KEEP.has(ch)) {
        flush();
        continue;
      }
    }
    if (ch === last && code >= 97) {
      run++;
      if (run >= 2 && /[a-z]/.test(ch)) {
        // a third identical letter: collapse the whole run to one
        if (run === 2) word = word.slice(0, -1);
        continue;
      }
    } else {
      last = ch;
      run = 0;
    }
    word += ch;
  }
  flush();
  return tokens;
}

/**
 * Normalizes text for matching (see {@link normalizeTokens}); the result has exactly one space
 * between tokens and one at each end.
 */
export function normalizeText(text: string, speller?: Speller): string {
  return ` ${normalizeTokens(text, speller).join(' ')} `;
}
