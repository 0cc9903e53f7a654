import { z } from 'zod';

/**
 * What the worker reads from an Intercom webhook notification (REST API 2.14 shapes, see
 * shared/fixtures/api/README.md). Lenient on purpose: the web process has already validated the
 * delivery strictly (src/schemas/intercom-webhook.ts); here we only extract, so every field the
 * normalizer does not need is left alone and ids are coerced to strings (Intercom sends
 * `admin_assignee_id`, `team_assignee_id` and sometimes part ids as integers).
 */
const Id = z.union([z.string(), z.number()]).transform((v) => String(v));
const NullableId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === '' || v === 0 ? null : String(v)));
const Seconds = z.number().nonnegative();

export const IntercomAuthorSchema = z.looseObject({
  type: z.string().optional(),
  id: NullableId,
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});

export const IntercomPartSchema = z.looseObject({
  id: Id,
  part_type: z.string(),
  body: z.string().nullable().optional(),
  created_at: Seconds,
  author: IntercomAuthorSchema.nullable().optional(),
  assigned_to: z.looseObject({ type: z.string().optional(), id: NullableId }).nullable().optional(),
});
export type IntercomPart = z.infer<typeof IntercomPartSchema>;

export const IntercomTagSchema = z.looseObject({
  id: Id,
  name: z.string(),
  applied_at: Seconds.nullable().optional(),
});

export const IntercomRatingSchema = z.looseObject({
  rating: z.number().int().min(1).max(5).nullable().optional(),
  remark: z.string().nullable().optional(),
  created_at: Seconds.nullable().optional(),
  teammate: z.looseObject({ id: NullableId }).nullable().optional(),
});

export const IntercomConversationSchema = z.looseObject({
  id: Id,
  created_at: Seconds.optional(),
  updated_at: Seconds.optional(),
  snoozed_until: Seconds.nullable().optional(),
  source: z
    .looseObject({
      id: NullableId,
      subject: z.string().nullable().optional(),
      body: z.string().nullable().optional(),
      author: IntercomAuthorSchema.nullable().optional(),
    })
    .nullable()
    .optional(),
  contacts: z.looseObject({ contacts: z.array(z.looseObject({ id: Id })).default([]) }).nullable().optional(),
  admin_assignee_id: NullableId,
  team_assignee_id: NullableId,
  tags: z.looseObject({ tags: z.array(IntercomTagSchema).default([]) }).nullable().optional(),
  conversation_rating: IntercomRatingSchema.nullable().optional(),
  conversation_parts: z.looseObject({ conversation_parts: z.array(IntercomPartSchema).default([]) }).nullable().optional(),
});
export type IntercomConversation = z.infer<typeof IntercomConversationSchema>;

export const IntercomNotificationSchema = z.looseObject({
  id: z.string().nullable().optional(),
  topic: z.string(),
  created_at: Seconds.optional(),
  data: z.looseObject({
    item: z.unknown(),
    /** 1.x payloads of `conversation_part.tag.created` carried the added tags here; maybe still. */
    tags_added: z.looseObject({ tags: z.array(IntercomTagSchema).default([]) }).nullable().optional(),
  }),
});
export type IntercomNotification = z.infer<typeof IntercomNotificationSchema>;
