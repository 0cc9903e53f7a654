import type { SlackBlock } from '../../domain/intents';
import type { BugField, BugTemplate } from '../../schemas/bug-template';
import { encodeBugFormMeta, type BugFormMeta } from '../bug-form-meta';
import { BLOCK_LIMITS, capBlocks, context, plainText, truncate } from './limits';

/** Callback and action ids the Slack handlers listen on. */
export const BUG_IDS = {
  kindView: 'cr_bug_kind',
  kindBlock: 'kind',
  formView: 'cr_bug_submit',
  /** Every input's action id; the block id is the field id. */
  input: 'v',
  customerAction: 'cr_customer',
} as const;

/** Incident priorities, as offered in the bug form (METHODOLOGY.md, "Priority"). */
export const BUG_PRIORITIES = ['Muy Alta', 'Alta', 'Media', 'Baja'] as const;

export type SlackView = Record<string, unknown>;

/** The first step of `/bug`: choose the kind of bug. */
export function buildKindPickerView(templates: BugTemplate[], meta: BugFormMeta): SlackView {
  const options = templates.slice(0, 100).map((t) => ({
    text: plainText(t.title),
    ...(t.description ? { description: plainText(t.description) } : {}),
    value: t.id,
  }));
  return {
    type: 'modal',
    callback_id: BUG_IDS.kindView,
    title: plainText('Reportar bug', BLOCK_LIMITS.modalTitle),
    submit: plainText('Siguiente'),
    close: plainText('Cancelar'),
    private_metadata: encodeBugFormMeta(meta),
    blocks: [
      {
        type: 'input',
        block_id: BUG_IDS.kindBlock,
        label: plainText('¿Qué tipo de bug es?'),
        element: { type: 'static_select', action_id: BUG_IDS.input, placeholder: plainText('Elige el tipo'), options },
      },
      ...(meta.conversationId ? [context(`Conversación de Intercom #${meta.conversationId}`)] : []),
    ],
  };
}

function option(value: string, label: string): Record<string, unknown> {
  return { text: plainText(label), value };
}

function elementFor(field: BugField, initial: string | undefined, meta: BugFormMeta): Record<string, unknown> {
  const base: Record<string, unknown> = { action_id: BUG_IDS.input };
  if (field.placeholder) base.placeholder = plainText(field.placeholder, 150);
  const init = initial?.trim() ? initial : undefined;
  switch (field.type) {
    case 'text':
    case 'conversation':
      return { ...base, type: 'plain_text_input', max_length: field.type === 'text' ? field.maxLength : 300, ...(init ? { initial_value: truncate(init, field.type === 'text' ? field.maxLength : 300) } : {}) };
    case 'textarea':
    case 'steps':
    case 'urls':
      return {
        ...base,
        type: 'plain_text_input',
        multiline: true,
        max_length: field.type === 'urls' ? 3000 : field.maxLength,
        ...(init ? { initial_value: truncate(init, field.type === 'urls' ? 3000 : field.maxLength) } : {}),
      };
    case 'url':
      return { ...base, type: 'url_text_input', ...(init ? { initial_value: init } : {}) };
    case 'number':
      return {
        ...base,
        type: 'number_input',
        is_decimal_allowed: true,
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
        ...(init ? { initial_value: init } : {}),
      };
    case 'date':
      return { ...base, type: 'datepicker', ...(init && /^\d{4}-\d{2}-\d{2}$/.test(init) ? { initial_date: init } : {}) };
    case 'select': {
      const options = field.options.map((o) => option(o.value, o.label));
      const selected = field.options.find((o) => o.value === init);
      return { ...base, type: 'static_select', options, ...(selected ? { initial_option: option(selected.value, selected.label) } : {}) };
    }
    case 'priority': {
      const options = BUG_PRIORITIES.map((p) => option(p, p));
      const selected = BUG_PRIORITIES.find((p) => p === init);
      return { ...base, type: 'static_select', options, ...(selected ? { initial_option: option(selected, selected) } : {}) };
    }
    case 'customer':
      return {
        ...base,
        action_id: BUG_IDS.customerAction,
        type: 'external_select',
        min_query_length: 2,
        placeholder: plainText(field.placeholder ?? 'Busca la empresa'),
        ...(meta.customer ? { initial_option: option(meta.customer.id, meta.customer.name) } : {}),
      };
  }
}

/**
 * The second step: the chosen template's fields as a modal, pre-filled from `meta` (the message a
 * shortcut was used on, the conversation's company and the rules engine's priority).
 */
export function buildBugModal(template: BugTemplate, meta: BugFormMeta): SlackView {
  const prefill = meta.prefill;
  const blocks: SlackBlock[] = [];
  if (template.description) blocks.push(context(template.description));
  for (const field of template.fields) {
    const initial = field.type === 'conversation' ? prefill[field.id] ?? meta.conversationId : prefill[field.id];
    blocks.push({
      type: 'input',
      block_id: field.id,
      optional: !field.required,
      label: plainText(field.label, 2000),
      ...(field.hint ? { hint: plainText(field.hint, 2000) } : {}),
      element: elementFor(field, initial, meta),
    });
  }
  return {
    type: 'modal',
    callback_id: BUG_IDS.formView,
    title: plainText(template.title, BLOCK_LIMITS.modalTitle),
    submit: plainText('Crear en Jira'),
    close: plainText('Cancelar'),
    private_metadata: encodeBugFormMeta({ ...meta, kind: template.id }),
    blocks: capBlocks(blocks, BLOCK_LIMITS.viewBlocks, (n) => `${n} campos no caben en el formulario`),
  };
}
