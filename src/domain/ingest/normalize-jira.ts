import { z } from 'zod';
import type { DomainEvent } from '../events';
import { buildEvent as build, parseOrThrow } from './build-event';
import { IngestError } from './ingest-error';
import type { Normalized } from './normalize-intercom';

/**
 * What the worker reads from a Jira Cloud webhook (v2 representation, see
 * shared/fixtures/api/README.md). Lenient: the web process validated the delivery already.
 */
const Id = z.union([z.string(), z.number()]).transform((v) => String(v));
const JiraUserSchema = z.looseObject({ accountId: z.string().optional(), displayName: z.string().optional() });

export const JiraWebhookReadSchema = z.looseObject({
  webhookEvent: z.string(),
  timestamp: z.number().nonnegative().optional(),
  issue: z.looseObject({
    id: Id,
    key: z.string().min(1),
    fields: z
      .looseObject({
        status: z
          .looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string().optional() }).nullable().optional() })
          .nullable()
          .optional(),
      })
      .nullable()
      .optional(),
  }),
  changelog: z
    .looseObject({
      id: Id.optional(),
      items: z
        .array(
          z.looseObject({
            field: z.string(),
            fieldId: z.string().optional(),
            fromString: z.string().nullable().optional(),
            toString: z.string().nullable().optional(),
          }),
        )
        .default([]),
    })
    .nullable()
    .optional(),
  comment: z
    .looseObject({
      id: Id,
      body: z.string().nullable().optional(),
      author: JiraUserSchema.nullable().optional(),
      created: z.string().optional(),
    })
    .nullable()
    .optional(),
});
export type JiraWebhookRead = z.infer<typeof JiraWebhookReadSchema>;

/** The Jira events the worker turns into domain events. */
export const JIRA_EVENTS = ['jira:issue_updated', 'comment_created', 'jira:issue_deleted'] as const;

/**
 * Event ids from the source's identity: a changelog entry (`jira:<issue id>:changelog:<id>:<field>`),
 * a comment (`jira:<issue id>:comment:<id>`), a deletion (`jira:<issue id>:deleted`). Jira retries a
 * delivery for up to ~30 minutes; these ids make every copy fold once.
 */
export const jiraEventId = {
  change: (issueId: string, changelogId: string, field: string) => `jira:${issueId}:changelog:${changelogId}:${field}`,
  comment: (issueId: string, commentId: string) => `jira:${issueId}:comment:${commentId}`,
  deleted: (issueId: string) => `jira:${issueId}:deleted`,
};

/** Reads a Jira webhook body, or throws {@link IngestError} naming the first wrong field. */
export function readJiraWebhook(body: unknown): JiraWebhookRead {
  return parseOrThrow(JiraWebhookReadSchema, body, null);
}

const INTERCOM_CONVERSATION_URL = /intercom\.com\/.*?\/conversations?\/(\d+)/;

/**
 * The Intercom conversation an issue points back to, found in any string field holding an Intercom
 * inbox link (the bot writes one into the issue it files). A fallback for when the Redis index
 * jira key → ticket has no entry (an issue linked by hand, an index lost).
 */
export function conversationIdFromIssue(webhook: JiraWebhookRead): string | null {
  const fields = webhook.issue.fields ?? {};
  for (const value of Object.values(fields)) {
    if (typeof value !== 'string') continue;
    const m = INTERCOM_CONVERSATION_URL.exec(value);
    if (m?.[1]) return m[1];
  }
  return null;
}


/**
 * Turns a Jira webhook into domain events of the ticket `ticketId` (resolved by the caller from the
 * issue key). Pure. `jira:issue_updated` yields one event per changelog item it knows (status,
 * priority, assignee); other fields are ignored.
 */
export function normalizeJira(body: unknown, ticketId: string): Normalized {
  const w = readJiraWebhook(body);
  if (!(JIRA_EVENTS as readonly string[]).includes(w.webhookEvent)) return { ticketId, events: [], ignored: `unknown event ${w.webhookEvent}` };
  const at = Math.round(w.timestamp ?? 0);
  const { id: issueId, key } = w.issue;
  const base = { ticketId, at, source: 'jira' as const };
  const events: DomainEvent[] = [];

  if (w.webhookEvent === 'jira:issue_updated') {
    const changelogId = w.changelog?.id ?? String(at);
    for (const item of w.changelog?.items ?? []) {
      const field = (item.fieldId ?? item.field).toLowerCase();
      const from = item.fromString ?? null;
      const to = item.toString ?? null;
      const id = jiraEventId.change(issueId, changelogId, field);
      if (field === 'status' && to !== null) {
        const status = w.issue.fields?.status;
        // The issue's status category describes its current status; only trust it when it matches.
        const category = status?.name === to ? (status.statusCategory?.key ?? null) : null;
        events.push(build({ ...base, id, kind: 'JiraStatusChanged', key, from, to, category }));
      } else if (field === 'priority') {
        events.push(build({ ...base, id, kind: 'JiraPriorityChanged', key, from, to }));
      } else if (field === 'assignee') {
        events.push(build({ ...base, id, kind: 'JiraAssigneeChanged', key, from, to }));
      }
    }
  } else if (w.webhookEvent === 'comment_created') {
    if (!w.comment) throw new IngestError('INGEST_MALFORMED', 'comment: required for comment_created');
    events.push(
      build({
        ...base,
        id: jiraEventId.comment(issueId, w.comment.id),
        kind: 'JiraCommented',
        key,
        author: w.comment.author?.displayName ?? w.comment.author?.accountId ?? 'unknown',
        body: w.comment.body ?? '',
      }),
    );
  } else {
    events.push(build({ ...base, id: jiraEventId.deleted(issueId), kind: 'JiraIssueDeleted', key }));
  }
  return { ticketId, events };
}
