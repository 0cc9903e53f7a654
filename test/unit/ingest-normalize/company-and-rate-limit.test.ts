import { companyFromIntercom } from '../../../src/adapters/intercom/company-from-intercom';
import { retryAfterMsFrom } from '../../../src/adapters/intercom/intercom-errors';
import { DEFAULT_INTERCOM_CONFIG, IntercomConfigSchema } from '../../../src/config/intercom.schema';
import { htmlToText } from '../../../src/domain/ingest/html-to-text';

const companyConfig = DEFAULT_INTERCOM_CONFIG.company;

describe('companyFromIntercom: the methodology’s facts from an Intercom company', () => {
  it('takes the plan from the configured attribute before Intercom’s plan.name', () => {
    const c = companyFromIntercom({ id: 'c1', plan: { name: 'Bronze' }, custom_attributes: { plan_soporte: 'Gold' } }, companyConfig);
    expect(c.plan).toBe('Gold');
  });

  it('falls back to plan.name, and leaves the plan out when neither is a known plan', () => {
    expect(companyFromIntercom({ id: 'c1', plan: { name: 'silver' } }, companyConfig).plan).toBe('Silver');
    expect(companyFromIntercom({ id: 'c1', plan: { name: 'Enterprise' }, custom_attributes: { plan_soporte: '' } }, companyConfig)).not.toHaveProperty('plan');
  });

  it('recognises the key-account tag whatever its case, as `KA`', () => {
    const config = IntercomConfigSchema.parse({ company: { keyAccountTag: 'Key Account' } }).company;
    const c = companyFromIntercom({ id: 'c1', tags: { tags: [{ name: 'key account' }, { name: 'PrestaShop' }] } }, config);
    expect(c.tags).toEqual(['KA', 'PrestaShop']);
  });

  it('maps hosting through aliases (on-premise is self-hosted) and reads the CSM', () => {
    const c = companyFromIntercom({ id: 'c1', name: 'Calzados Ribera S.L.', custom_attributes: { hosting: 'On-Premise', csm_email: 'ana@example.com' } }, companyConfig);
    expect(c).toEqual({ id: 'c1', name: 'Calzados Ribera S.L.', hosting: 'self-hosted', tags: [], csm: 'ana@example.com' });
  });
});

describe('retryAfterMsFrom: how long Intercom asks us to wait after a 429', () => {
  const now = 1_768_380_000_000;
  it('prefers Retry-After seconds', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 9) }), now)).toBe(2_000);
  });
  it('else waits until X-RateLimit-Reset (Unix seconds), at least one second', () => {
    expect(retryAfterMsFrom({ 'X-RateLimit-Reset': String(now / 1000 + 6) }, now)).toBe(6_000);
    expect(retryAfterMsFrom({ 'X-RateLimit-Reset': String(now / 1000 - 5) }, now)).toBe(1_000);
  });
  it('else one 10-second window', () => {
    expect(retryAfterMsFrom(undefined, now)).toBe(10_000);
  });
});

describe('htmlToText', () => {
  it('turns Intercom HTML into plain text with line breaks and decoded entities', () => {
    expect(htmlToText('<p>Hola &amp; gracias</p><p>L&iacute;nea<br>dos &#8364; &lt;3</p>')).toBe('Hola & gracias\nLínea\ndos € <3');
    expect(htmlToText('&iquest;Espa&ntilde;a? &Ntilde;')).toBe('¿España? Ñ');
    expect(htmlToText(null)).toBe('');
  });
});
