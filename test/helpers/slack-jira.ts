import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import express from 'express';
import { foldTicket, type Ticket } from '../../src/domain/ticket';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../../src/domain/events';
import { loadConfigOrThrow } from '../../src/config/load';
import type { AppendResult, TicketStore } from '../../src/ports';

/** The shared fixtures beside the checkout (../shared in CI). */
export const SHARED_DIR = path.resolve(__dirname, '../../..', 'shared');

export function apiFixture<T = Record<string, unknown>>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'fixtures', 'api', rel), 'utf8')) as T;
}

/** The repository's configuration (config/*.yaml). */
export function repoConfig() {
  return loadConfigOrThrow().config;
}

/** Slack's request signature: v0=HMAC-SHA256(secret, `v0:<ts>:<body>`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** A TicketStore in memory, folding with the real reducer (for tests that do not need Redis). */
export class MemoryTicketStore implements TicketStore {
  readonly logs = new Map<string, DomainEvent[]>();
  async append(ticketId: string, events: DomainEvent[]): Promise<AppendResult> {
    const log = this.logs.get(ticketId) ?? [];
    const seen = new Set(log.map((e) => e.id));
    const appended = events.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
    log.push(...appended);
    this.logs.set(ticketId, log);
    return { ticket: foldTicket(ticketId, log), appended };
  }
  async get(ticketId: string): Promise<Ticket | null> {
    const log = this.logs.get(ticketId);
    return log ? foldTicket(ticketId, log) : null;
  }
  async events(ticketId: string): Promise<DomainEvent[]> {
    return this.logs.get(ticketId) ?? [];
  }
  async openTicketIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const id of this.logs.keys()) {
      const t = await this.get(id);
      if (t && t.status !== 'closed' && t.status !== 'deleted') ids.push(id);
    }
    return ids;
  }
  /** Appends inputs (defaults applied by the schema). */
  async add(ticketId: string, events: DomainEventInput[]): Promise<Ticket> {
    return (await this.append(ticketId, events.map((e) => DomainEventSchema.parse(e)))).ticket;
  }
}

/** The story of the fixtures: Calzados Ribera (Platinum, KA) reports Bizum failing in checkout. */
export const CONVERSATION_ID = '215470001234567';
export const OPENED_AT = Date.UTC(2026, 0, 14, 8, 41); // Wed 14 Jan 2026 09:41 Europe/Madrid

export function openedConversation(): DomainEventInput[] {
  return [
    {
      id: 'notif_opened',
      ticketId: CONVERSATION_ID,
      at: OPENED_AT,
      source: 'intercom',
      kind: 'ConversationOpened',
      subject: null,
      body: 'Desde ayer por la tarde el pago con Bizum en el checkout devuelve un error 500',
      company: { id: '6582f1a9c4d2e10001a3b4c5', name: 'Calzados Ribera S.L.', plan: 'Platinum', hosting: 'saas', tags: ['KA'] },
      customer: { contactId: '65a1f0c2e4b0a1b2c3d4e5f6', name: 'Marta Quintana' },
      assigneeId: '7012345',
    },
  ];
}

/** POSTs `body` to the Slack app signed as Slack does (`timestamp` in seconds, default now). */
export function postSigned(url: string, secret: string, body: string, contentType = 'application/x-www-form-urlencoded', timestamp = Math.floor(Date.now() / 1000), signature?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature ?? slackSignature(secret, timestamp, body) },
    body,
  });
}

/**
 * Serves a Slack app's router at `/slack` on an ephemeral loopback port, as the web process mounts
 * it; `url` is its events/interactivity endpoint.
 */
export async function serveSlackRouter(router: express.RequestHandler): Promise<{ server: Server; url: string }> {
  const app = express();
  app.use('/slack', router);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}
