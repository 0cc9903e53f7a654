import type { Speller } from './speller';

const DIACRITICS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`´]/g;
const SENTENCE_MARKS = /([?!.;:])/g;
const NOT_WORD = /[^a-z0-9€%$@#&/+_?!.;:\s-]+/g;
const REPEATS = /([a-z])\1{2,}/g;

/**
 * Normalizes text for matching: lowercase, accents and ñ folded (`Facturación` → `facturacion`),
 * apostrophes joined (`can't` → `cant`), letters repeated three times or more collapsed
 * (`urgenteeee` → `urgente`), `¿ ¡` dropped, `? ! . ; :` kept as tokens of their own (`:` becomes
 * `.`), every other symbol a space, misspellings corrected by the speller. The result has exactly
 * one space between tokens and one at each end, which is what compiled patterns expect.
 */
export function normalizeText(text: string, speller?: Speller): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .replace(SENTENCE_MARKS, ' $1 ')
    .replace(/:/g, '.')
    .replace(REPEATS, '$1');
  const tokens = folded.split(/\s+/).filter((t) => t !== '');
  const words = speller ? tokens.map((t) => speller.correct(t)) : tokens;
  return ` ${words.join(' ')} `;
}
