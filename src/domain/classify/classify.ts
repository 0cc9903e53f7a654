import type { RuleFlag } from '../../config/rules.schema';
import type { Classification } from '../events';
import type { EvoCriticality, IncidentPriority, Plan, TicketType } from '../vocabulary';
import type { ClassifyInput } from './classify-input';
import type { CompiledPattern } from './compile-pattern';
import type { CompiledRules } from './compile-rules';
import { detectLanguage } from './detect-language';
import { matchAny, testAny, tokenText, type TokenText } from './match-pattern';
import { knownTokenFeatures, modelEvidence, modelOpinion, type ModelOpinion, type ModelTask } from './model';
import { normalizeTokens } from './normalize-text';

/** Most severe first: the order "higher priority" means. */
const PRIORITIES: readonly IncidentPriority[] = ['Muy Alta', 'Alta', 'Media', 'Baja'];
const EVO: readonly EvoCriticality[] = ['Urgente', 'Media', 'Baja'];
const TYPES: readonly TicketType[] = ['incidencia', 'evolutivo', 'consulta'];
const RULE_FLAGS: readonly RuleFlag[] = ['complaint', 'multiTopic', 'phoneRequest', 'outOfScope', 'missingInfo'];
const QUOTED = /['"“”«»‘’][^'"“”«»‘’\n]{3,80}['"“”«»‘’]/;

export interface ClassifyOptions {
  /**
   * Whether each plan includes phone support. Pass the `plans` section's answer when it has one;
   * defaults to `rules.phoneSupportByPlan`.
   */
  phoneSupportByPlan?: Partial<Record<Plan, boolean>>;
}

/** The patterns a token of the text may start (the others cannot match: their first words are absent). */
function activePatterns(compiled: CompiledRules, text: TokenText): Set<CompiledPattern> {
  const active = new Set<CompiledPattern>();
  for (const token of text.index.keys()) {
    const patterns = compiled.triggers.get(token);
    if (patterns) for (let i = 0; i < patterns.length; i++) active.add(patterns[i]);
    const prefixes = compiled.prefixesByInitial.get(token[0]);
    if (prefixes)
      for (let i = 0; i < prefixes.length; i++)
        if (token.startsWith(prefixes[i].prefix)) for (const p of prefixes[i].patterns) active.add(p);
  }
  return active;
}

type Votes<K extends string> = Partial<Record<K, number>>;

function add<K extends string>(into: Votes<K>, from: Votes<K> | undefined): void {
  if (!from) return;
  for (const k of Object.keys(from) as K[]) into[k] = (into[k] ?? 0) + (from[k] ?? 0);
}

