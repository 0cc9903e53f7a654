import type { JiraConfig, JiraCustomField } from '../../config/jira.schema';
import type { Plan, Priority } from '../../domain/vocabulary';
import type { BugField, BugTemplate } from '../../schemas/bug-template';
import type { BugFieldValues } from '../../slack/bug-form';
import { formatInstant } from '../../slack/format-instant';
import { bulletList, doc, heading, link, listItem, orderedList, paragraph, paragraphs, strong, text, type AdfBlock, type AdfDoc, type AdfListItem } from './adf';

/** What a Jira issue for a bug is made of: the template, the agent's answers and the ticket. */
export interface BugIssueInput {
  bugId: string;
  template: BugTemplate;
  values: BugFieldValues;
  priority: Priority | null;
  /** Who filed it (a Slack user id, shown as is). */
  reportedBy: string;
  conversationId: string | null;
  conversationUrl: string | null;
  customerName: string | null;
  plan: Plan | null;
  keyAccount: boolean;
  /** The contractual SLA deadline in force, if the SLA clock knows it. */
  slaDeadline: number | null;
}

/**
 * The label that marks the issue of one bug: `cr-bug-<bugId>`. Searched before creating, so a
 * retry or a replay finds the issue instead of filing a second one.
 */
export function bugLabel(bugId: string): string {
  return `cr-bug-${bugId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The remote link's `globalId`: one per conversation, so linking again updates the link instead
 * of adding a duplicate.
 */
export function remoteLinkGlobalId(conversationId: string): string {
  return `care-relay:intercom:conversation:${conversationId}`;
}

/** Fields with one short value go in the "Detalles" list; long ones get their own heading. */
const LONG_TYPES = new Set<BugField['type']>(['textarea', 'steps', 'urls']);
/** Fields rendered elsewhere (summary line, "Cliente" list). */
const HEADER_TYPES = new Set<BugField['type']>(['customer', 'conversation', 'priority']);

function displayValue(field: BugField, value: string): string {
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.label ?? value;
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return value;
}

function stepLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\d+[.)-]|[-*•])\s*/, '').trim())
    .filter(Boolean);
}

/**
 * The issue's description in ADF: the customer block (company, plan and KA, priority, SLA
 * deadline, link to the conversation), the short answers as a list, then one section per long
 * answer (steps as a numbered list, links as links).
 */
export function renderBugDescription(input: BugIssueInput): AdfDoc {
  const { template, values } = input;
  const content: AdfBlock[] = [];
  const customer: AdfListItem[] = [];
  customer.push(listItem(strong('Empresa: '), text(input.customerName ?? values.customer ?? 'sin indicar')));
  if (input.plan || input.keyAccount) {
    customer.push(listItem(strong('Plan: '), text([input.plan ?? 'sin plan', input.keyAccount ? '(KA)' : ''].filter(Boolean).join(' '))));
  }
  customer.push(listItem(strong('Prioridad: '), text(input.priority ?? 'sin prioridad')));
  if (input.slaDeadline !== null) customer.push(listItem(strong('Límite SLA: '), text(formatInstant(input.slaDeadline) + ' (Europe/Madrid)')));
  if (input.conversationId) {
    const label = `Intercom #${input.conversationId}`;
    customer.push(listItem(strong('Conversación: '), input.conversationUrl ? link(label, input.conversationUrl) : text(label)));
  }
  content.push(heading('Cliente'), bulletList(customer));

  const details: AdfListItem[] = [];
  for (const field of template.fields) {
    const value = values[field.id];
    if (!value || field.id === 'summary' || HEADER_TYPES.has(field.type) || LONG_TYPES.has(field.type)) continue;
    const shown = displayValue(field, value);
    details.push(listItem(strong(`${field.label}: `), field.type === 'url' ? link(shown, value) : text(shown)));
  }
  if (details.length) content.push(heading('Detalles'), bulletList(details));

  for (const field of template.fields) {
    const value = values[field.id];
    if (!value || !LONG_TYPES.has(field.type)) continue;
    content.push(heading(field.label));
    if (field.type === 'steps') content.push(orderedList(stepLines(value).map((l) => listItem(text(l)))));
    else if (field.type === 'urls') content.push(bulletList(value.split(/\s+/).filter(Boolean).map((u) => listItem(link(u, u)))));
    else content.push(...paragraphs(value));
  }
  content.push(paragraph(text(`Reportado desde Slack por ${input.reportedBy} · care-relay ${input.bugId}`, [{ type: 'em' }])));
  return doc(content);
}

function customFieldValue(field: JiraCustomField, value: string): unknown {
  return field.as === 'option' ? { value } : value;
}

/** Jira's datetime format: `2026-01-14T10:41:00.000+0000`. */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Labels: the configured ones, the kind, the plan, `KA`, the template's and the bug's own label. */
export function bugLabels(input: BugIssueInput, config: JiraConfig): string[] {
  const labels = [...config.labels.always];
  if (config.labels.kind) labels.push(input.template.id);
  labels.push(...input.template.labels);
  if (config.labels.plan && input.plan) labels.push(input.plan.toLowerCase());
  if (input.keyAccount) labels.push(config.labels.keyAccount);
  labels.push(bugLabel(input.bugId));
  return [...new Set(labels)];
}

/** The `fields` of `POST /rest/api/3/issue` for a bug. */
export function buildBugIssueFields(input: BugIssueInput, config: JiraConfig): Record<string, unknown> {
  const prefix = input.template.summaryPrefix ? `${input.template.summaryPrefix} ` : '';
  const rawSummary = `${prefix}${(input.values.summary ?? input.template.title).replace(/\s+/g, ' ').trim()}`;
  const chars = Array.from(rawSummary);
  const summary = chars.length > config.summaryMaxLength ? chars.slice(0, config.summaryMaxLength - 1).join('') + '…' : rawSummary;
  const fields: Record<string, unknown> = {
    project: { key: config.project },
    issuetype: { name: config.issueType },
    summary,
    description: renderBugDescription(input),
    labels: bugLabels(input, config),
  };
  const jiraPriority = input.priority ? config.priorities[input.priority] : undefined;
  if (jiraPriority) fields.priority = { name: jiraPriority };
  const custom = config.fields;
  const customer = input.customerName ?? input.values.customer;
  if (custom.customer && customer) fields[custom.customer.id] = customFieldValue(custom.customer, customer);
  if (custom.plan && input.plan) fields[custom.plan.id] = customFieldValue(custom.plan, input.plan);
  if (custom.slaDeadline && input.slaDeadline !== null) {
    fields[custom.slaDeadline.id] = custom.slaDeadline.as === 'datetime' ? jiraDateTime(input.slaDeadline) : formatInstant(input.slaDeadline);
  }
  if (custom.intercomUrl && input.conversationUrl) fields[custom.intercomUrl.id] = customFieldValue(custom.intercomUrl, input.conversationUrl);
  return fields;
}
