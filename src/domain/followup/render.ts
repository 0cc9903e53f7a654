import { renderText, type TextCatalog } from '../../templates/text';
import type { Ticket } from '../ticket';
import type { Language } from '../vocabulary';
import { customerName, formatInstant, formatSpan, intercomUrl, priorityOf } from './format';
import type { FollowupInput, Nag } from './types';

/** A text of the `alerts` group, falling back to `fallback` when the catalog has no such key. */
export function alertText(texts: TextCatalog, lang: Language, key: string, vars: Record<string, string | number> = {}, fallback?: string): string {
  const full = `alerts.${key}`;
  if (fallback !== undefined && texts[lang]?.[full] === undefined && texts.es?.[full] === undefined) return fallback;
  return renderText(texts, lang, full, vars);
}

/** Links every alert carries: the Intercom conversation, and the Jira issue when there is one (Slack mrkdwn). */
export function ticketLinks(t: Ticket, pattern: string): { intercom: string; jira: string | null; mrkdwn: string } {
  const intercom = intercomUrl(pattern, t.id);
  const jira = t.jira && t.jira.url ? t.jira.url : null;
  const parts = [`<${intercom}|Intercom #${t.id}>`];
  if (jira && t.jira) parts.push(`<${jira}|Jira ${t.jira.key}>`);
  return { intercom, jira, mrkdwn: parts.join(' · ') };
}

/** A target id (`contractual.firstResponse`) in words: "primera respuesta (contractual)". */
export function targetLabel(texts: TextCatalog, lang: Language, targetId: string): string {
  const [scope, measure = targetId] = targetId.split('.');
  const what = alertText(texts, lang, `measure-${measure}`, {}, measure);
  const kind = alertText(texts, lang, `scope-${scope}`, {}, scope);
  return `${what} (${kind})`;
}

/** Every placeholder an alert text may use, computed from the ticket, the nag and `now`. */
export function alertVars(nag: Nag, input: FollowupInput): Record<string, string | number> {
  const { ticket: t, now, config, texts } = input;
  const lang = input.style.lang;
  const zone = input.calendar.zone;
  const links = ticketLinks(t, input.style.intercomUrl);
  const vars: Record<string, string | number> = {
    ticket: t.id,
    subject: t.subject ?? '—',
    customer: customerName(t),
    plan: t.company?.plan ?? '—',
    priority: priorityOf(t) ?? '—',
    type: t.type ?? '—',
    ka: t.keyAccount ? alertText(texts, lang, 'ka-badge') + ' ' : '',
    links: links.mrkdwn,
    age: t.createdAt === null ? '—' : formatSpan(now - t.createdAt),
    exchanges: t.exchanges,
  };
  for (const [k, v] of Object.entries(nag.vars)) {
    if (k === 'deadlineAt' && typeof v === 'number') {
      vars.deadline = formatInstant(v, zone, lang);
      vars.late = formatSpan(now - v);
      vars.remaining = formatSpan(v - now);
    } else if (k === 'sinceAt' && typeof v === 'number') {
      vars.since = formatInstant(v, zone, lang);
    } else if (k === 'targetId' && typeof v === 'string') {
      vars.target = targetLabel(texts, lang, v);
    } else if (k === 'targetMs' && typeof v === 'number') {
      vars.targetSpan = v > 0 ? formatSpan(v) : '—';
    } else if (k === 'stage' && typeof v === 'number') {
      vars.stage = v;
      vars.guidance = config.ladder.guidance[String(v) as '1' | '2' | '3' | '4'] ?? alertText(texts, lang, `ladder-guidance-${v}`);
    } else {
      vars[k] = v;
    }
  }
  return vars;
}
