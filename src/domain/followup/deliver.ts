import type { Intent } from '../intents';
import { alertKey } from '../ticket';
import { alertBlocks } from './blocks';
import { alertText, alertVars } from './render';
import type { FollowupDecision, FollowupInput, Nag, Wake } from './types';

/**
 * The AlertSent target of one delivery: the nag's target for the first delivery, `<target>@<recipient>`
 * for the others; an alert that recurs in cycles (the ladder after a reset, a new wait on the customer)
 * carries its cycle, `<target>~<cycle start>`, so each cycle has its own record; an SLA alert carries
 * the deadline it is about, `<target>#<deadline>`, so each deadline has its own record. The target
 * still starts with the stage number for the ladder (`2~1773649200000@head`) and with the SLA target
 * id for SLA alerts (`contractual.firstResponse#1773655200000@team`).
 */
export function recordTarget(nag: Nag, index: number): string {
  const cycled = nag.cycleStart > 0 ? `${nag.target}~${nag.cycleStart}` : nag.target;
  const about = nag.deadline !== undefined ? `${cycled}#${nag.deadline}` : cycled;
  return index === 0 ? about : `${about}@${nag.deliveries[index].recipient}`;
}

/**
 * Whether a delivery was already made: its AlertSent record, or, for an SLA alert, a record written
 * before SLA alerts carried their deadline (`contractual.firstResponse` without `#…`), which stands
 * for whatever deadline the target had then — so upgrading never repeats an alert already sent.
 */
function alreadySent(t: FollowupInput['ticket'], nag: Nag, index: number): boolean {
  if (t.alerts[alertKey(nag.alert, recordTarget(nag, index))]) return true;
  if (nag.deadline === undefined) return false;
  const legacy: Nag = { ...nag };
  delete legacy.deadline;
  return Boolean(t.alerts[alertKey(nag.alert, recordTarget(legacy, index))]);
}

/**
 * The intent key of one delivery: ticket, alert, target (and recipient) and the instant it is
 * about, so a retry, a replay or a second worker yields the same key (the effects queue runs it once).
 */
export function alertIntentKey(ticketId: string, nag: Nag, index: number): string {
  return `alert:${nag.alert}:${ticketId}:${recordTarget(nag, index)}:${nag.dueAt}`;
}

/**
 * Turns nags into what to do now and when to look again:
 * - a nag not yet due → a wake at its due instant;
 * - a due delivery already recorded (AlertSent with its target, cycle and deadline) → nothing (one per ticket, target, stage, deadline);
 * - a due DM outside business hours (the office calendar) → held until the next opening, except
 *   for Muy Alta, which counts natural hours and may wake people;
 * - otherwise → a `slack.post` intent that records an AlertSent once posted.
 */
export function deliverNags(nags: readonly Nag[], input: FollowupInput): FollowupDecision {
  const { ticket: t, now, texts } = input;
  const lang = input.style.lang;
  const muyAlta = t.priority === 'Muy Alta';
  const intents: Intent[] = [];
  const wakes: Wake[] = [];
  for (const nag of nags) {
    if (nag.dueAt > now) {
      wakes.push({ at: nag.dueAt, clock: nag.alert, target: nag.target });
      continue;
    }
    let vars: Record<string, string | number> | null = null;
    nag.deliveries.forEach((delivery, index) => {
      const target = recordTarget(nag, index);
      if (alreadySent(t, nag, index)) return;
      if (delivery.dm && !muyAlta && !input.officeCalendar.isOpen(now)) {
        wakes.push({ at: input.officeCalendar.nextOpening(now), clock: 'quiet-hours', target: `${nag.alert}.${target}` });
        return;
      }
      vars ??= alertVars(nag, input);
      const text = alertText(texts, lang, delivery.text, vars);
      const loud = delivery.loud === true || muyAlta;
      intents.push({
        kind: 'slack.post',
        key: alertIntentKey(t.id, nag, index),
        ticketId: t.id,
        to: delivery.to,
        text: loud && !delivery.dm ? `<!here> ${text}` : text,
        blocks: alertBlocks({ texts, lang, ticket: t, intercomPattern: input.style.intercomUrl, text, loud: delivery.loud === true, detailed: nag.detailed === true && !delivery.dm, vars }),
        ...(loud ? { urgent: true } : {}),
        record: { alert: nag.alert, target },
      });
    });
  }
  return { intents, wakes };
}
