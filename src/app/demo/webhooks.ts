import { createHmac } from 'node:crypto';

/**
 * Builders of the webhook deliveries the scenario replays, shaped like the vendors' (see
 * shared/fixtures/api/intercom/webhook-*.json and jira/webhook-*.json), and their signatures.
 */

const secs = (ms: number) => Math.floor(ms / 1000);

/** `X-Hub-Signature: sha1=<hex>` over the raw body, keyed with the Intercom app's client secret. */
export function signIntercom(raw: string, secret: string): string {
  return `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}`;
}

/** `X-Hub-Signature: sha256=<hex>` over the raw body, keyed with the Jira webhook's secret. */
export function signJira(raw: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** `X-Slack-Signature: v0=<hex>` over `v0:<timestamp>:<raw body>` with the signing secret. */
export function signSlack(raw: string, secret: string, timestampSeconds: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${raw}`).digest('hex')}`;
}

export interface ConversationRef {
  id: string;
  contact: { id: string; name: string; email: string };
  subject?: string;
  /** The customer's first message (HTML). */
  body: string;
  createdAt: number;
  url?: string;
}

export type IntercomTopicName =
  | 'conversation.user.created'
  | 'conversation.user.replied'
  | 'conversation.admin.replied'
  | 'conversation.admin.noted'
  | 'conversation.admin.assigned'
  | 'conversation.admin.closed'
  | 'conversation.admin.snoozed'
  | 'conversation.admin.opened'
  | 'conversation_part.tag.created';

export interface PartInput {
  /** `comment`, `note`, `assignment`, `close`, `snoozed`, `open`. */
  partType: string;
  body?: string;
  author: { type: 'user' | 'admin' | 'bot'; id: string; name?: string; email?: string };
  assignedTo?: string;
}

/**
 * One Intercom notification (`notification_event`, API 2.14): `data.item` is the conversation
 * with only the part behind the event, as Intercom sends it.
 */
export function intercomNotification(input: {
  topic: IntercomTopicName;
  deliveryId: string;
  conversation: ConversationRef;
  at: number;
  state?: 'open' | 'closed' | 'snoozed';
  part?: PartInput;
  partId?: string;
  assigneeId?: string | null;
  snoozedUntil?: number | null;
  rating?: { rating: number; remark: string | null; adminId: string; at: number } | null;
  /** The conversation's tags (with when they were applied and by whom, as `tag.created` carries them). */
  tags?: { id: string; name: string; appliedAt: number; adminId: string }[];
}): Record<string, unknown> {
  const c = input.conversation;
  const parts = input.part
    ? [
        {
          type: 'conversation_part',
          id: input.partId ?? `${secs(input.at)}${c.id.slice(-4)}`,
          part_type: input.part.partType,
          body: input.part.body ?? null,
          created_at: secs(input.at),
          updated_at: secs(input.at),
          notified_at: secs(input.at),
          assigned_to: input.part.assignedTo ? { type: 'admin', id: input.part.assignedTo } : null,
          author: { type: input.part.author.type, id: input.part.author.id, name: input.part.author.name ?? null, email: input.part.author.email ?? null },
          attachments: [],
          external_id: null,
          redacted: false,
        },
      ]
    : [];
  return {
    type: 'notification_event',
    app_id: 'k7r2mq9x',
    data: {
      type: 'notification_event_data',
      item: {
        type: 'conversation',
        id: c.id,
        created_at: secs(c.createdAt),
        updated_at: secs(input.at),
        waiting_since: null,
        snoozed_until: input.snoozedUntil ? secs(input.snoozedUntil) : null,
        source: {
          type: 'conversation',
          id: `src-${c.id}`,
          delivered_as: 'customer_initiated',
          subject: c.subject ?? '',
          body: c.body,
          author: { type: 'user', id: c.contact.id, name: c.contact.name, email: c.contact.email },
          attachments: [],
          url: c.url ?? null,
          redacted: false,
        },
        contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: c.contact.id, external_id: null }] },
        admin_assignee_id: input.assigneeId ? Number(input.assigneeId) : null,
        team_assignee_id: 8123456,
        open: (input.state ?? 'open') !== 'closed',
        state: input.state ?? 'open',
        read: false,
        tags: { type: 'tag.list', tags: (input.tags ?? []).map((t) => ({ type: 'tag', id: t.id, name: t.name, applied_at: secs(t.appliedAt), applied_by: { type: 'admin', id: t.adminId } })) },
        priority: 'not_priority',
        statistics: null,
        conversation_rating: input.rating
          ? { rating: input.rating.rating, remark: input.rating.remark, created_at: secs(input.rating.at), contact: { type: 'contact', id: c.contact.id }, teammate: { type: 'admin', id: input.rating.adminId } }
          : null,
        title: null,
        custom_attributes: {},
        conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
      },
    },
    links: {},
    id: input.deliveryId,
    topic: input.topic,
    delivery_status: 'pending',
    delivery_attempts: 1,
    delivered_at: 0,
    first_sent_at: secs(input.at),
    created_at: secs(input.at),
    self: null,
  };
}

/** `jira:issue_updated` for a status transition (shape: jira/webhook-issue_updated-status-change.json). */
export function jiraStatusChanged(input: {
  issue: { id: string; key: string; summary: string };
  from: { id: string; name: string };
  to: { id: string; name: string; category: 'new' | 'indeterminate' | 'done' };
  at: number;
  changelogId: string;
  user: { accountId: string; displayName: string };
  baseUrl: string;
}): Record<string, unknown> {
  const categoryIds = { new: 2, indeterminate: 4, done: 3 } as const;
  return {
    timestamp: input.at,
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    user: { self: `${input.baseUrl}/rest/api/2/user?accountId=${input.user.accountId}`, accountId: input.user.accountId, displayName: input.user.displayName, active: true, timeZone: 'Europe/Madrid', accountType: 'atlassian' },
    issue: {
      id: input.issue.id,
      self: `${input.baseUrl}/rest/api/2/${input.issue.id}`,
      key: input.issue.key,
      fields: {
        summary: input.issue.summary,
        labels: [],
        status: {
          self: `${input.baseUrl}/rest/api/2/status/${input.to.id}`,
          name: input.to.name,
          id: input.to.id,
          statusCategory: { self: `${input.baseUrl}/rest/api/2/statuscategory/${categoryIds[input.to.category]}`, id: categoryIds[input.to.category], key: input.to.category, colorName: input.to.category === 'done' ? 'green' : 'yellow', name: input.to.name },
        },
      },
    },
    changelog: { id: input.changelogId, items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: input.from.id, fromString: input.from.name, to: input.to.id, toString: input.to.name }] },
  };
}
