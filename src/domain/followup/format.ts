import type { Ticket } from '../ticket';
import type { Language, Priority } from '../vocabulary';

/** Intl formatters are costly to build: one per zone, language and shape, kept for reuse. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = FORMATTERS.get(key);
  if (!f) {
    f = make();
    FORMATTERS.set(key, f);
  }
  return f;
}

/**
 * Formats an instant as local wall time in `zone`, e.g. `lun 23/11 16:00` / `Mon 23/11 16:00`.
 * Intl with an explicit instant is pure (no system clock).
 */
export function formatInstant(at: number, zone: string, lang: Language): string {
  const parts = formatter(`${lang}|${zone}|instant`, () =>
    new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { timeZone: zone, weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday').replace('.', '')} ${get('day')}/${get('month')} ${get('hour')}:${get('minute')}`;
}

/** The local calendar date `YYYY-MM-DD` of an instant in `zone`. */
export function localDate(at: number, zone: string): string {
  const parts = formatter(`${zone}|date`, () => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A length of time for people: `45m`, `3h 10m`, `2d 4h` (days of 24 h). */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return `${m}m`;
}

/** The Intercom conversation URL from the configured pattern (`{id}` replaced). */
export function intercomUrl(pattern: string, ticketId: string): string {
  return pattern.replace('{id}', encodeURIComponent(ticketId));
}

/**
 * Order of urgency for lists: Muy Alta, Alta, Urgente (evolutivo), Media, Baja, then unclassified.
 * An Urgente evolutivo is a customer's demand, not an outage, so it ranks below Alta incidents.
 */
const PRIORITY_RANK: Record<Priority, number> = { 'Muy Alta': 0, Alta: 1, Urgente: 2, Media: 3, Baja: 4 };

export function priorityOf(t: Ticket): Priority | null {
  return t.priority ?? t.evoCriticality ?? null;
}

export function priorityRank(t: Ticket): number {
  const p = priorityOf(t);
  return p === null ? 5 : PRIORITY_RANK[p];
}

/** Priority first, then key accounts, then the oldest ticket (the methodology's order). */
export function compareTickets(a: Ticket, b: Ticket): number {
  return (
    priorityRank(a) - priorityRank(b) ||
    Number(b.keyAccount) - Number(a.keyAccount) ||
    (a.createdAt ?? Number.MAX_SAFE_INTEGER) - (b.createdAt ?? Number.MAX_SAFE_INTEGER) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The customer as people call it: the company name, else the contact, else the id. */
export function customerName(t: Ticket): string {
  return t.company?.name ?? t.customer?.name ?? t.customer?.email ?? t.company?.id ?? '—';
}
