import { z } from 'zod';
import { PrioritySchema } from '../domain/vocabulary';

/** A Jira custom field id, e.g. `customfield_10060` (they differ per site: Jira settings → Issues → Custom fields). */
const CustomFieldIdSchema = z.string().regex(/^customfield_\d+$/, 'expected a custom field id such as "customfield_10060"');

/**
 * A custom field and how to write a value into it: `text` (a string), `option` (a select list,
 * written as `{ value }`), `datetime` (ISO 8601) or `url`.
 */
const CustomFieldSchema = z.object({
  id: CustomFieldIdSchema,
  as: z.enum(['text', 'option', 'datetime', 'url']).default('text'),
});
export type JiraCustomField = z.infer<typeof CustomFieldSchema>;

/**
 * The `jira` section of the configuration (config/jira.yaml): the project bugs are filed in, the
 * issue type, how our priorities map to Jira's, labels and custom fields.
 */
export const JiraConfigSchema = z.object({
  /** The project key, e.g. `INC`. */
  project: z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'expected a Jira project key such as "INC"'),
  issueType: z.string().min(1).default('Bug'),
  /** Our priority → the name of a Jira priority. A priority missing here is not sent (Jira's default). */
  priorities: z.partialRecord(PrioritySchema, z.string().min(1)).default({
    'Muy Alta': 'Highest',
    Alta: 'High',
    Media: 'Medium',
    Baja: 'Low',
    Urgente: 'High',
  }),
  labels: z
    .object({
      /** Added to every issue the bot files. */
      always: z.array(z.string().regex(/^\S+$/, 'labels cannot contain spaces')).default(['care-relay']),
      /** Add the bug kind (`checkout-payments`) as a label. */
      kind: z.boolean().default(true),
      /** Add the customer's plan (`platinum`) as a label. */
      plan: z.boolean().default(true),
      /** The label of key accounts' issues. */
      keyAccount: z.string().regex(/^\S+$/).default('KA'),
    })
    .default({ always: ['care-relay'], kind: true, plan: true, keyAccount: 'KA' }),
  /** Custom fields; leave one out to not send it. */
  fields: z
    .object({
      customer: CustomFieldSchema.optional(),
      plan: CustomFieldSchema.optional(),
      slaDeadline: CustomFieldSchema.optional(),
      intercomUrl: CustomFieldSchema.optional(),
    })
    .default({}),
  /** Tags put on the Intercom conversation once its bug is in Jira. */
  intercomTags: z.array(z.string().min(1)).default(['jira']),
  /** Maximum summary length (Jira refuses more than 255 characters). */
  summaryMaxLength: z.number().int().min(20).max(255).default(255),
});
export type JiraConfig = z.infer<typeof JiraConfigSchema>;
