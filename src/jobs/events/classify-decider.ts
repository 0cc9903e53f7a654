import type { Config } from '../../config/schema';
import { classify } from '../../domain/classify/classify';
import { classifyInputFromTicket } from '../../domain/classify/classify-input';
import { compileRules, type CompiledRules } from '../../domain/classify/compile-rules';
import { classifiedEvent, decideClassification } from '../../domain/classify/decide';
import { phoneSupportByPlan } from '../../domain/classify/phone-support';
import type { Intent } from '../../domain/intents';
import { loadTextCatalog } from '../../templates/load-text';
import type { TextCatalog } from '../../templates/text';
import type { Decider } from './decider';

/** Rules (and the classifier's model) compiled once per configuration object (the worker's config is loaded once). */
const compiledByConfig = new WeakMap<Config['rules'], CompiledRules>();
const compiled = (config: Config): CompiledRules => {
  let c = compiledByConfig.get(config.rules);
  if (!c) compiledByConfig.set(config.rules, (c = compileRules(config.rules, config.classifier)));
  return c;
};

/**
 * The rules engine in the worker (issue 5):
 * 1. a ticket that is open and not yet classified gets the bot's `Classified` event (appended at
 *    once; its id is `classify:<ticket>`, so a retry appends it once), with phone support per plan
 *    from the `plans` section;
 * 2. when a `Classified` or an agent's `Reclassified` event arrives, the tags and note drafts of
 *    {@link decideClassification} go to the effects queue (deterministic keys: run once).
 * Slack alerts that follow (complaint → CSM, KA, phone upsell) are the escalation decisions' job;
 * they read `ticket.classification` (see `classificationRouting`).
 */
export function createClassifyDecider(texts: () => TextCatalog): Decider {
  return ({ ticket, newEvents, now, config }): Intent[] => {
    if (!ticket.opened) return [];
    if (ticket.classification === null) {
      const classification = classify(classifyInputFromTicket(ticket), compiled(config), {
        phoneSupportByPlan: phoneSupportByPlan(config.plans),
      });
      return [{ kind: 'ticket.append', key: `classify:${ticket.id}`, ticketId: ticket.id, events: [classifiedEvent(ticket.id, now, classification)] }];
    }
    if (!newEvents.some((e) => e.kind === 'Classified' || e.kind === 'Reclassified')) return [];
    return decideClassification(ticket, { texts: texts(), tags: config.rules.tags });
  };
}

let catalog: TextCatalog | null = null;

/** The decider registered in the worker (templates/text loaded on first use). */
export const classifyDecider: Decider = createClassifyDecider(() => (catalog ??= loadTextCatalog()));
