import type { DistributiveOmit, DomainEvent, DomainEventInput } from '../events';
import { buildEvent as build, parseOrThrow } from './build-event';
import { isKnownIntercomTopic } from '../../schemas/intercom-webhook';
import { htmlToText } from './html-to-text';
import {
  IntercomConversationSchema,
  IntercomNotificationSchema,
  type IntercomConversation,
  type IntercomPart,
} from './intercom-notification';

/** The domain events one delivery stands for, and the ticket they belong to. */
export interface Normalized {
  /** The ticket (Intercom conversation id), or null when the delivery concerns none (`ping`). */
  ticketId: string | null;
  events: DomainEvent[];
  /** Why nothing came out, when nothing did (`ping`, an unknown topic): for logs and metrics. */
  ignored?: string;
}


/** Part types behind each topic (Intercom 2.14 `part_type` values). */
const PART_TYPES: Record<string, readonly string[]> = {
  'conversation.user.replied': ['comment'],
  'conversation.admin.replied': ['comment'],
  'conversation.admin.noted': ['note'],
  'conversation.admin.assigned': ['assignment', 'default_assignment'],
  'conversation.admin.closed': ['close'],
  'conversation.admin.opened': ['open'],
  'conversation.admin.snoozed': ['snoozed'],
  'conversation.admin.unsnoozed': ['unsnoozed', 'timer_unsnooze'],
};

const CUSTOMER_AUTHORS = new Set(['user', 'lead', 'contact']);

const ms = (seconds: number): number => Math.round(seconds * 1000);

/**
 * Event ids are derived from the source's identity, never from the delivery, so that a redelivery,
 * a duplicate, or two topics that carry the same part all fold once:
 * - a conversation part: `intercom:<conversation>:part:<part id>`;
 * - the conversation's opening: `intercom:<conversation>:opened` (it happens once);
 * - a tag: `intercom:<conversation>:tag:<tag id>:<applied_at>`;
 * - a rating: `intercom:<conversation>:rating:<created_at>`;
 * - otherwise the notification id.
 */
export const intercomEventId = {
  part: (conversationId: string, partId: string) => `intercom:${conversationId}:part:${partId}`,
  opened: (conversationId: string) => `intercom:${conversationId}:opened`,
  deleted: (conversationId: string) => `intercom:${conversationId}:deleted`,
  tag: (conversationId: string, tagId: string, appliedAt: number | null) => `intercom:${conversationId}:tag:${tagId}:${appliedAt ?? 0}`,
  rating: (conversationId: string, at: number) => `intercom:${conversationId}:rating:${at}`,
  notification: (conversationId: string, notificationId: string) => `intercom:${conversationId}:notif:${notificationId}`,
};


function customerOf(c: IntercomConversation) {
  const author = c.source?.author;
  const contactId = author && CUSTOMER_AUTHORS.has(author.type ?? '') && author.id ? author.id : (c.contacts?.contacts[0]?.id ?? null);
  if (!contactId) return undefined;
  const sameAuthor = author?.id === contactId;
  return {
    contactId,
    name: sameAuthor ? (author?.name ?? undefined) : undefined,
    email: sameAuthor ? (author?.email ?? undefined) : undefined,
  };
}

function partsOf(c: IntercomConversation, topic: string): IntercomPart[] {
  const all = c.conversation_parts?.conversation_parts ?? [];
  const types = PART_TYPES[topic] ?? [];
  return all.filter((p) => {
    if (!types.includes(p.part_type)) return false;
    const authorType = p.author?.type ?? '';
    if (topic === 'conversation.user.replied') return CUSTOMER_AUTHORS.has(authorType);
    if (topic === 'conversation.admin.replied') return !CUSTOMER_AUTHORS.has(authorType);
    return true;
  });
}

/** The rating, when the item carries one (it appears on events after the customer rated). */
function ratingEvents(c: IntercomConversation): DomainEvent[] {
  const r = c.conversation_rating;
  if (!r || typeof r.rating !== 'number') return [];
  const at = ms(r.created_at ?? c.updated_at ?? c.created_at ?? 0);
  return [
    build({
      id: intercomEventId.rating(c.id, at),
      ticketId: c.id,
      at,
      source: 'intercom',
      kind: 'Rated',
      rating: r.rating,
      remark: r.remark ?? null,
      adminId: r.teammate?.id ?? null,
    }),
  ];
}

function tagEvents(c: IntercomConversation, extra: { id: string; name: string; applied_at?: number | null }[], fallbackAt: number): DomainEvent[] {
  const byId = new Map<string, { id: string; name: string; applied_at?: number | null }>();
  for (const t of [...(c.tags?.tags ?? []), ...extra]) if (!byId.has(t.id)) byId.set(t.id, t);
  return [...byId.values()].map((t) =>
    build({
      id: intercomEventId.tag(c.id, t.id, t.applied_at ?? null),
      ticketId: c.id,
      at: t.applied_at ? ms(t.applied_at) : fallbackAt,
      source: 'intercom',
      kind: 'Tagged',
      tags: [t.name],
    }),
  );
}

