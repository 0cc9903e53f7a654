import { placeholders } from '../../../src/templates/text';
import { texts } from './support';

const keys = (lang: 'es' | 'en') => Object.keys(texts[lang]).filter((k) => k.startsWith('alerts.')).sort();

describe('alert texts (templates/text/<lang>/alerts.yaml)', () => {
  it('every alert text exists in Spanish and in English', () => {
    expect(keys('es').length).toBeGreaterThan(40);
    expect(keys('en')).toEqual(keys('es'));
  });

  it('each text uses the same placeholders in both languages', () => {
    for (const key of keys('es')) {
      expect([key, placeholders(texts.en[key]).sort()]).toEqual([key, placeholders(texts.es[key]).sort()]);
    }
  });

  it('the Spanish guidance addresses the customer formally (usted)', () => {
    expect(texts.es['alerts.ladder-guidance-2']).toBe('Indique al cliente qué departamento lo tiene, la causa sospechada y una primera estimación.');
  });
});
