import { z } from 'zod';
import { EvoCriticalitySchema, HostingSchema, IncidentPrioritySchema, LanguageSchema, PlanSchema, TicketTypeSchema } from '../vocabulary';
import type { ClassifyInput } from './classify-input';
import { messageFeatures, type TrainingExample } from './model';
import type { Speller } from './speller';

/** The gold labels of a conversation, snake_case as in shared/fixtures/conversations.sample.jsonl. */
export const GoldSchema = z.object({
  type: TicketTypeSchema,
  priority: IncidentPrioritySchema.nullable(),
  evo_criticality: EvoCriticalitySchema.nullable(),
  complaint: z.boolean(),
  multi_topic: z.boolean(),
  phone_request: z.boolean(),
  out_of_scope: z.boolean(),
  missing_info: z.boolean(),
});
export type Gold = z.infer<typeof GoldSchema>;

/**
 * One line of a conversations file (the shared sample, our own set, the held-out set): a first
 * message, its company, and — for evaluation — its `gold` labels.
 */
export const LabeledConversationSchema = z.object({
  id: z.string(),
  lang: LanguageSchema.nullable().optional(),
  subject: z.string().nullable().default(null),
  body: z.string().default(''),
  company: z
    .object({
      name: z.string().optional(),
      plan: PlanSchema.nullable().default(null),
      tags: z.array(z.string()).default([]),
      hosting: HostingSchema.nullable().default(null),
    })
    .default({ plan: null, tags: [], hosting: null }),
  tags: z.array(z.string()).default([]),
  gold: GoldSchema.optional(),
  why: z.string().optional(),
});
export type LabeledConversation = z.infer<typeof LabeledConversationSchema>;

/** The classifier input of a conversations-file line. */
export function inputFromLabeled(c: LabeledConversation): ClassifyInput {
  return {
    subject: c.subject,
    body: c.body,
    language: c.lang ?? null,
    company: { plan: c.company.plan, tags: c.company.tags, hosting: c.company.hosting },
    tags: c.tags,
  };
}

/**
 * A labeled conversation as a training example for the classifier's model: every conversation
 * teaches type and the flags about the whole message; only incidents teach priority and missing
 * information, only evolutivos criticality.
 */
export function trainingExampleFromLabeled(c: LabeledConversation & { gold: Gold }, speller?: Speller): TrainingExample {
  const g = c.gold;
  const labels: TrainingExample['labels'] = {
    type: g.type,
    complaint: String(g.complaint),
    multiTopic: String(g.multi_topic),
    phoneRequest: String(g.phone_request),
    outOfScope: String(g.out_of_scope),
  };
  if (g.type === 'incidencia' && g.priority) {
    labels.priority = g.priority;
    labels.missingInfo = String(g.missing_info);
  }
  if (g.type === 'evolutivo' && g.evo_criticality) labels.evoCriticality = g.evo_criticality;
  return { features: messageFeatures(c.subject, c.body, speller), labels };
}