/** One event per part behind the topic; the notification stands in when no such part came. */
function perPart(
  c: IntercomConversation,
  topic: string,
  notificationId: string | null,
  fallbackAt: number,
  make: (part: IntercomPart | null) => DistributiveOmit<DomainEventInput, 'id' | 'ticketId' | 'at' | 'source'>,
): DomainEvent[] {
  const parts = partsOf(c, topic);
  if (parts.length > 0) {
    return parts.map((p) =>
      build({ ...make(p), id: intercomEventId.part(c.id, p.id), ticketId: c.id, at: ms(p.created_at), source: 'intercom' } as DomainEventInput),
    );
  }
  const id = notificationId ? intercomEventId.notification(c.id, notificationId) : `intercom:${c.id}:${topic}:${fallbackAt}`;
  return [build({ ...make(null), id, ticketId: c.id, at: fallbackAt, source: 'intercom' } as DomainEventInput)];
}

const authorId = (p: IntercomPart | null): string | null => p?.author?.id ?? null;

/**
 * Turns an Intercom webhook notification into domain events. Pure.
 *
 * Throws {@link IngestError} (`INGEST_MALFORMED`) when the item is not a conversation it can read;
 * returns no events for `ping` and unknown topics.
 */
export function normalizeIntercom(notification: unknown): Normalized {
  const n = parseOrThrow(IntercomNotificationSchema, notification, 'notification');
  if (n.topic === 'ping') return { ticketId: null, events: [], ignored: 'ping' };
  if (!isKnownIntercomTopic(n.topic)) return { ticketId: null, events: [], ignored: `unknown topic ${n.topic}` };
  const c = parseOrThrow(IntercomConversationSchema, n.data.item, 'data.item');
  const notificationAt = n.created_at ? ms(n.created_at) : ms(c.updated_at ?? c.created_at ?? 0);
  const updatedAt = c.updated_at ? ms(c.updated_at) : notificationAt;
  const nid = n.id ?? null;
  const events: DomainEvent[] = [];

  switch (n.topic) {
    case 'conversation.user.created': {
      const subject = c.source?.subject ? htmlToText(c.source.subject) : '';
      events.push(
        build({
          id: intercomEventId.opened(c.id),
          ticketId: c.id,
          at: c.created_at ? ms(c.created_at) : updatedAt,
          source: 'intercom',
          kind: 'ConversationOpened',
          subject: subject === '' ? null : subject,
          body: htmlToText(c.source?.body),
          customer: customerOf(c),
          tags: (c.tags?.tags ?? []).map((t) => t.name),
          assigneeId: c.admin_assignee_id,
        }),
      );
      break;
    }
    case 'conversation.user.replied':
      events.push(...perPart(c, n.topic, nid, updatedAt, (p) => ({ kind: 'CustomerMessaged', body: htmlToText(p?.body) })));
      break;
    case 'conversation.admin.replied':
      events.push(...perPart(c, n.topic, nid, updatedAt, (p) => ({ kind: 'SupportReplied', adminId: authorId(p), body: htmlToText(p?.body) })));
      break;
    case 'conversation.admin.noted':
      events.push(...perPart(c, n.topic, nid, updatedAt, (p) => ({ kind: 'NoteAdded', adminId: authorId(p), body: htmlToText(p?.body) })));
      break;
    case 'conversation.admin.assigned':
      events.push(
        ...perPart(c, n.topic, nid, updatedAt, (p) => ({
          kind: 'Assigned',
          adminId: p?.assigned_to?.type === 'team' ? c.admin_assignee_id : (p?.assigned_to?.id ?? c.admin_assignee_id),
          teamId: p?.assigned_to?.type === 'team' ? (p.assigned_to.id ?? c.team_assignee_id) : c.team_assignee_id,
        })),
      );
      break;
    case 'conversation.admin.closed':
      events.push(...perPart(c, n.topic, nid, updatedAt, (p) => ({ kind: 'Closed', adminId: authorId(p) })));
      break;
    case 'conversation.admin.opened':
      events.push(...perPart(c, n.topic, nid, updatedAt, () => ({ kind: 'Reopened' })));
      break;
    case 'conversation.admin.snoozed':
      events.push(
        ...perPart(c, n.topic, nid, updatedAt, () => ({ kind: 'Snoozed', until: c.snoozed_until ? ms(c.snoozed_until) : null })),
      );
      break;
    case 'conversation.admin.unsnoozed':
      events.push(...perPart(c, n.topic, nid, updatedAt, () => ({ kind: 'Unsnoozed' })));
      break;
    case 'conversation_part.tag.created':
      events.push(...tagEvents(c, n.data.tags_added?.tags ?? [], updatedAt));
      break;
    case 'conversation.deleted':
      events.push(build({ id: intercomEventId.deleted(c.id), ticketId: c.id, at: updatedAt, source: 'intercom', kind: 'Deleted' }));
      break;
  }
  events.push(...ratingEvents(c));
  return { ticketId: c.id, events };
}
