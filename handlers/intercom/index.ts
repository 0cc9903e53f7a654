import type { WebhookDecision, WebhookSource } from '../../src/adapters/http/webhook-route';
import { fieldIssues } from '../../src/adapters/http/first-issue';
import { intercomJobId } from '../../src/jobs/queues';
import { IntercomEnvelopeSchema, IntercomWebhookSchema, isKnownIntercomTopic } from '../../src/schemas/intercom-webhook';

/**
 * Decides what to do with a verified Intercom notification: route on `topic`, validate the
 * known ones, and queue them under `intercom-<notification id>` (the id Intercom keeps across
 * redeliveries). `ping` (id null) is answered 200 without queueing; unknown topics 202.
 */
export function decideIntercom(body: unknown, receivedAt: number): WebhookDecision {
  const envelope = IntercomEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', issues: fieldIssues(envelope.error) };
  const topic = envelope.data.topic;
  if (!isKnownIntercomTopic(topic)) return { kind: 'ignore', status: 202, topic, reason: 'topic not handled' };
  const parsed = IntercomWebhookSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', issues: fieldIssues(parsed.error) };
  const webhook = parsed.data;
  if (webhook.topic === 'ping') return { kind: 'ignore', status: 200, topic, reason: 'ping' };
  return {
    kind: 'enqueue',
    jobId: intercomJobId(webhook.id),
    name: `intercom.${topic}`,
    data: { source: 'intercom', deliveryId: webhook.id, topic, receivedAt, payload: body as Record<string, unknown> },
  };
}

/** `POST /webhooks/intercom`: `X-Hub-Signature: sha1=<hex>` keyed with the app's client secret. */
export function intercomWebhookSource(clientSecret: string): WebhookSource {
  return {
    source: 'intercom',
    algorithm: 'sha1',
    secret: clientSecret,
    decide: (body, _headers, receivedAt) => decideIntercom(body, receivedAt),
  };
}
