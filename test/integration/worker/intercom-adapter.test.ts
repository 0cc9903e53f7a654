import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import IORedis, { type Redis } from 'ioredis';
import { IntercomAdapter } from '../../../src/adapters/intercom/intercom-adapter';
import { IntercomApiError } from '../../../src/adapters/intercom/intercom-errors';
import { IntercomConfigSchema } from '../../../src/config/intercom.schema';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const FIXTURES = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api', 'intercom');
const fixture = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
const BASE = 'http://intercom.test';
const PREFIX = `crtest-intercom-${randomUUID().slice(0, 8)}`;
const NOW = 1_768_380_000_000;
const config = IntercomConfigSchema.parse({ botAdminId: '7012345', cacheTtl: '1h' });
const COMPANY = '65a1f0c2e4b0a1b2c3d4e500';

describe('IntercomAdapter (intercom-client 7 against nock, cache in real Redis)', () => {
  let redis: Redis;
  let intercom: IntercomAdapter;

  beforeAll(() => {
    redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  beforeEach(() => {
    intercom = new IntercomAdapter({ token: 'tok-test', config, baseUrl: BASE, cache: redis, cachePrefix: PREFIX, clock: { now: () => NOW } });
  });
  afterEach(async () => {
    nock.cleanAll();
    await deleteKeysMatching(redis, `${PREFIX}:*`);
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await redis.quit();
  });

  it('reads plan, KA, hosting and CSM from the company, with Intercom-Version 2.14, and caches it', async () => {
    const scope = nock(BASE, { reqheaders: { 'intercom-version': '2.14', authorization: 'Bearer tok-test' } })
      .get(`/companies/${COMPANY}`)
      .once()
      .reply(200, fixture('rest-get-company'));
    const company = await intercom.getCompany(COMPANY);
    expect(company).toEqual({ id: COMPANY, name: 'Calzados Ribera S.L.', plan: 'Platinum', hosting: 'saas', tags: ['KA', 'PrestaShop'], csm: 'ana.lopez@example.com' });
    // Second read comes from Redis: nock has no more interceptors and the network is closed.
    expect(await intercom.getCompany(COMPANY)).toEqual(company);
    expect(scope.isDone()).toBe(true);
    expect(await redis.pttl(`${PREFIX}:cache:intercom:company:${COMPANY}`)).toBeGreaterThan(3_500_000);
  });

  it('falls back to plan.name when the plan attribute is missing, and maps aliases', async () => {
    const body = fixture('rest-get-company');
    body.custom_attributes = { hosting: 'On-Premise' };
    body.plan = { type: 'plan', id: '1', name: 'oro' };
    nock(BASE).get(`/companies/${COMPANY}`).reply(200, body);
    const withAliases = new IntercomAdapter({
      token: 't',
      baseUrl: BASE,
      config: IntercomConfigSchema.parse({ company: { planAliases: { oro: 'Gold' } } }),
    });
    expect(await withAliases.getCompany(COMPANY)).toMatchObject({ plan: 'Gold', hosting: 'self-hosted' });
  });

  it('finds the company of a contact; an unknown company is null', async () => {
    nock(BASE).get('/contacts/65a1f0c2e4b0a1b2c3d4e5f6').reply(200, fixture('rest-get-contact'));
    nock(BASE).get('/companies/nope').reply(404, { type: 'error.list', errors: [{ code: 'company_not_found', message: 'Company Not Found' }] });
    expect(await intercom.getContactCompanyId('65a1f0c2e4b0a1b2c3d4e5f6')).toBe(COMPANY);
    expect(await intercom.getCompany('nope')).toBeNull();
  });

  it('a 429 is a retryable error carrying how long to wait (X-RateLimit-Reset, then Retry-After)', async () => {
    const resetAt = NOW / 1000 + 7;
    nock(BASE).get(`/companies/${COMPANY}`).reply(429, fixture('rest-error-429'), { 'X-RateLimit-Reset': String(resetAt) });
    const err = (await intercom.getCompany(COMPANY).catch((e: unknown) => e)) as IntercomApiError;
    expect(err).toBeInstanceOf(IntercomApiError);
    expect(err).toMatchObject({ code: 'INTERCOM_RATE_LIMITED', retryable: true, status: 429, retryAfterMs: 7_000 });

    nock(BASE).get(`/companies/${COMPANY}`).reply(429, fixture('rest-error-429'), { 'Retry-After': '3' });
    await expect(intercom.getCompany(COMPANY)).rejects.toMatchObject({ retryAfterMs: 3_000 });
  });

  it('a 5xx is retryable, a 400 is not', async () => {
    nock(BASE).get(`/companies/${COMPANY}`).reply(503, 'down');
    await expect(intercom.getCompany(COMPANY)).rejects.toMatchObject({ code: 'INTERCOM_UNAVAILABLE', retryable: true });
    nock(BASE).post('/conversations/1/reply').reply(400, { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'Body is required' }] });
    await expect(intercom.addNote('1', '<p>x</p>')).rejects.toMatchObject({ code: 'INTERCOM_REJECTED', retryable: false, message: expect.stringContaining('parameter_invalid') });
  });

  it('adds an internal note as the bot admin and returns the new part id', async () => {
    nock(BASE)
      .post('/conversations/215470001234567/reply', { message_type: 'note', type: 'admin', admin_id: '7012345', body: '<p>Clasificado: incidencia Muy Alta</p>' })
      .reply(200, fixture('rest-post-conversation-reply-note'));
    expect(await intercom.addNote('215470001234567', '<p>Clasificado: incidencia Muy Alta</p>')).toEqual({ partId: '31245678907' });
  });

  it('tags a conversation by name (creating the tag) and reopens it', async () => {
    const scope = nock(BASE)
      .post('/tags', { name: 'incidencia' })
      .reply(200, { type: 'tag', id: '9100010', name: 'incidencia' })
      .post('/conversations/215470001234567/tags', { id: '9100010', admin_id: '7012345' })
      .reply(200, fixture('rest-post-conversation-tags'))
      .post('/conversations/215470001234567/parts', { message_type: 'open', admin_id: '7012345' })
      .reply(200, { type: 'conversation', id: '215470001234567' });
    await intercom.tagConversation('215470001234567', ['incidencia']);
    await intercom.reopen('215470001234567');
    expect(scope.isDone()).toBe(true);
  });

  it('reads the rating of a conversation', async () => {
    nock(BASE).get('/conversations/215470001234567').reply(200, fixture('rest-get-conversation'));
    expect(await intercom.getRating('215470001234567')).toEqual({ rating: 5, remark: 'Muy rápidos y claros, gracias.', adminId: '7012345', at: 1768473000_000 });
  });

  it('refuses to write without a bot admin id', async () => {
    const noAdmin = new IntercomAdapter({ token: 't', baseUrl: BASE, config: IntercomConfigSchema.parse({}) });
    await expect(noAdmin.addNote('1', 'x')).rejects.toMatchObject({ code: 'INTERCOM_NOT_CONFIGURED', retryable: false });
  });
});
