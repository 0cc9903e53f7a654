import { z } from 'zod';
import type { EventOf } from '../events';
import type { Ticket } from '../ticket';
import { HostingSchema, LanguageSchema, PlanSchema } from '../vocabulary';

/** What the classifier reads: a conversation's first message and who sent it. */
export const ClassifyInputSchema = z.object({
  subject: z.string().nullable().default(null),
  body: z.string().default(''),
  /** The language Intercom or the sender gave, if any; the text decides otherwise. */
  language: LanguageSchema.nullable().default(null),
  company: z
    .object({
      plan: PlanSchema.nullable().default(null),
      tags: z.array(z.string()).default([]),
      hosting: HostingSchema.nullable().default(null),
    })
    .default({ plan: null, tags: [], hosting: null }),
  /** The conversation's Intercom tags. */
  tags: z.array(z.string()).default([]),
});
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;

/** The classifier input of a ticket folded from its events (subject and first message). */
export function classifyInputFromTicket(ticket: Ticket): ClassifyInput {
  return {
    subject: ticket.subject,
    body: ticket.body,
    language: ticket.language,
    company: {
      plan: ticket.company?.plan ?? null,
      tags: ticket.company?.tags ?? [],
      hosting: ticket.company?.hosting ?? null,
    },
    tags: ticket.tags,
  };
}

/** The classifier input of a `ConversationOpened` event, before any fold. */
export function classifyInputFromOpened(event: EventOf<'ConversationOpened'>): ClassifyInput {
  return {
    subject: event.subject,
    body: event.body,
    language: event.language ?? null,
    company: {
      plan: event.company?.plan ?? null,
      tags: event.company?.tags ?? [],
      hosting: event.company?.hosting ?? null,
    },
    tags: event.tags,
  };
}
