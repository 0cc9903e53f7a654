import { z } from 'zod';
import { DurationSchema, formatDuration } from './duration';
import { HostingSchema, PlanSchema, PrioritySchema, TicketTypeSchema } from '../domain/vocabulary';

/**
 * The `sla` section (config/sla.yaml): the SLA tables (hosting × type × priority × plan), which
 * calendar each ticket's clock runs on, external providers' own SLAs, and extra rules (targets a
 * team adds on top of, or instead of, the tables). See docs/sla.md.
 */

/**
 * The message for a mapping that is not what was expected: `invalid` when it is not a mapping at
 * all, and the known keys when it holds an unknown one (a misspelt plan or priority).
 */
function mappingError(invalid: string, keys: readonly string[]): z.core.$ZodErrorMap {
  return (iss) => {
    if (iss.code === 'unrecognized_keys') {
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}; expected ${keys.join(', ')}`;
    }
    if (iss.code === 'invalid_type') return invalid;
    return undefined;
  };
}

/** A record whose key failed its own check reports that check's message (not "Invalid key in record"). */
const keyError: z.core.$ZodErrorMap = (iss) => (iss.code === 'invalid_key' ? iss.issues[0]?.message : undefined);

/** The reserved calendar name for natural time, 24x7 (Muy Alta, "within 24 hours" rules). */
export const NATURAL_CALENDAR = 'natural';

/** A calendar: a name defined in the `calendars` section, or `natural` (24x7). */
export const CalendarNameSchema = z.string({ error: 'expected a calendar name (from calendars, or "natural")' }).min(1, {
  error: 'expected a calendar name (from calendars, or "natural")',
});

const TargetPairSchema = z.strictObject(
  { firstResponse: DurationSchema, resolution: DurationSchema },
  { error: mappingError('expected firstResponse and resolution durations', ['firstResponse', 'resolution']) },
);

/**
 * One cell of the tables: the contractual first response (binding), the resolution intent (not
 * binding) and the stricter internal targets for both. Internal targets may not exceed contractual.
 */
export const SlaCellSchema = z
  .strictObject(
    { firstResponse: DurationSchema, resolution: DurationSchema, internal: TargetPairSchema },
    { error: mappingError('expected firstResponse, resolution and internal: {firstResponse, resolution}', ['firstResponse', 'resolution', 'internal']) },
  )
  .superRefine((cell, ctx) => {
    for (const name of ['firstResponse', 'resolution'] as const) {
      if (cell.internal[name] > cell[name]) {
        ctx.addIssue({
          code: 'custom',
          path: ['internal', name],
          message: `the internal target (${formatDuration(cell.internal[name])}) must not be longer than the contractual one (${formatDuration(cell[name])})`,
        });
      }
    }
    if (cell.firstResponse > cell.resolution) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstResponse'],
        message: `the first response (${formatDuration(cell.firstResponse)}) must not be longer than the resolution (${formatDuration(cell.resolution)})`,
      });
    }
  });
export type SlaCell = z.infer<typeof SlaCellSchema>;

const rowError = { error: mappingError('expected one cell per plan: Platinum, Gold, Silver, Bronze', PlanSchema.options) };
/** One row: a cell per plan. */
export const SlaRowSchema = z.strictObject(
  { Platinum: SlaCellSchema, Gold: SlaCellSchema, Silver: SlaCellSchema, Bronze: SlaCellSchema },
  rowError,
);
export type SlaRow = z.infer<typeof SlaRowSchema>;

/**
 * The rows of one hosting. Questions (consulta) carry no priority in the methodology: they have a
 * single row, `normal`. Incidents have the four impact priorities; evolutivos the customer's
 * criticality.
 */
export const SlaHostingTableSchema = z.strictObject(
  {
    incidencia: z.strictObject(
      { 'Muy Alta': SlaRowSchema, Alta: SlaRowSchema, Media: SlaRowSchema, Baja: SlaRowSchema },
      { error: mappingError('expected rows "Muy Alta", Alta, Media, Baja', ['Muy Alta', 'Alta', 'Media', 'Baja']) },
    ),
    consulta: z.strictObject({ normal: SlaRowSchema }, { error: mappingError('expected one row: normal', ['normal']) }),
    evolutivo: z.strictObject(
      { Baja: SlaRowSchema, Media: SlaRowSchema, Urgente: SlaRowSchema },
      { error: mappingError('expected rows Baja, Media, Urgente', ['Baja', 'Media', 'Urgente']) },
    ),
  },
  { error: mappingError('expected tables incidencia, consulta and evolutivo', ['incidencia', 'consulta', 'evolutivo']) },
);
export type SlaHostingTable = z.infer<typeof SlaHostingTableSchema>;

/** The row key under which a ticket's priority is looked up: its priority, or `normal` for a consulta. */
export type SlaRowKey = z.infer<typeof PrioritySchema> | 'normal';

/** Which calendar a ticket's clock runs on. The first that applies wins: priority, key account, plan, default. */
export const SlaCalendarsSchema = z.strictObject({
  default: CalendarNameSchema.default('default'),
  /** Per plan, e.g. `Platinum: staffed`. */
  plans: z.partialRecord(PlanSchema, CalendarNameSchema).default({}),
  /** For key accounts (company tagged KA). */
  keyAccount: CalendarNameSchema.optional(),
  /** Per priority; Muy Alta runs in natural hours, 24x7. */
  priorities: z.partialRecord(PrioritySchema, CalendarNameSchema).default({ 'Muy Alta': NATURAL_CALENDAR }),
});
export type SlaCalendars = z.infer<typeof SlaCalendarsSchema>;

/**
 * An external provider's own SLA, applied from the moment a ticket is handed over to it
 * (WaitingOnProvider). A target the provider does not set keeps the table's value.
 */
export const SlaProviderSchema = z.strictObject({
  calendar: CalendarNameSchema.default('default'),
  firstResponse: DurationSchema.optional(),
  resolution: DurationSchema.optional(),
  /** Internal targets while the provider has it; when absent, the provider's contractual values. */
  internal: z.strictObject({ firstResponse: DurationSchema.optional(), resolution: DurationSchema.optional() }).optional(),
  description: z.string().optional(),
});
export type SlaProvider = z.infer<typeof SlaProviderSchema>;

/**
 * The kinds of target a rule can set:
 * - `firstResponse`: from creation to the first public support reply;
 * - `resolution`: from creation to closing (pauses while waiting on the customer, if configured);
 * - `everyResponse`: each customer message answered by a public reply (one cycle per unanswered message);
 * - `review`: from creation to the first support action of any kind (public reply, internal note,
 *   assignment to an agent, waiting status, reclassification, bug filed, closing).
 */
export const SlaTargetKindSchema = z.enum(['firstResponse', 'resolution', 'everyResponse', 'review']);
export type SlaTargetKind = z.infer<typeof SlaTargetKindSchema>;

export const SlaLevelSchema = z.enum(['contractual', 'internal']);
export type SlaLevel = z.infer<typeof SlaLevelSchema>;

/** Which tickets a rule applies to; every listed condition must hold (an absent one matches all). */
export const SlaRuleWhenSchema = z.strictObject({
  hosting: z.array(HostingSchema).optional(),
  types: z.array(TicketTypeSchema).optional(),
  priorities: z.array(z.union([PrioritySchema, z.literal('normal')])).optional(),
  plans: z.array(PlanSchema).optional(),
  keyAccount: z.boolean().optional(),
});
export type SlaRuleWhen = z.infer<typeof SlaRuleWhenSchema>;

/** An extra target, e.g. "every customer gets an answer within 24 hours". */
export const SlaRuleSchema = z.strictObject({
  kind: SlaTargetKindSchema,
  within: DurationSchema,
  level: SlaLevelSchema.default('contractual'),
  /** The calendar it counts on; by default the ticket's calendar (see `calendars`). */
  calendar: CalendarNameSchema.optional(),
  when: SlaRuleWhenSchema.optional(),
  description: z.string().optional(),
});
export type SlaRule = z.infer<typeof SlaRuleSchema>;

const RULE_NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Rule names become target keys (`contractual.<name>`); the table's names are taken. */
const RuleNameSchema = z
  .string()
  .regex(RULE_NAME_RE, { error: 'expected a rule name of letters, digits, - and _' })
  .refine((n) => n !== 'firstResponse' && n !== 'resolution', { error: 'firstResponse and resolution are the tables\' targets: pick another name' });

/** What to assume when the ticket does not say (no plan on the company, not yet classified, …). */
export const SlaAssumeSchema = z.strictObject({
  hosting: HostingSchema.default('saas'),
  plan: PlanSchema.default('Bronze'),
  type: TicketTypeSchema.default('consulta'),
  incidentPriority: z.enum(['Muy Alta', 'Alta', 'Media', 'Baja']).default('Media'),
  evoCriticality: z.enum(['Baja', 'Media', 'Urgente']).default('Baja'),
});
export type SlaAssume = z.infer<typeof SlaAssumeSchema>;

const SLA_KEYS = ['atRiskShare', 'pauseResolutionWhileWaitingOnCustomer', 'planTargets', 'assume', 'calendars', 'providers', 'rules', 'botAdminIds', 'saas', 'self-hosted'];

export const SlaConfigSchema = z.strictObject({
  /** Share of a target after which it is at risk (alerts fire then). */
  atRiskShare: z.number({ error: 'expected a share between 0 and 1, e.g. 0.75' }).gt(0, { error: 'expected a share between 0 and 1, e.g. 0.75' }).lt(1, { error: 'expected a share between 0 and 1, e.g. 0.75' }).default(0.75),
  /** Whether resolution targets pause while the ticket waits on the customer. */
  pauseResolutionWhileWaitingOnCustomer: z.boolean({ error: 'expected true or false' }).default(true),
  /** Whether the plan tables set targets (false: only `rules` do, as for a team with one golden rule). */
  planTargets: z.boolean({ error: 'expected true or false' }).default(true),
  assume: SlaAssumeSchema.default(SlaAssumeSchema.parse({})),
  calendars: SlaCalendarsSchema.default(SlaCalendarsSchema.parse({})),
  providers: z.record(z.string().min(1), SlaProviderSchema).default({}),
  rules: z.record(RuleNameSchema, SlaRuleSchema, { error: keyError }).default({}),
  /**
   * Intercom admin ids of the bot itself: its automatic replies and notes are not a support
   * response (events with source `bot` never are).
   */
  botAdminIds: z.array(z.string()).default([]),
  saas: SlaHostingTableSchema,
  'self-hosted': SlaHostingTableSchema,
}, { error: mappingError('expected the sla section (a mapping)', SLA_KEYS) });
export type SlaConfig = z.infer<typeof SlaConfigSchema>;
