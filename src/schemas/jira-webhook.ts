import { z } from 'zod';

/**
 * Jira Cloud webhook bodies (the v2 representation: wiki-markup strings, not ADF), the single
 * source of their types. Shaped on /work/shared/fixtures/api/jira/webhook-*.json.
 *
 * Objects are loose; only what the worker needs is required. `timestamp` is epoch **ms**. Ids are
 * strings (coerced from numbers to be safe). Jira dates (`2026-01-14T12:10:00.231+0100`) have an
 * offset without a colon, so they are kept as strings.
 */

const IdSchema = z
  .union([z.string().min(1), z.number().int()], { error: 'expected an id (a non-empty string or an integer)' })
  .transform(String);

/** Events the relay acts on (others are answered 202 and ignored). */
export const JIRA_EVENTS = ['jira:issue_updated', 'comment_created', 'jira:issue_deleted'] as const;
export type JiraEvent = (typeof JIRA_EVENTS)[number];

export function isKnownJiraEvent(event: string): event is JiraEvent {
  return (JIRA_EVENTS as readonly string[]).includes(event);
}

/** A Jira user as webhooks carry it (no e-mail: privacy settings hide it). */
export const JiraUserSchema = z.looseObject({
  accountId: z.string().min(1),
  displayName: z.string().nullish(),
  accountType: z.string().nullish(),
});

const NamedSchema = z.looseObject({ id: IdSchema, name: z.string() });

/** The issue's fields the relay reads (status, priority, assignee, summary, labels); rest kept. */
export const JiraIssueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  status: NamedSchema.extend({ statusCategory: z.looseObject({ key: z.string() }).nullish() }).nullish(),
  priority: NamedSchema.nullish(),
  assignee: JiraUserSchema.nullish(),
  issuetype: NamedSchema.nullish(),
  project: z.looseObject({ id: IdSchema, key: z.string() }).nullish(),
  labels: z.array(z.string()).nullish(),
});

export const JiraIssueSchema = z.looseObject({
  id: IdSchema,
  key: z.string().min(1),
  fields: JiraIssueFieldsSchema,
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

/** One changed field: `from`/`to` are raw ids, `fromString`/`toString` what people see. */
export const JiraChangelogItemSchema = z.looseObject({
  field: z.string().min(1),
  fieldId: z.string().nullish(),
  fieldtype: z.string().nullish(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});
export type JiraChangelogItem = z.infer<typeof JiraChangelogItemSchema>;

export const JiraChangelogSchema = z.looseObject({
  id: IdSchema,
  items: z.array(JiraChangelogItemSchema),
});

export const JiraCommentSchema = z.looseObject({
  id: IdSchema,
  body: z.string(),
  author: JiraUserSchema,
  created: z.string().min(1),
  updated: z.string().nullish(),
  /** Service-management comments: false for internal ones. */
  jsdPublic: z.boolean().nullish(),
});
export type JiraComment = z.infer<typeof JiraCommentSchema>;

const Base = {
  timestamp: z.number().int().nonnegative(),
  user: JiraUserSchema.nullish(),
  issue_event_type_name: z.string().nullish(),
};

/** An issue changed: status, priority, assignee… are in `changelog.items` (absent on some). */
export const JiraIssueUpdatedSchema = z.looseObject({
  ...Base,
  webhookEvent: z.literal('jira:issue_updated'),
  issue: JiraIssueSchema,
  changelog: JiraChangelogSchema.nullish(),
  comment: JiraCommentSchema.nullish(),
});

/** A comment was added; the issue is trimmed to a few fields. */
export const JiraCommentCreatedSchema = z.looseObject({
  ...Base,
  webhookEvent: z.literal('comment_created'),
  issue: JiraIssueSchema,
  comment: JiraCommentSchema,
});

export const JiraIssueDeletedSchema = z.looseObject({
  ...Base,
  webhookEvent: z.literal('jira:issue_deleted'),
  issue: JiraIssueSchema,
});

/** Any Jira webhook the relay handles, discriminated by `webhookEvent`. */
export const JiraWebhookSchema = z.discriminatedUnion('webhookEvent', [
  JiraIssueUpdatedSchema,
  JiraCommentCreatedSchema,
  JiraIssueDeletedSchema,
]);
export type JiraWebhook = z.infer<typeof JiraWebhookSchema>;

/** Just enough to route a body: its event name (unknown events are ignored, not rejected). */
export const JiraEnvelopeSchema = z.looseObject({ webhookEvent: z.string().min(1) });
