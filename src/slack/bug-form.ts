import type { BugField, BugTemplate } from '../schemas/bug-template';
import { BUG_IDS } from './blocks/bug-modal';
import { parseConversationRef } from './conversation-ref';

/** One input's value in `view.state.values[block][action]`, as Slack sends it. */
export interface SlackInputState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string; text?: { text: string } } | null;
  selected_user?: string | null;
}
export type SlackStateValues = Record<string, Record<string, SlackInputState>>;

/**
 * The submitted bug, field id → text. The customer field holds the company's name and
 * `<field>.id` its Intercom id (field ids cannot contain dots, so the key never clashes).
 */
export type BugFieldValues = Record<string, string>;

function inputOf(values: SlackStateValues, field: BugField): SlackInputState | undefined {
  const block = values[field.id];
  if (!block) return undefined;
  return block[field.type === 'customer' ? BUG_IDS.customerAction : BUG_IDS.input] ?? Object.values(block)[0];
}

/** Reads a submitted bug modal into field values (empty inputs are left out). */
export function readBugForm(template: BugTemplate, values: SlackStateValues): BugFieldValues {
  const out: BugFieldValues = {};
  for (const field of template.fields) {
    const input = inputOf(values, field);
    if (!input) continue;
    if (field.type === 'customer') {
      const opt = input.selected_option;
      if (opt) {
        out[field.id] = opt.text?.text ?? opt.value;
        out[`${field.id}.id`] = opt.value;
      }
      continue;
    }
    const raw = input.selected_option?.value ?? input.selected_date ?? input.value ?? null;
    if (raw !== null && raw.trim() !== '') out[field.id] = raw.trim();
  }
  return out;
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Why one field's value is not acceptable, or null. Messages are for the agent, in the modal. */
function fieldError(field: BugField, value: string | undefined, today: string | undefined): string | null {
  if (value === undefined || value === '') return field.required ? 'Este campo es obligatorio.' : null;
  switch (field.type) {
    case 'text':
      if (Array.from(value).length > field.maxLength) return `Como mucho ${field.maxLength} caracteres.`;
      if (field.format && !new RegExp(field.format.pattern).test(value)) return field.format.message;
      return null;
    case 'textarea':
    case 'steps':
      if (Array.from(value).length > field.maxLength) return `Como mucho ${field.maxLength} caracteres.`;
      if (field.type === 'steps' && value.split('\n').filter((l) => l.trim()).length < 1) return 'Escribe al menos un paso.';
      return null;
    case 'url':
      return isHttpUrl(value) ? null : 'Escribe una URL que empiece por https://';
    case 'urls': {
      const bad = value.split(/\s+/).filter((l) => l && !isHttpUrl(l));
      return bad.length ? `No es una URL: ${bad[0].slice(0, 80)}` : null;
    }
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n)) return 'Escribe un número.';
      if (field.min !== undefined && n < field.min) return `Como mínimo ${field.min}.`;
      if (field.max !== undefined && n > field.max) return `Como máximo ${field.max}.`;
      return null;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Elige una fecha.';
      if (today && value > today) return 'La fecha no puede ser futura.';
      return null;
    case 'conversation':
      return parseConversationRef(value) ? null : 'Pega el enlace de la conversación de Intercom o su número.';
    case 'select':
      return field.options.some((o) => o.value === value) ? null : 'Elige una de las opciones.';
    case 'priority':
      return ['Muy Alta', 'Alta', 'Media', 'Baja'].includes(value) ? null : 'Elige una prioridad.';
    case 'customer':
      return null;
  }
}

/**
 * Checks required fields and formats. Returns block id → message, the shape of Slack's
 * `response_action: "errors"`; empty when the bug can be filed. `today` (YYYY-MM-DD, the agent's
 * calendar day) rejects dates in the future when given.
 */
export function validateBugForm(template: BugTemplate, values: BugFieldValues, today?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of template.fields) {
    const err = fieldError(field, values[field.id], today);
    if (err) errors[field.id] = err;
  }
  return errors;
}

/** The conversation id in a submitted bug, if its template has the field and it was filled. */
export function conversationOf(template: BugTemplate, values: BugFieldValues): string | null {
  const field = template.fields.find((f) => f.type === 'conversation');
  const value = field ? values[field.id] : undefined;
  return value ? parseConversationRef(value) : null;
}
