import type { Language } from '../vocabulary';

// Frequent function words that the other language does not share (so "no", "me", "a" are left out).
const ES = new Set(
  'el la los las de del que y en un una por para con se su sus es al lo como pero mas muy esta este estos estas hay tenemos nos podeis puede pueden gracias hola buenos buenas dias saludos cuando donde desde tiene sale queremos necesitamos nuestro nuestra ya tambien porque sin sobre hace otra otro'.split(' '),
);
const EN = new Set(
  'the and of to is are in it that for with you we our on this can be have has not but from they when what how could would please thanks thank hello hi there which will your does do dont doesnt cant an at by my just since want like get'.split(' '),
);

/**
 * Detects Spanish or English by scoring frequent function words of each language in normalized
 * tokens (see normalizeTokens). Falls back to `hint` (the language Intercom or the caller gave) on a tie, then Spanish.
 */
export function detectLanguage(tokens: readonly string[], hint?: Language | null): Language {
  let es = 0;
  let en = 0;
  for (const token of tokens) {
    if (ES.has(token)) es++;
    else if (EN.has(token)) en++;
  }
  if (es === en) return hint ?? 'es';
  return es > en ? 'es' : 'en';
}
