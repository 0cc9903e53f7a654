import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Router, type Request, type Response } from 'express';
import type { Logger } from '../../ports';
import type { EventJob } from '../../jobs/queues';
import type { FieldIssue } from './first-issue';
import { BodyTooLargeError, RequestAbortedError, readRawBody } from './read-raw-body';
import { verifyHubSignature } from './verify-hub-signature';
import { withTimeout } from './with-timeout';
import { jobsQueued, webhookAckSeconds, webhooksIgnored, webhooksReceived, webhooksRejected, type RejectReason } from './metrics';

/** What a source's handler decides about a verified, JSON-parsed body. */
export type WebhookDecision =
  /** Queue it (durably) under a deterministic job id, then answer 200. */
  | { kind: 'enqueue'; jobId: string; name: string; data: EventJob }
  /** Answer without queueing: a ping (200) or a topic the relay does not handle (202). */
  | { kind: 'ignore'; status: 200 | 202; topic: string; reason: string }
  /** A known topic with a malformed field: 400 naming it. */
  | { kind: 'invalid'; issues: FieldIssue[] };

/** The source-specific part of a webhook endpoint (handlers/intercom, handlers/jira). */
export interface WebhookSource {
  source: 'intercom' | 'jira';
  algorithm: 'sha1' | 'sha256';
  secret: string;
  decide(body: unknown, headers: IncomingHttpHeaders, receivedAt: number): WebhookDecision;
}

/** Hands a job to the `events` queue; resolves once Redis has it. */
export type EnqueueEvent = (name: string, data: EventJob, jobId: string) => Promise<unknown>;

export interface WebhookRouteDeps {
  enqueue: EnqueueEvent;
  /** False while the Redis connection is down: answer 503 at once instead of waiting. */
  isQueueReady: () => boolean;
  logger: Logger;
  now: () => number;
  bodyLimitBytes: number;
  enqueueTimeoutMs: number;
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * One webhook endpoint, the same for every source (octokit/webhooks' shape):
 * content type (415) → raw body within the limit (413) → signature on the raw bytes in constant
 * time (401) → JSON (400) → the source's decision (400 naming the field / 200 ping / 202 unknown
 * topic) → enqueue with a deterministic job id, waiting for Redis (503 when it is down or slow) →
 * 200. BullMQ adds a job in one Lua script, so a 503 leaves nothing half-written; the sender
 * retries and the same job id absorbs the repeat.
 */
export function createWebhookRoute(source: WebhookSource, deps: WebhookRouteDeps): Router {
  const router = Router();
  const log = deps.logger.child({ source: source.source });

  const answer = (res: Response, started: number, status: number, body: Record<string, unknown>, reason?: RejectReason) => {
    if (reason) webhooksRejected.inc({ source: source.source, reason });
    webhookAckSeconds.observe({ source: source.source, status: String(status) }, (performance.now() - started) / 1000);
    if (status === 413) res.setHeader('Connection', 'close');
    res.status(status).json(body);
  };

  router.head('/', (_req, res) => {
    res.status(200).end();
  });

  router.post('/', async (req: Request, res: Response) => {
    const started = performance.now();
    webhooksReceived.inc({ source: source.source });
    try {
      if (!isJson(req.headers['content-type'])) {
        req.resume();
        return answer(res, started, 415, { error: 'unsupported_media_type', message: 'expected Content-Type: application/json' }, 'content_type');
      }
      let raw: Buffer;
      try {
        raw = await readRawBody(req, deps.bodyLimitBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          log.warn({ limit: err.limit }, 'webhook body too large');
          return answer(res, started, 413, { error: 'payload_too_large', message: err.message }, 'too_large');
        }
        if (err instanceof RequestAbortedError) {
          log.debug({}, 'sender disconnected before the body was complete');
          return;
        }
        throw err;
      }
      const check = verifyHubSignature({ algorithm: source.algorithm, secret: source.secret, body: raw, header: req.headers['x-hub-signature'] });
      if (check !== 'valid') {
        log.warn({ check }, 'webhook signature rejected');
        const message =
          check === 'missing'
            ? 'missing X-Hub-Signature header'
            : check === 'malformed'
              ? `X-Hub-Signature must be "${source.algorithm}=<hex>"`
              : 'X-Hub-Signature does not match the body';
        return answer(res, started, 401, { error: 'invalid_signature', message }, check === 'missing' ? 'signature_missing' : 'signature_invalid');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(res, started, 400, { error: 'bad_json', message: 'the body is not valid JSON' }, 'bad_json');
      }
      const receivedAt = deps.now();
      const decision = source.decide(body, req.headers, receivedAt);
      if (decision.kind === 'invalid') {
        const message = decision.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
        log.warn({ issues: decision.issues }, 'webhook payload invalid');
        return answer(res, started, 400, { error: 'invalid_payload', message, fields: decision.issues.map((i) => i.field), issues: decision.issues }, 'invalid_payload');
      }
      if (decision.kind === 'ignore') {
        const topic = decision.topic.slice(0, 80);
        webhooksIgnored.inc({ source: source.source, topic });
        log.info({ topic, reason: decision.reason }, 'webhook ignored');
        return answer(res, started, decision.status, { status: 'ignored', topic, reason: decision.reason });
      }
      if (!deps.isQueueReady()) {
        log.error({ jobId: decision.jobId }, 'Redis unavailable: webhook not queued, answered 503');
        res.setHeader('Retry-After', '5');
        return answer(res, started, 503, { error: 'unavailable', message: 'queue unavailable, retry later' }, 'redis_unavailable');
      }
      try {
        await withTimeout(deps.enqueue(decision.name, decision.data, decision.jobId), deps.enqueueTimeoutMs, 'Redis (enqueue)');
      } catch (err) {
        log.error({ jobId: decision.jobId, err }, 'enqueue failed: answered 503');
        res.setHeader('Retry-After', '5');
        return answer(res, started, 503, { error: 'unavailable', message: 'queue unavailable, retry later' }, 'redis_unavailable');
      }
      jobsQueued.inc({ queue: 'events' });
      log.info({ jobId: decision.jobId, topic: decision.data.topic }, 'webhook queued');
      return answer(res, started, 200, { status: 'queued', jobId: decision.jobId });
    } catch (err) {
      log.error({ err }, 'webhook handler failed');
      if (!res.headersSent) answer(res, started, 500, { error: 'internal', message: 'unexpected error' });
    }
  });

  router.all('/', (_req, res) => {
    res.setHeader('Allow', 'POST, HEAD');
    res.status(405).json({ error: 'method_not_allowed', message: 'use POST' });
  });

  return router;
}