/** Keys by votes, best first; ties go to the earlier key in `order` (the more severe). */
function ranked<K extends string>(votes: Votes<K>, order: readonly K[]): { key: K; votes: number }[] {
  return order
    .map((key) => ({ key, votes: votes[key] ?? 0 }))
    .filter((v) => v.votes > 0)
    .sort((a, b) => b.votes - a.votes || order.indexOf(a.key) - order.indexOf(b.key));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Classifies a conversation's first message: type, incident priority or evolutivo criticality,
 * flags, confidence and the rules that fired with the text each matched. Pure and deterministic.
 *
 * Rules vote; the type with most votes wins. Methodology points enforced here rather than in data:
 * priority and criticality only count for their own type; `maxPriority` caps (Muy Alta only when
 * end users cannot buy); in doubt between two priorities a key account gets the higher one.
 */
export function classify(input: ClassifyInput, compiled: CompiledRules, options: ClassifyOptions = {}): Classification {
  const { config, speller } = compiled;
  const subjectTokens = normalizeTokens(input.subject ?? '', speller);
  const bodyTokens = normalizeTokens(input.body, speller);
  const all = [...subjectTokens, '.', ...bodyTokens];
  const language = detectLanguage(all, input.language);
  const text = tokenText(all);
  let subject: TokenText | null = null;
  let body: TokenText | null = null;
  const active = activePatterns(compiled, text);

  const typeVotes: Votes<TicketType> = { ...config.typePrior };
  const priorityVotes: Votes<IncidentPriority> = {};
  const evoVotes: Votes<EvoCriticality> = {};
  const flagVotes: Votes<RuleFlag> = {};
  let cap = 0; // index into PRIORITIES: the most severe priority still allowed
  const fired: { id: string; matched?: string }[] = [];

  // The message's active patterns, sorted into their rules' lists (in list order): only rules
  // with an active `match` pattern are tried, and only their active patterns are.
  const byRule = new Map<number, [CompiledPattern[], CompiledPattern[], CompiledPattern[]]>();
  for (const pattern of active) {
    const owner = compiled.owners.get(pattern);
    if (!owner) continue;
    let lists = byRule.get(owner.rule);
    if (!lists) byRule.set(owner.rule, (lists = [[], [], []]));
    lists[owner.list].push(pattern);
  }
  const position = (p: CompiledPattern): number => compiled.owners.get(p)?.position ?? 0;
  const inList = (list: CompiledPattern[]): CompiledPattern[] => (list.length > 1 ? list.sort((a, b) => position(a) - position(b)) : list);
  for (const [i, [activeMatch, activeAlso, activeUnless]] of [...byRule].sort((a, b) => a[0] - b[0])) {
    if (activeMatch.length === 0) continue;
    const { rule, also } = compiled.rules[i];
    if (rule.lang && rule.lang !== language) continue;
    if (also.length > 0 && activeAlso.length === 0) continue;
    const where = rule.in === 'subject' ? (subject ??= tokenText(subjectTokens)) : rule.in === 'body' ? (body ??= tokenText(bodyTokens)) : text;
    const m = matchAny(inList(activeMatch), where);
    if (m === null) continue;
    const a = also.length > 0 ? matchAny(inList(activeAlso), where) : null;
    if ((also.length > 0 && a === null) || (activeUnless.length > 0 && testAny(activeUnless, where))) continue;
    fired.push({ id: rule.id, matched: a === null ? m : `${m} … ${a}` });
    add(typeVotes, rule.type);
    add(priorityVotes, rule.priority);
    add(evoVotes, rule.evoCriticality);
    add(flagVotes, rule.flags);
    if (rule.maxPriority) cap = Math.max(cap, PRIORITIES.indexOf(rule.maxPriority));
  }

  // The learned second opinion: its probabilities, weighted, join the rules' votes.
  const model = compiled.model;
  const known = model ? knownTokenFeatures(model, all) : [];
  const { temperature, weights, flags: flagWeights, minFeatures } = config.model;
  // Too few words to go on (or no model): it abstains.
  const ask = (task: ModelTask): ModelOpinion | null => (model && known.length >= minFeatures && known.length > 0 ? modelOpinion(model, task, known, temperature) : null);
  const said = (o: ModelOpinion): void => {
    const top = o.ranked[0];
    const evidence = model ? modelEvidence(model, o, known) : [];
    fired.push({ id: `model.${o.task}`, matched: `${top.label} ${Math.round(top.p * 100)}%${evidence.length > 0 ? `: ${evidence.join(', ')}` : ''}` });
  };
  const opinion = (task: ModelTask, weight: number, into: Record<string, number | undefined>): void => {
    const o = weight === 0 ? null : ask(task);
    if (!o) return;
    for (const { label, p } of o.ranked) into[label] = (into[label] ?? 0) + weight * p;
    said(o);
  };
  const rulesBest = ranked(typeVotes, TYPES)[0];
  const rulesSpoke = rulesBest !== undefined && rulesBest.votes > (config.typePrior[rulesBest.key] ?? 0);
  opinion('type', weights.type, typeVotes);
  for (const f of RULE_FLAGS) {
    const { raise, lower } = flagWeights[f];
    const o = raise === 0 && lower === 0 ? null : ask(f);
    if (!o) continue;
    const p = o.ranked.find((r) => r.label === 'true')?.p ?? 0;
    const votes = p > 0.5 ? raise * (2 * p - 1) : -lower * (1 - 2 * p);
    if (votes === 0) continue;
    flagVotes[f] = (flagVotes[f] ?? 0) + votes;
    said(o);
  }

  // Type: most votes wins; confidence from the margin over the runner-up.
  const types = ranked(typeVotes, TYPES);
  const best = types[0] ?? { key: 'consulta' as TicketType, votes: 0 };
  const runnerUp = types[1]?.votes ?? 0;
  let confidence = best.votes <= (config.typePrior[best.key] ?? 0) ? 0.35 : 0.5 + 0.5 * Math.min(1, (best.votes - runnerUp) / Math.max(best.votes, 1));
  // The model alone (no rule spoke), or the model against the rules: the agent decides.
  if (!rulesSpoke || rulesBest.key !== best.key) confidence = Math.min(confidence, config.model.unsupportedConfidence);
  let type = best.key;
  const multiTopic = (flagVotes.multiTopic ?? 0) >= config.flags.multiTopic.threshold;
  if (multiTopic && type !== 'incidencia' && config.multiTopicIncidentVotes > 0 && (typeVotes.incidencia ?? 0) >= config.multiTopicIncidentVotes) {
    // Several topics, one of them a problem: the incident carries the SLA, the rest is split off.
    type = 'incidencia';
    confidence = Math.min(confidence, 0.6);
  }

  const keyAccount = input.company.tags.some((t) => t.trim().toUpperCase() === config.keyAccountTag.toUpperCase());

  let priority: IncidentPriority | null = null;
  if (type === 'incidencia') {
    opinion('priority', weights.priority, priorityVotes);
    const ps = ranked(priorityVotes, PRIORITIES);
    let pick = ps[0]?.key ?? config.defaultPriority;
    const second = ps[1];
    if (second && ps[0] && second.votes >= ps[0].votes * config.priorityDoubtRatio) {
      // In doubt between two priorities: a key account gets the higher one.
      if (keyAccount && PRIORITIES.indexOf(second.key) < PRIORITIES.indexOf(pick)) pick = second.key;
      confidence *= 0.85;
    }
    if (multiTopic && ps[0]) {
      // Several problems in one message: the ticket carries the most severe one that is clearly there.
      for (const p of ps) if (p.votes >= ps[0].votes * config.multiTopicPriorityRatio && PRIORITIES.indexOf(p.key) < PRIORITIES.indexOf(pick)) pick = p.key;
    }
    priority = PRIORITIES[Math.max(PRIORITIES.indexOf(pick), cap)];
  }

  let evoCriticality: EvoCriticality | null = null;
  if (type === 'evolutivo') {
    opinion('evoCriticality', weights.evoCriticality, evoVotes);
    evoCriticality = ranked(evoVotes, EVO)[0]?.key ?? config.defaultEvoCriticality;
  }

  // Structure: quoted text (an error message, a page name) and a long body count as detail, a
  // very short body as missing detail. It only adjusts votes when the text already says something
  // about missing information or the message is very short.
  const words = wordCount(input.body);
  const short = words <= config.detail.shortBodyWords;
  if (flagVotes.missingInfo !== undefined || short) {
    const structure =
      (QUOTED.test(input.body) ? config.detail.quotedText : 0) +
      (words > config.detail.longBodyWords ? config.detail.longBody : 0) +
      (words <= config.detail.tinyBodyWords ? config.detail.tinyBody : short ? config.detail.shortBody : 0);
    flagVotes.missingInfo = (flagVotes.missingInfo ?? 0) + structure;
  }

  const raised = (flag: RuleFlag): boolean => {
    const settings = config.flags[flag];
    if (settings.onlyFor && !settings.onlyFor.includes(type)) return false;
    return (flagVotes[flag] ?? 0) >= settings.threshold;
  };
  const flags = Object.fromEntries(RULE_FLAGS.map((f) => [f, raised(f)])) as Record<RuleFlag, boolean>;

  const phoneTable = { ...config.phoneSupportByPlan, ...options.phoneSupportByPlan };
  const plan = input.company.plan;
  const phoneIncludedInPlan = plan ? (phoneTable[plan] ?? false) : null;
  confidence = Math.round(confidence * 100) / 100;

  return {
    type,
    priority,
    evoCriticality,
    flags: { ...flags, keyAccount },
    confidence,
    rules: fired,
    language,
    phoneIncludedInPlan,
    lowConfidence: confidence < config.lowConfidenceBelow,
  };
}
