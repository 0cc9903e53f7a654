import express, { type Express } from 'express';
import type { Clock } from '../../../ports';
import type { CallLog } from './call-log';

/** A company of the demo workspace (REST 2.14 `company`, the fields the relay reads). */
export interface DemoCompany {
  id: string;
  name: string;
  plan: 'Platinum' | 'Gold' | 'Silver' | 'Bronze';
  keyAccount: boolean;
  hosting: 'saas' | 'self-hosted';
  csmEmail?: string;
}

export interface DemoContact {
  id: string;
  name: string;
  email: string;
  companyId: string;
}

export interface FakeIntercom {
  app: Express;
  /** Internal notes the bot wrote, per conversation. */
  notes: { conversationId: string; html: string; at: number }[];
  /** Tags the bot applied, per conversation. */
  tags: { conversationId: string; name: string; at: number }[];
  reopened: { conversationId: string; at: number }[];
  /** Ratings customers gave (GET /conversations/{id} serves them). */
  ratings: Map<string, { rating: number; remark: string | null; adminId: string; at: number }>;
}

/**
 * A local Intercom REST API (version 2.14 shapes, shared/fixtures/api/intercom/rest-*.json):
 * companies, contacts, notes (`POST /conversations/{id}/reply`), tags, reopen, get conversation.
 * Point the real adapter at it with INTERCOM_BASE_URL. Records every call.
 */
export function createFakeIntercom(options: {
  clock: Clock;
  log: CallLog;
  companies: DemoCompany[];
  contacts: DemoContact[];
  /**
   * Called when a tag is attached, with all the conversation's tags: Intercom then notifies the
   * `conversation_part.tag.created` topic, so the demo sends that webhook back to the relay.
   */
  onTagged?: (conversationId: string, tags: { id: string; name: string; appliedAt: number; adminId: string }[]) => Promise<void>;
}): FakeIntercom {
  const app = express();
  const notes: FakeIntercom['notes'] = [];
  const tags: FakeIntercom['tags'] = [];
  const reopened: FakeIntercom['reopened'] = [];
  const ratings: FakeIntercom['ratings'] = new Map();
  const tagIds = new Map<string, string>();
  let partId = 9_000_000;
  const secs = () => Math.floor(options.clock.now() / 1000);
  const record = (method: string, request: unknown, status: number, response: unknown) => options.log.add({ system: 'intercom', method, at: options.clock.now(), request, status, response });
  const notFound = { type: 'error.list', request_id: 'demo', errors: [{ code: 'not_found', message: 'Resource Not Found' }] };
  app.use(express.json({ limit: '5mb' }));

  const conversation = (id: string, parts: unknown[] = []) => ({
    type: 'conversation',
    id,
    created_at: secs(),
    updated_at: secs(),
    state: 'open',
    open: true,
    conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
    conversation_rating: ratings.has(id)
      ? (() => {
          const r = ratings.get(id)!;
          return { rating: r.rating, remark: r.remark, created_at: Math.floor(r.at / 1000), teammate: { type: 'admin', id: r.adminId } };
        })()
      : null,
  });

  app.get('/companies/:id', (req, res) => {
    const c = options.companies.find((x) => x.id === req.params.id);
    if (!c) {
      record(`GET /companies/${req.params.id}`, null, 404, notFound);
      return res.status(404).json(notFound);
    }
    const response = {
      type: 'company',
      id: c.id,
      company_id: c.id,
      name: c.name,
      plan: { type: 'plan', id: `plan-${c.plan}`, name: c.plan },
      tags: { type: 'tag.list', tags: c.keyAccount ? [{ type: 'tag', id: '9100001', name: 'KA' }] : [] },
      custom_attributes: { plan_soporte: c.plan, hosting: c.hosting, ...(c.csmEmail ? { csm_email: c.csmEmail } : {}) },
    };
    record(`GET /companies/${c.id}`, null, 200, response);
    res.json(response);
  });

  app.get('/contacts/:id', (req, res) => {
    const c = options.contacts.find((x) => x.id === req.params.id);
    if (!c) {
      record(`GET /contacts/${req.params.id}`, null, 404, notFound);
      return res.status(404).json(notFound);
    }
    const response = { type: 'contact', id: c.id, role: 'user', name: c.name, email: c.email, companies: { type: 'list', data: [{ type: 'company', id: c.companyId, url: `/companies/${c.companyId}` }], url: `/contacts/${c.id}/companies`, total_count: 1, has_more: false } };
    record(`GET /contacts/${c.id}`, null, 200, response);
    res.json(response);
  });

  app.post('/conversations/:id/reply', (req, res) => {
    const id = String(req.params.id);
    const body = req.body as { message_type?: string; body?: string; admin_id?: string };
    const part = { type: 'conversation_part', id: String(++partId), part_type: body.message_type === 'note' ? 'note' : 'comment', body: body.body ?? '', created_at: secs(), author: { type: 'admin', id: String(body.admin_id ?? '') } };
    if (body.message_type === 'note') notes.push({ conversationId: id, html: body.body ?? '', at: options.clock.now() });
    const response = conversation(id, [part]);
    record(`POST /conversations/${id}/reply`, req.body, 200, response);
    res.json(response);
  });

  app.post('/tags', (req, res) => {
    const name = String((req.body as { name?: string }).name ?? '');
    if (!tagIds.has(name)) tagIds.set(name, String(9100010 + tagIds.size));
    const response = { type: 'tag', id: tagIds.get(name), name };
    record('POST /tags', req.body, 200, response);
    res.json(response);
  });

  app.post('/conversations/:id/tags', async (req, res) => {
    const id = String(req.params.id);
    const tagId = String((req.body as { id?: string }).id ?? '');
    const name = [...tagIds.entries()].find(([, v]) => v === tagId)?.[0] ?? tagId;
    const adminId = String((req.body as { admin_id?: string }).admin_id ?? '');
    const first = !tags.some((t) => t.conversationId === id && t.name === name);
    tags.push({ conversationId: id, name, at: options.clock.now() });
    const response = { type: 'tag', id: tagId, name };
    record(`POST /conversations/${id}/tags`, req.body, 200, response);
    if (first && options.onTagged) {
      const all = tags.filter((t) => t.conversationId === id).map((t) => ({ id: tagIds.get(t.name) ?? t.name, name: t.name, appliedAt: t.at, adminId }));
      await options.onTagged(id, [...new Map(all.map((t) => [t.id, t])).values()]);
    }
    res.json(response);
  });

  app.post('/conversations/:id/parts', (req, res) => {
    const id = String(req.params.id);
    if ((req.body as { message_type?: string }).message_type === 'open') reopened.push({ conversationId: id, at: options.clock.now() });
    const response = conversation(id);
    record(`POST /conversations/${id}/parts`, req.body, 200, response);
    res.json(response);
  });

  app.get('/conversations/:id', (req, res) => {
    const response = conversation(String(req.params.id));
    record(`GET /conversations/${req.params.id}`, null, 200, response);
    res.json(response);
  });

  app.use((req, res) => {
    record(`${req.method} ${req.path}`, req.body ?? null, 404, notFound);
    res.status(404).json(notFound);
  });
  return { app, notes, tags, reopened, ratings };
}
