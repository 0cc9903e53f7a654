import { compilePattern, expandPattern, PatternError, patternWords } from '../../../src/domain/classify/compile-pattern';
import { matchAny, matchPattern, tokenText } from '../../../src/domain/classify/match-pattern';
import { normalizeTokens } from '../../../src/domain/classify/normalize-text';

const matches = (pattern: string, text: string) => matchPattern(compilePattern(pattern), tokenText(normalizeTokens(text))) !== null;

describe('the pattern language of the rules', () => {
  it('matches whole words only', () => {
    expect(matches('cesta', 'No deja añadir nada a la cesta')).toBe(true);
    expect(matches('cesta', 'las cestas de Navidad')).toBe(false);
  });

  it('matches word forms with a trailing *', () => {
    expect(matches('factur*', 'Las facturas no salen')).toBe(true);
    expect(matches('factur*', 'La facturación electrónica')).toBe(true);
    expect(matches('factur*', 'manufacturer')).toBe(false);
  });

  it('matches alternatives at one position', () => {
    expect(matches('no deja anadir|comprar', 'no deja comprar')).toBe(true);
    expect(matches('no deja anadir|comprar', 'no deja pagar')).toBe(false);
  });

  it('allows a gap of up to N words, but not across a sentence', () => {
    expect(matches('nadie ~3 comprar', 'nadie de nuestros clientes puede comprar')).toBe(false);
    expect(matches('nadie ~4 comprar', 'nadie de nuestros clientes puede comprar')).toBe(true);
    expect(matches('nadie ... comprar', 'nadie puede comprar')).toBe(true);
    expect(matches('nadie ~6 comprar', 'No llama nadie. Queremos comprar')).toBe(false);
  });

  it('treats [word] as optional', () => {
    expect(matches('se queda [en] cargando', 'se queda cargando')).toBe(true);
    expect(matches('se queda [en] cargando', 'se queda en cargando')).toBe(true);
    expect(matches('se queda [en] cargando', 'se queda siempre cargando')).toBe(false);
  });

  it('matches numbers with # and question marks with ?', () => {
    expect(matches('antes del #', 'Tiene que estar antes del 20 de enero')).toBe(true);
    expect(matches('by the #', 'we need it by the 31st')).toBe(true);
    expect(matches('como ... ?', '¿Cómo se hace?')).toBe(true);
    expect(matches('como ... ?', 'Como os dije, no funciona.')).toBe(false);
  });

  it('reports the leftmost, shortest match of a rule\'s patterns', () => {
    const text = tokenText(normalizeTokens('Hola. Desde ayer nadie de los clientes puede comprar, nadie puede pagar'));
    expect(matchAny([compilePattern('nadie ~4 pagar'), compilePattern('nadie ~4 comprar')], text)).toBe('nadie de los clientes puede comprar');
    expect(matchAny([compilePattern('desde ~3 ayer|hoy')], text)).toBe('desde ayer');
    expect(matchAny([compilePattern('manana')], text)).toBeNull();
  });

  it('rejects patterns a support lead could not mean, naming the fault', () => {
    expect(() => compilePattern('~3 comprar')).toThrow(PatternError);
    expect(() => compilePattern('comprar ...')).toThrow(/gap/);
    expect(() => compilePattern('Facturación')).toThrow(/lowercase, without accents/);
    expect(() => compilePattern('a||b')).toThrow(/empty alternative/);
    expect(() => compilePattern('   ')).toThrow(/empty pattern/);
  });

  it('lists the literal words of a pattern for the speller', () => {
    expect(patternWords('no deja anadir|comprar ~3 [la] cesta* ?')).toEqual(['no', 'deja', 'anadir', 'comprar', 'la']);
  });
});

describe('phrase groups', () => {
  it('expands alternatives of several words into one pattern each', () => {
    expect(expandPattern('web|tienda ~2 (no carga|en blanco)')).toEqual(['web|tienda ~2 no carga', 'web|tienda ~2 en blanco']);
    expect(expandPattern('(a b|c) x (d|e f)')).toEqual(['a b x d', 'a b x e f', 'c x d', 'c x e f']);
    expect(expandPattern('sin grupos')).toEqual(['sin grupos']);
  });

  it('matches any of the phrases', () => {
    const patterns = expandPattern('la web ~2 (no carga|en blanco)').map(compilePattern);
    expect(matchAny(patterns, tokenText(normalizeTokens('La web sale en blanco')))).toBe('la web sale en blanco');
    expect(matchAny(patterns, tokenText(normalizeTokens('La web no carga')))).toBe('la web no carga');
    expect(matchAny(patterns, tokenText(normalizeTokens('La web carga bien, no es blanco')))).toBeNull();
  });

  it('rejects unbalanced or empty groups', () => {
    expect(() => expandPattern('web (no carga')).toThrow(/unbalanced/);
    expect(() => expandPattern('web (no carga|)')).toThrow(/empty alternative/);
  });
});

describe('phrase groups of single words', () => {
  it('are one position, not an expansion', () => {
    expect(expandPattern('(a|b) x (c|d e)')).toEqual(['a|b x c', 'a|b x d e']);
  });
});
