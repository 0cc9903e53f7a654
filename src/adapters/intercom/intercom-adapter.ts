import type { Redis } from 'ioredis';
import { IntercomClient, IntercomError, IntercomTimeoutError } from 'intercom-client';
import type { IntercomConfig } from '../../config/intercom.schema';
import type { Company } from '../../domain/events';
import type { Clock, IntercomPort } from '../../ports';
import { systemClock } from '../../ports';
import { companyFromIntercom, type IntercomCompanyLike } from './company-from-intercom';
import { IntercomApiError, retryAfterMsFrom } from './intercom-errors';

export interface IntercomAdapterOptions {
  /** Access token of the Intercom app (INTERCOM_ACCESS_TOKEN). */
  token: string;
  config: IntercomConfig;
  /** Overrides `https://api.intercom.io` (INTERCOM_BASE_URL): the demo's fake server, nock in tests. */
  baseUrl?: string;
  /** Redis for the company cache; without it nothing is cached. */
  cache?: Redis;
  /** Key prefix of the cache (`cr` in production). */
  cachePrefix?: string;
  clock?: Clock;
  /** A fetch implementation (tests may inject one instead of using nock). */
  fetch?: typeof fetch;
}

/**
 * {@link IntercomPort} with the official `intercom-client` (Intercom-Version 2.14).
 *
 * The SDK's own retries are off: a failed call throws an {@link IntercomApiError} at once and the
 * job runner retries the whole job with backoff, honouring `retryAfterMs` on a 429, so one worker
 * never sleeps inside a request while holding a job lock.
 */
export class IntercomAdapter implements IntercomPort {
  private readonly client: IntercomClient;
  private readonly config: IntercomConfig;
  private readonly cache: Redis | undefined;
  private readonly cachePrefix: string;
  private readonly clock: Clock;

  constructor(options: IntercomAdapterOptions) {
    this.config = options.config;
    this.cache = options.cache;
    this.cachePrefix = options.cachePrefix ?? 'cr';
    this.clock = options.clock ?? systemClock;
    this.client = new IntercomClient({
      token: options.token,
      version: options.config.apiVersion,
      maxRetries: 0,
      timeoutInSeconds: Math.max(1, Math.round(options.config.timeout / 1000)),
      ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async getCompany(companyId: string): Promise<Company | null> {
    return this.cached(`company:${companyId}`, async () => {
      const raw = await this.find(`GET /companies/${companyId}`, () => this.client.companies.find({ company_id: companyId }));
      return raw ? companyFromIntercom(raw as IntercomCompanyLike, this.config.company) : null;
    });
  }

  async getContactCompanyId(contactId: string): Promise<string | null> {
    return this.cached(`contact-company:${contactId}`, async () => {
      const contact = await this.find(`GET /contacts/${contactId}`, () => this.client.contacts.find({ contact_id: contactId }));
      const companies = (contact as { companies?: { data?: { id?: string }[] } } | null)?.companies?.data ?? [];
      return companies[0]?.id ?? null;
    });
  }

  async addNote(conversationId: string, html: string): Promise<{ partId: string }> {
    const adminId = this.botAdminId();
    const conversation = await this.call(`POST /conversations/${conversationId}/reply`, () =>
      this.client.conversations.reply({ conversation_id: conversationId, body: { message_type: 'note', type: 'admin', admin_id: adminId, body: html } }),
    );
    const parts = (conversation as { conversation_parts?: { conversation_parts?: { id: string | number }[] } }).conversation_parts?.conversation_parts ?? [];
    const last = parts[parts.length - 1];
    return { partId: last ? String(last.id) : '' };
  }

  async tagConversation(conversationId: string, tagNames: string[]): Promise<void> {
    const adminId = this.botAdminId();
    for (const name of tagNames) {
      // POST /tags creates the tag or returns the existing one with that name.
      const tag = await this.call('POST /tags', () => this.client.tags.create({ name }));
      await this.call(`POST /conversations/${conversationId}/tags`, () =>
        this.client.tags.tagConversation({ conversation_id: conversationId, id: String(tag.id), admin_id: adminId }),
      );
    }
  }

  async reopen(conversationId: string): Promise<void> {
    const adminId = this.botAdminId();
    await this.call(`POST /conversations/${conversationId}/parts (open)`, () =>
      this.client.conversations.manage({ conversation_id: conversationId, body: { message_type: 'open', admin_id: adminId } }),
    );
  }

  async getRating(conversationId: string): Promise<{ rating: number; remark: string | null; adminId: string | null; at: number } | null> {
    const conversation = await this.find(`GET /conversations/${conversationId}`, () => this.client.conversations.find({ conversation_id: conversationId }));
    const r = (conversation as { conversation_rating?: { rating?: number | null; remark?: string | null; created_at?: number | null; teammate?: { id?: string | number } | null } | null } | null)
      ?.conversation_rating;
    if (!r || typeof r.rating !== 'number') return null;
    return { rating: r.rating, remark: r.remark ?? null, adminId: r.teammate?.id !== undefined ? String(r.teammate.id) : null, at: (r.created_at ?? 0) * 1000 };
  }

  private botAdminId(): string {
    const id = this.config.botAdminId;
    if (!id) throw new IntercomApiError('INTERCOM_NOT_CONFIGURED', 'intercom.botAdminId is not set (config/intercom.yaml or INTERCOM_BOT_ADMIN_ID): the bot cannot write notes or tags', false);
    return id;
  }

  private async cached<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const full = `${this.cachePrefix}:cache:intercom:${key}`;
    if (this.cache) {
      const hit = await this.cache.get(full);
      if (hit !== null) return JSON.parse(hit) as T | null;
    }
    const value = await load();
    if (this.cache) await this.cache.set(full, JSON.stringify(value), 'PX', this.config.cacheTtl);
    return value;
  }

  /** Runs an SDK call and turns its failures into {@link IntercomApiError}s. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    return (await this.attempt(what, run, false)) as T;
  }

  /** Like {@link call}, but a 404 is `null` (the company or conversation does not exist). */
  private async find<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    return this.attempt(what, run, true);
  }

  private async attempt<T>(what: string, run: () => Promise<T>, notFoundIsNull: boolean): Promise<T | null> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof IntercomTimeoutError) throw new IntercomApiError('INTERCOM_UNAVAILABLE', `${what}: timed out`, true);
      if (!(err instanceof IntercomError)) throw new IntercomApiError('INTERCOM_UNAVAILABLE', `${what}: ${(err as Error).message}`, true);
      const status = err.statusCode ?? null;
      if (status === 404 && notFoundIsNull) return null;
      if (status === 429) {
        const retryAfterMs = retryAfterMsFrom(err.rawResponse?.headers, this.clock.now());
        throw new IntercomApiError('INTERCOM_RATE_LIMITED', `${what}: rate limited by Intercom, retry in ${retryAfterMs} ms`, true, 429, retryAfterMs);
      }
      if (status === null || status >= 500 || status === 408) throw new IntercomApiError('INTERCOM_UNAVAILABLE', `${what}: Intercom answered ${status ?? 'nothing'}`, true, status);
      throw new IntercomApiError('INTERCOM_REJECTED', `${what}: Intercom answered ${status}: ${errorText(err.body)}`, false, status);
    }
  }
}

function errorText(body: unknown): string {
  const errors = (body as { errors?: { code?: string; message?: string }[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((e) => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ');
  return typeof body === 'string' ? body.slice(0, 200) : 'error';
}
