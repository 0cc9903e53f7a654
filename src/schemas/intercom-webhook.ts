import { z } from 'zod';

/**
 * Intercom webhook notifications (REST API 2.14 shapes), the single source of their types.
 *
 * Shaped on /work/shared/fixtures/api/intercom/webhook-*.json. Objects are loose: Intercom adds
 * fields freely and we only hold it to what the worker needs. Timestamps are Unix **seconds**.
 * Ids are strings, but the spec's own examples show some as integers, so ids accept both and
 * come out as strings.
 */

/** An Intercom id: a string, or a number turned into one. */
export const IntercomIdSchema = z
  .union([z.string().min(1), z.number().int()], { error: 'expected an id (a non-empty string or an integer)' })
  .transform(String);

/** Unix seconds. */
const Seconds = z.number().int().nonnegative();

/** Topics the relay acts on (a conversation is the item of each, except `ping`). */
export const INTERCOM_CONVERSATION_TOPICS = [
  'conversation.user.created',
  'conversation.user.replied',
  'conversation.admin.replied',
  'conversation.admin.noted',
  'conversation.admin.assigned',
  'conversation.admin.closed',
  'conversation.admin.opened',
  'conversation.admin.snoozed',
  'conversation.admin.unsnoozed',
  'conversation_part.tag.created',
] as const;
export const INTERCOM_TOPICS = ['ping', ...INTERCOM_CONVERSATION_TOPICS, 'conversation.deleted'] as const;
export type IntercomTopic = (typeof INTERCOM_TOPICS)[number];
export type IntercomConversationTopic = (typeof INTERCOM_CONVERSATION_TOPICS)[number];

/** Whether the relay handles a topic (others are answered 202 and ignored). */
export function isKnownIntercomTopic(topic: string): topic is IntercomTopic {
  return (INTERCOM_TOPICS as readonly string[]).includes(topic);
}

/** Who wrote a part or a message: `user`, `lead`, `admin`, `bot`, `team`. */
export const IntercomAuthorSchema = z.looseObject({
  type: z.string().min(1),
  id: IntercomIdSchema,
  name: z.string().nullish(),
  email: z.string().nullish(),
});

export const IntercomTagSchema = z.looseObject({
  id: IntercomIdSchema,
  name: z.string(),
  applied_at: Seconds.nullish(),
  applied_by: z.looseObject({ type: z.string(), id: IntercomIdSchema }).nullish(),
});

/** One part of a conversation: a comment, a note, an assignment, a close, a snooze… */
export const IntercomPartSchema = z.looseObject({
  id: IntercomIdSchema,
  /** `comment`, `note`, `assignment`, `close`, `open`, `snoozed`, `unsnoozed`, … */
  part_type: z.string().min(1),
  body: z.string().nullish(),
  created_at: Seconds,
  author: IntercomAuthorSchema,
  assigned_to: z.looseObject({ type: z.string(), id: IntercomIdSchema }).nullish(),
});
export type IntercomPart = z.infer<typeof IntercomPartSchema>;

/** The customer's rating, once given. */
export const IntercomRatingSchema = z.looseObject({
  rating: z.number().int().nullish(),
  remark: z.string().nullish(),
  created_at: Seconds.nullish(),
  contact: z.looseObject({ id: IntercomIdSchema }).nullish(),
  teammate: z.looseObject({ id: IntercomIdSchema }).nullish(),
});

/** The conversation carried as `data.item` by every conversation topic. */
export const IntercomConversationSchema = z.looseObject({
  type: z.literal('conversation'),
  id: IntercomIdSchema,
  created_at: Seconds,
  updated_at: Seconds,
  state: z.enum(['open', 'closed', 'snoozed']),
  open: z.boolean().optional(),
  waiting_since: Seconds.nullish(),
  snoozed_until: Seconds.nullish(),
  /** The first message (the customer's, for `conversation.user.created`). */
  source: z.looseObject({
    id: IntercomIdSchema.nullish(),
    subject: z.string().nullish(),
    body: z.string().nullish(),
    author: IntercomAuthorSchema,
    url: z.string().nullish(),
  }),
  contacts: z
    .looseObject({ contacts: z.array(z.looseObject({ id: IntercomIdSchema, external_id: z.string().nullish() })) })
    .nullish(),
  /** Integers in the API (not strings), or null when unassigned. */
  admin_assignee_id: IntercomIdSchema.nullish(),
  team_assignee_id: IntercomIdSchema.nullish(),
  tags: z.looseObject({ tags: z.array(IntercomTagSchema) }).nullish(),
  priority: z.string().nullish(),
  conversation_rating: IntercomRatingSchema.nullish(),
  custom_attributes: z.record(z.string(), z.unknown()).nullish(),
  title: z.string().nullish(),
  /** Only the part(s) behind this notification, not the history. */
  conversation_parts: z
    .looseObject({ conversation_parts: z.array(IntercomPartSchema), total_count: z.number().int().optional() })
    .nullish(),
});
export type IntercomConversation = z.infer<typeof IntercomConversationSchema>;

const Envelope = {
  type: z.literal('notification_event'),
  app_id: z.string().optional(),
  created_at: Seconds,
  delivery_attempts: z.number().int().nullish(),
  first_sent_at: Seconds.nullish(),
};

/** The test notification sent when a webhook is saved; its `id` is null and it is not queued. */
export const IntercomPingSchema = z.looseObject({
  ...Envelope,
  topic: z.literal('ping'),
  id: z.string().nullable(),
  data: z.looseObject({ item: z.looseObject({ type: z.literal('ping') }) }),
});

export const IntercomConversationNotificationSchema = z.looseObject({
  ...Envelope,
  topic: z.enum(INTERCOM_CONVERSATION_TOPICS),
  /** `notif_<uuid>`: the idempotency key of the delivery. */
  id: z.string().min(1),
  data: z.looseObject({ item: IntercomConversationSchema }),
});

/** A deleted conversation: only its id is relied on. */
export const IntercomDeletedNotificationSchema = z.looseObject({
  ...Envelope,
  topic: z.literal('conversation.deleted'),
  id: z.string().min(1),
  data: z.looseObject({ item: z.looseObject({ id: IntercomIdSchema }) }),
});

/** Any notification the relay handles, discriminated by `topic`. */
export const IntercomWebhookSchema = z.discriminatedUnion('topic', [
  IntercomPingSchema,
  IntercomConversationNotificationSchema,
  IntercomDeletedNotificationSchema,
]);
export type IntercomWebhook = z.infer<typeof IntercomWebhookSchema>;
export type IntercomConversationNotification = z.infer<typeof IntercomConversationNotificationSchema>;

/** Just enough to route a notification: its topic (unknown topics are ignored, not rejected). */
export const IntercomEnvelopeSchema = z.looseObject({ topic: z.string().min(1) });
