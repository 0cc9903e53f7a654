import { z } from 'zod';
import { compilePattern, expandPattern } from '../domain/classify/compile-pattern';
import { EvoCriticalitySchema, IncidentPrioritySchema, PlanSchema, TicketTypeSchema } from '../domain/vocabulary';

/**
 * The `rules` section of the configuration (config/rules.yaml): the classifier's rules as data, so
 * a support lead changes them without a deploy. See docs/rules.md for how to add one.
 */

/** The flags a rule can raise (keyAccount comes from the company's KA tag, not from text). */
export const RuleFlagSchema = z.enum(['complaint', 'multiTopic', 'phoneRequest', 'outOfScope', 'missingInfo']);
export type RuleFlag = z.infer<typeof RuleFlagSchema>;

const PatternSchema = z.string().superRefine((p, ctx) => {
  try {
    for (const expanded of expandPattern(p)) compilePattern(expanded);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const Weight = z.number().min(-20).max(20);

export const RuleSchema = z
  .strictObject({
    /** Stable id shown to agents (why the bot decided) and in `classify` output, e.g. `incidencia.cannot-buy`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lowercase words joined by dots or dashes'),
    /** What the rule means, in the methodology's words. */
    description: z.string().optional(),
    /** Only for conversations detected in this language (both when omitted). */
    lang: z.enum(['es', 'en']).optional(),
    /** Where to look: the subject, the body, or both (default). */
    in: z.enum(['subject', 'body', 'text']).default('text'),
    /** The rule fires when any of these patterns matches. */
    match: z.array(PatternSchema).min(1),
    /** ...and, when given, one of these matches too (both conditions: `match` and `also`). */
    also: z.array(PatternSchema).default([]),
    /** ...and none of these does. */
    unless: z.array(PatternSchema).default([]),
    /** Votes for the ticket type. */
    type: z.partialRecord(TicketTypeSchema, Weight).optional(),
    /** Votes for an incident priority (counted only when the type is incidencia). */
    priority: z.partialRecord(IncidentPrioritySchema, Weight).optional(),
    /** The highest incident priority possible when this rule fires (e.g. "orders go through" → Alta). */
    maxPriority: IncidentPrioritySchema.optional(),
    /** Votes for an evolutivo's criticality (counted only when the type is evolutivo). */
    evoCriticality: z.partialRecord(EvoCriticalitySchema, Weight).optional(),
    /** Votes for flags; a flag is raised when its votes reach its threshold. */
    flags: z.partialRecord(RuleFlagSchema, Weight).optional(),
  })
  .refine((r) => r.type || r.priority || r.maxPriority || r.evoCriticality || r.flags, {
    message: 'a rule must vote for something: type, priority, maxPriority, evoCriticality or flags',
  });
export type Rule = z.infer<typeof RuleSchema>;

const FlagSettingsSchema = z.strictObject({
  /** Votes needed to raise the flag. */
  threshold: z.number().positive().default(1),
  /** Only raise it for these ticket types (all when omitted). */
  onlyFor: z.array(TicketTypeSchema).optional(),
});

const DEFAULT_FLAG = { threshold: 1 };

const NON_NEGATIVE_WEIGHT = z.number().min(0).max(20);
const FlagModelWeight = z.strictObject({ raise: NON_NEGATIVE_WEIGHT.default(0), lower: NON_NEGATIVE_WEIGHT.default(0) }).default({ raise: 0, lower: 0 });
const NO_FLAG_WEIGHT = { raise: 0, lower: 0 };

export const RulesConfigSchema = z
  .strictObject({
    /** Votes every conversation starts with: a message with no signal is a question. */
    typePrior: z.partialRecord(TicketTypeSchema, Weight).default({ consulta: 0.5 }),
    /** An incident's priority when no rule says anything about its impact. */
    defaultPriority: IncidentPrioritySchema.default('Media'),
    /** An evolutivo's criticality when the customer demands none. */
    defaultEvoCriticality: EvoCriticalitySchema.default('Baja'),
    /**
     * "In doubt between two priorities": the runner-up's votes are at least this share of the
     * winner's. A key account then gets the higher priority of the two.
     */
    priorityDoubtRatio: z.number().min(0).max(1).default(0.75),
    /**
     * A multi-topic message that reports a problem (incidencia votes at least this many) is an
     * incidencia, whatever else it asks: the incident carries the SLA, the rest is split off.
     * 0 turns this off.
     */
    multiTopicIncidentVotes: z.number().min(0).default(2),
    /**
     * Several problems in one message: the most severe priority whose votes are at least this share
     * of the best one's is the ticket's.
     */
    multiTopicPriorityRatio: z.number().min(0).max(1).default(0.5),
    /** Below this confidence the classification is reported as low confidence: the agent decides. */
    lowConfidenceBelow: z.number().min(0).max(1).default(0.6),
    /** Company tag that marks a key account. */
    keyAccountTag: z.string().default('KA'),
    /**
     * Whether each plan includes phone support: a fallback, the `plans` section is the source of
     * truth (see `phoneSupportByPlan()` in src/domain/classify/phone-support.ts). A phone request
     * from a plan without it goes to the CSM as a possible upsell.
     */
    phoneSupportByPlan: z.partialRecord(PlanSchema, z.boolean()).default({ Platinum: true, Gold: true, Silver: false, Bronze: false }),
    flags: z
      .strictObject({
        complaint: FlagSettingsSchema.default(DEFAULT_FLAG),
        multiTopic: FlagSettingsSchema.default(DEFAULT_FLAG),
        phoneRequest: FlagSettingsSchema.default(DEFAULT_FLAG),
        outOfScope: FlagSettingsSchema.default(DEFAULT_FLAG),
        missingInfo: FlagSettingsSchema.default(DEFAULT_FLAG),
      })
      .default({ complaint: DEFAULT_FLAG, multiTopic: DEFAULT_FLAG, phoneRequest: DEFAULT_FLAG, outOfScope: DEFAULT_FLAG, missingInfo: DEFAULT_FLAG }),
    /**
     * Structure of the message that counts for or against `missingInfo`: quoted text (an error
     * message, a page name) and a long body count as detail; a very short body as missing detail.
     */
    detail: z
      .strictObject({
        quotedText: Weight.default(-1),
        longBodyWords: z.number().int().positive().default(45),
        longBody: Weight.default(-1),
        /** A body this short says little: votes for missing information (any incident). */
        shortBodyWords: z.number().int().nonnegative().default(12),
        shortBody: Weight.default(1),
        /** A body of a few words ("no funciona") says nothing a diagnosis can use. */
        tinyBodyWords: z.number().int().nonnegative().default(5),
        tinyBody: Weight.default(1.5),
      })
      .default({ quotedText: -1, longBodyWords: 45, longBody: -1, shortBodyWords: 12, shortBody: 1, tinyBodyWords: 5, tinyBody: 1.5 }),
    /**
     * Domain words whose one-letter typos are corrected ("chekout" → checkout). Six letters or more;
     * keep it to words that matter, a typo of one word can be another real word.
     */
    fuzzy: z.array(z.string().regex(/^[a-z]{6,}$/, 'a normalized word of six letters or more')).default([]),
    /** Misspellings the speller cannot guess, written normalized: `wrong: right`. */
    spelling: z.record(z.string(), z.string()).default({}),
    /** Tags put on the Intercom conversation for the type, priority and criticality. */
    tags: z
      .strictObject({
        type: z.partialRecord(TicketTypeSchema, z.string()).default({}),
        priority: z.partialRecord(IncidentPrioritySchema, z.string()).default({}),
        evoCriticality: z.partialRecord(EvoCriticalitySchema, z.string()).default({}),
        keyAccount: z.string().nullable().default(null),
      })
      .default({ type: {}, priority: {}, evoCriticality: {}, keyAccount: null }),
    /**
     * The learned second opinion (src/domain/classify/model.ts, config/classifier.json): how
     * much its probabilities weigh beside the rules' votes. A weight of 0 turns it off for that label.
     */
    model: z
      .strictObject({
        /** Whether to use the model at all (it is also off when config/classifier.json is missing). */
        enabled: z.boolean().default(true),
        /** Softens naive Bayes' overconfidence: log scores are divided by this before becoming probabilities. */
        temperature: z.number().min(1).max(100).default(1),
        /** The model abstains on a message with fewer known words and word pairs than this (a greeting says nothing). */
        minFeatures: z.number().int().min(0).default(8),
        /** The confidence at most when no rule spoke for the type, or the model turned the rules' choice. */
        unsupportedConfidence: z.number().min(0).max(1).default(0.55),
        /** Votes the model adds: its probability for each class times this weight. */
        weights: z
          .strictObject({
            type: Weight.default(0),
            priority: Weight.default(0),
            evoCriticality: Weight.default(0),
          })
          .default({ type: 0, priority: 0, evoCriticality: 0 }),
        /**
         * Votes the model adds to a flag: `raise` × (2p − 1) when its probability p is above one
         * half, `lower` × (1 − 2p) taken away when it is below. `raise` alone lets the model catch
         * what the rules missed without ever silencing a rule.
         */
        flags: z
          .strictObject({
            complaint: FlagModelWeight,
            multiTopic: FlagModelWeight,
            phoneRequest: FlagModelWeight,
            outOfScope: FlagModelWeight,
            missingInfo: FlagModelWeight,
          })
          .default({ complaint: NO_FLAG_WEIGHT, multiTopic: NO_FLAG_WEIGHT, phoneRequest: NO_FLAG_WEIGHT, outOfScope: NO_FLAG_WEIGHT, missingInfo: NO_FLAG_WEIGHT }),
      })
      .default({
        enabled: true,
        temperature: 1,
        minFeatures: 8,
        unsupportedConfidence: 0.55,
        weights: { type: 0, priority: 0, evoCriticality: 0 },
        flags: { complaint: NO_FLAG_WEIGHT, multiTopic: NO_FLAG_WEIGHT, phoneRequest: NO_FLAG_WEIGHT, outOfScope: NO_FLAG_WEIGHT, missingInfo: NO_FLAG_WEIGHT },
      }),
    rules: z.array(RuleSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
    });
  });
export type RulesConfig = z.infer<typeof RulesConfigSchema>;
/** What a caller (or a test) may write: defaults may be omitted. */
export type RulesConfigInput = z.input<typeof RulesConfigSchema>;
