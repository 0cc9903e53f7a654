import { z } from 'zod';

/**
 * A bug template: the fields an agent fills in Slack for one kind of bug, so developers get
 * complete Jira issues (METHODOLOGY.md, "Bug reports to developers"). Templates are data in
 * `templates/bug/<id>.yaml`; fields shared by every template live in `templates/bug/_common.yaml`
 * and are referenced by id.
 */

const FieldIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'field ids are camelCase, e.g. "paymentMethod"');

const OptionSchema = z.object({
  value: z.string().min(1).max(150),
  /** Shown in Slack and written to Jira. */
  label: z.string().min(1).max(75),
});

const base = {
  id: FieldIdSchema,
  /** The input's label in the modal and the heading in the Jira description (Slack: ≤ 2000). */
  label: z.string().min(1).max(150),
  /** A line under the input explaining what is wanted. */
  hint: z.string().max(150).optional(),
  placeholder: z.string().max(150).optional(),
  required: z.boolean().default(true),
};

/** A format check on free text, with the message the agent sees when it fails. */
const FormatSchema = z.object({
  pattern: z.string().refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
  message: z.string().min(1).max(150),
});

export const BugFieldSchema = z.discriminatedUnion('type', [
  /** One line of text. The field with id `summary` becomes the Jira summary. */
  z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(3000).default(255), format: FormatSchema.optional() }),
  /** Several lines, rendered as paragraphs. */
  z.object({ ...base, type: z.literal('textarea'), maxLength: z.number().int().min(1).max(3000).default(3000) }),
  /** One step per line, rendered as a numbered list. */
  z.object({ ...base, type: z.literal('steps'), maxLength: z.number().int().min(1).max(3000).default(3000) }),
  z.object({ ...base, type: z.literal('select'), options: z.array(OptionSchema).min(1).max(100) }),
  /** A calendar date (YYYY-MM-DD). */
  z.object({ ...base, type: z.literal('date') }),
  z.object({ ...base, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }),
  z.object({ ...base, type: z.literal('url') }),
  /** Links or screenshots, one URL per line. */
  z.object({ ...base, type: z.literal('urls') }),
  /** The customer: an external select searching Intercom companies. */
  z.object({ ...base, type: z.literal('customer') }),
  /** The Intercom conversation, as an id or an inbox URL. */
  z.object({ ...base, type: z.literal('conversation') }),
  /** The priority, pre-filled by the rules engine when a conversation is given. */
  z.object({ ...base, type: z.literal('priority') }),
]);
export type BugField = z.infer<typeof BugFieldSchema>;
export type BugFieldType = BugField['type'];

/** A field in a template file: a full field, or the id of a field in `_common.yaml`. */
export const BugFieldRefSchema = z.union([FieldIdSchema, BugFieldSchema]);

/** The roles only one field of a template may play. */
const SINGLE_TYPES: BugFieldType[] = ['customer', 'conversation', 'priority'];

function checkFields(fields: BugField[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field id "${f.id}"` });
    seen.add(f.id);
  });
  for (const t of SINGLE_TYPES) {
    if (fields.filter((f) => f.type === t).length > 1) ctx.addIssue({ code: 'custom', path: ['fields'], message: `at most one field of type "${t}"` });
  }
  const summary = fields.find((f) => f.id === 'summary');
  if (!summary || summary.type !== 'text' || !summary.required) {
    ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a template needs a required text field with id "summary" (the Jira summary)' });
  }
}

export const BugTemplateSchema = z
  .object({
    /** kebab-case, the file's name: `checkout-payments`. Also a Jira label. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'template ids are kebab-case, e.g. "checkout-payments"'),
    /** Shown in the kind selector and as the modal title (Slack: ≤ 24 characters). */
    title: z.string().min(1).max(24),
    description: z.string().max(150).optional(),
    /** Put before the summary in Jira, e.g. `[Checkout]`. */
    summaryPrefix: z.string().max(40).optional(),
    /** Extra Jira labels for this kind. */
    labels: z.array(z.string().regex(/^\S+$/, 'labels cannot contain spaces')).default([]),
    /** Order in the kind selector (lower first). */
    order: z.number().int().default(100),
    fields: z.array(BugFieldSchema).min(1).max(40),
  })
  .superRefine((t, ctx) => checkFields(t.fields, ctx));
export type BugTemplate = z.infer<typeof BugTemplateSchema>;

/** A template file before references to common fields are resolved. */
export const BugTemplateFileSchema = z.object({
  id: z.unknown(),
  fields: z.array(BugFieldRefSchema).min(1),
}).loose();

/** `templates/bug/_common.yaml`: fields shared by templates, by id. */
export const CommonBugFieldsSchema = z.object({ fields: z.array(BugFieldSchema) });
