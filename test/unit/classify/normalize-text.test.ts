import { detectLanguage } from '../../../src/domain/classify/detect-language';
import { normalizeText, normalizeTokens } from '../../../src/domain/classify/normalize-text';
import { createSpeller } from '../../../src/domain/classify/speller';

describe('normalizing text for matching', () => {
  it('folds case and accents, keeps sentence marks as tokens', () => {
    expect(normalizeText('¿Dónde se configura la FACTURACIÓN? Gracias.')).toBe(' donde se configura la facturacion ? gracias . ');
  });

  it('joins apostrophes, collapses letters repeated three times and drops other symbols', () => {
    expect(normalizeText("We can't pay!!! URGENTEEEE (really)")).toBe(' we cant pay ! ! ! urgente really ');
  });

  it('folds text whose accents arrive decomposed', () => {
    expect(normalizeText('Facturacio\u0301n')).toBe(' facturacion ');
  });

  it('keeps decimals inside the number, not as a sentence boundary', () => {
    expect(normalizeText('Cobra 4.90 € y 1,5. Fin')).toBe(' cobra 4.90 € y 1.5 . fin ');
  });

  it('turns a colon into a sentence boundary', () => {
    expect(normalizeText('Dos dudas: una')).toBe(' dos dudas . una ');
  });
});

describe('correcting misspellings', () => {
  const speller = createSpeller(['faltan', 'italian'], ['checkout', 'carrito', 'presupuesto', 'urgente'], { checkaut: 'checkout' });

  it('corrects one-letter typos of the chosen domain words', () => {
    expect(normalizeText('el chekout y el carito', speller)).toBe(' el checkout y el carrito ');
    expect(normalizeText('presupesto urjente', speller)).toBe(' presupuesto urgente ');
    expect(normalizeText('checkuot', speller)).toBe(' checkout ');
  });

  it('applies the explicit misspelling map first', () => {
    expect(normalizeText('checkaut', speller)).toBe(' checkout ');
  });

  it('never turns a word the rules use into another one', () => {
    expect(normalizeText('faltan italian', speller)).toBe(' faltan italian ');
  });

  it('leaves short words and unrelated words alone', () => {
    expect(normalizeText('carta cesta zapato', speller)).toBe(' carta cesta zapato ');
  });
});

describe('detecting the language of a message', () => {
  it('scores Spanish and English function words', () => {
    expect(detectLanguage(normalizeTokens('Hola, no podemos ver los pedidos de la tienda desde ayer'))).toBe('es');
    expect(detectLanguage(normalizeTokens('Hi, we cannot see the orders in the shop since yesterday'))).toBe('en');
  });

  it('follows the words, not the company: a Spanish company writing in English is answered in English', () => {
    expect(detectLanguage(normalizeTokens('Hello, I write in English for our new colleague. How can we print the packing slips?'), 'es')).toBe('en');
  });

  it('falls back to the hint, then Spanish, when the text says nothing', () => {
    expect(detectLanguage(normalizeTokens('OK!!'), 'en')).toBe('en');
    expect(detectLanguage(normalizeTokens('OK!!'))).toBe('es');
  });
});
