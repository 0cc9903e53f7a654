import type { RulesConfig } from '../../config/rules.schema';
import { renderText, type TextCatalog } from '../../templates/text';
import type { Classification, DomainEventInput } from '../events';
import type { Intent } from '../intents';
import type { Ticket } from '../ticket';
import type { Instant, Language } from '../vocabulary';

/** What {@link decideClassification} needs besides the ticket. */
export interface ClassificationDecisionOptions {
  /** The message texts (templates/text), loaded at start-up. */
  texts: TextCatalog;
  /** Intercom tag names per type, priority and criticality (`rules.tags`). */
  tags: RulesConfig['tags'];
}

const GROUP = 'standard';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Paragraphs of plain text as Intercom note HTML (line breaks kept). */
function html(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

function label(ticket: Ticket): string {
  const level = ticket.type === 'incidencia' ? ticket.priority : ticket.type === 'evolutivo' ? ticket.evoCriticality : null;
  return [ticket.type, level, ticket.keyAccount ? 'KA' : null].filter((x) => x).join(' · ');
}

function flagList(c: Classification): string {
  const on = Object.entries(c.flags).filter(([k, v]) => v && k !== 'keyAccount').map(([k]) => k);
  return on.length ? ` [${on.join(', ')}]` : '';
}

/** The intents a classification asks for: Intercom tags and internal-note drafts for the agent. */
function tagIntent(ticket: Ticket, tags: RulesConfig['tags']): Intent | null {
  if (!ticket.type) return null;
  const names = [tags.type[ticket.type]];
  if (ticket.type === 'incidencia' && ticket.priority) names.push(tags.priority[ticket.priority]);
  if (ticket.type === 'evolutivo' && ticket.evoCriticality) names.push(tags.evoCriticality[ticket.evoCriticality]);
  if (ticket.keyAccount && tags.keyAccount) names.push(tags.keyAccount);
  const list = names.filter((n): n is string => typeof n === 'string' && n !== '');
  if (list.length === 0) return null;
  const level = ticket.priority ?? ticket.evoCriticality ?? 'none';
  return { kind: 'intercom.tag', key: `classify:tag:${ticket.id}:${ticket.type}:${level}`, ticketId: ticket.id, tags: list };
}

/**
 * Decides what a classification asks the outside world to do (issue 5, "Decisions"):
 * - tag the conversation with its type and priority (or criticality), and KA;
 * - an internal note for the agent with the standard message for the type, in the customer's
 *   language (incidencia: "we are looking into it"; evolutivo: "pending estimate", routed to EVO;
 *   consulta: answer from documentation, write a help article when none exists), why the bot
 *   decided, and a warning when confidence is low;
 * - a split suggestion (multi-topic), a request for missing information (description, steps,
 *   screenshots, scope), the out-of-scope reply — each its own note.
 *
 * Uses the classification in force on the ticket: an agent's reclassification overrides the bot
 * (tags and the standard draft follow the agent's type; keys include the type so a new type gets
 * new intents, while a repeated decision gets the same keys and runs once). Slack alerts (CSM,
 * KA, phone upsell) are the escalation decisions' job: see {@link classificationRouting}.
 */
export function decideClassification(ticket: Ticket, options: ClassificationDecisionOptions): Intent[] {
  const c = ticket.classification;
  if (!ticket.type || !c) return [];
  const { texts } = options;
  const lang: Language = ticket.language ?? c.language ?? 'es';
  const t = (key: string, vars: Record<string, string | number> = {}) => renderText(texts, lang, `${GROUP}.${key}`, vars);
  const name = ticket.customer?.name?.trim();
  const greeting = name ? t('greeting', { name }) : t('greeting-anonymous');
  const reply = (key: string) => `${greeting}\n\n${t(key)}\n\n${t('signature')}`;
  const byAgent = ticket.reclassifiedBy !== null;
  const intents: Intent[] = [];

  const tag = tagIntent(ticket, options.tags);
  if (tag) intents.push(tag);

  // The standard message for the type, unless the request is out of scope (its own reply below).
  if (!(c.flags.outOfScope && ticket.type === 'consulta' && !byAgent)) {
    const why = c.rules.map((r) => (r.matched ? `${r.id} («${r.matched}»)` : r.id)).join('; ');
    const paragraphs = [t('note-header', { summary: `${label(ticket)}${byAgent ? '' : flagList(c)}` })];
    if (!byAgent && why) paragraphs.push(t('note-why', { rules: why }));
    if (!byAgent && c.lowConfidence) paragraphs.push(t('note-low-confidence', { confidence: c.confidence.toFixed(2) }));
    if (ticket.type === 'evolutivo') paragraphs.push(t('agent-evolutivo'));
    if (ticket.type === 'consulta') paragraphs.push(t('agent-help-article'));
    paragraphs.push(t('note-draft'), reply(ticket.type));
    intents.push({ kind: 'intercom.note', key: `classify:note:${ticket.id}:standard:${ticket.type}`, ticketId: ticket.id, html: html(paragraphs) });
  }
  if (byAgent) return intents;

  if (c.flags.multiTopic) {
    intents.push({ kind: 'intercom.note', key: `classify:note:${ticket.id}:split`, ticketId: ticket.id, html: html([t('agent-split'), t('note-draft'), reply('split')]) });
  }
  if (c.flags.missingInfo) {
    intents.push({
      kind: 'intercom.note',
      key: `classify:note:${ticket.id}:missing-info`,
      ticketId: ticket.id,
      html: html([t('agent-missing-info'), t('note-draft'), reply('missing-info')]),
    });
  }
  if (c.flags.outOfScope) {
    intents.push({
      kind: 'intercom.note',
      key: `classify:note:${ticket.id}:out-of-scope`,
      ticketId: ticket.id,
      html: html([t('agent-out-of-scope'), t('note-draft'), reply('out-of-scope')]),
    });
  }
  return intents;
}

/**
 * The `Classified` event to append for the bot's classification of a conversation's first
 * message. Its id is deterministic (one bot classification per conversation), so a retried job
 * appends it once.
 */
export function classifiedEvent(ticketId: string, at: Instant, classification: Classification): DomainEventInput {
  return { kind: 'Classified', id: `classify:${ticketId}`, ticketId, at, source: 'bot', classification };
}
