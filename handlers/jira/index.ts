import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookDecision, WebhookSource } from '../../src/adapters/http/webhook-route';
import { fieldIssues } from '../../src/adapters/http/first-issue';
import { decodeJobId, jiraJobId } from '../../src/jobs/queues';
import { JiraEnvelopeSchema, JiraWebhookSchema, isKnownJiraEvent } from '../../src/schemas/jira-webhook';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `X-Atlassian-Webhook-Retry`: absent on the first attempt, else the retry count. */
function retryCount(headers: IncomingHttpHeaders): number | null {
  const value = header(headers, 'x-atlassian-webhook-retry');
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Decides what to do with a verified Jira webhook: route on `webhookEvent`, validate the known
 * ones, and queue them under `jira-<X-Atlassian-Webhook-Identifier>` (stable across Jira's
 * retries) or, without that header, `jira-h-<hash of event, issue id, timestamp, changelog id,
 * comment id>`. Unknown events are answered 202.
 */
export function decideJira(body: unknown, headers: IncomingHttpHeaders, receivedAt: number): WebhookDecision {
  const envelope = JiraEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { kind: 'invalid', issues: fieldIssues(envelope.error) };
  const event = envelope.data.webhookEvent;
  if (!isKnownJiraEvent(event)) return { kind: 'ignore', status: 202, topic: event, reason: 'event not handled' };
  const parsed = JiraWebhookSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', issues: fieldIssues(parsed.error) };
  const webhook = parsed.data;
  const jobId = jiraJobId(header(headers, 'x-atlassian-webhook-identifier'), {
    webhookEvent: webhook.webhookEvent,
    timestamp: webhook.timestamp,
    issueId: webhook.issue.id,
    changelogId: webhook.webhookEvent === 'jira:issue_updated' ? (webhook.changelog?.id ?? null) : null,
    commentId: webhook.webhookEvent === 'jira:issue_deleted' ? null : (webhook.comment?.id ?? null),
  });
  return {
    kind: 'enqueue',
    jobId,
    name: `jira.${event}`,
    data: { source: 'jira', deliveryId: decodeJobId(jobId.replace(/^jira-/, '')), topic: event, receivedAt, retry: retryCount(headers), payload: body as Record<string, unknown> },
  };
}

/** `POST /webhooks/jira`: `X-Hub-Signature: sha256=<hex>` keyed with the webhook's secret. */
export function jiraWebhookSource(webhookSecret: string): WebhookSource {
  return { source: 'jira', algorithm: 'sha256', secret: webhookSecret, decide: decideJira };
}
