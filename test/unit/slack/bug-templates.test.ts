import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUG_TEMPLATES_DIR, BugTemplateError, loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { BUG_IDS, buildBugModal, buildKindPickerView } from '../../../src/slack/blocks/bug-modal';
import { conversationOf, readBugForm, validateBugForm, type SlackStateValues } from '../../../src/slack/bug-form';
import { decodeBugFormMeta, encodeBugFormMeta } from '../../../src/slack/bug-form-meta';
import type { BugTemplate } from '../../../src/schemas/bug-template';

const templates = loadBugTemplates();
const REQUIRED_KINDS = ['checkout-payments', 'erp-crm-pim', 'performance', 'visual-content', 'accounts-registration', 'other'];
/** What every template must ask (METHODOLOGY.md, "Bug reports to developers"). */
const METHODOLOGY_FIELDS = ['summary', 'customer', 'conversation', 'environment', 'module', 'happened', 'expected', 'steps', 'since', 'usersAffected', 'links', 'priority'];

/** A valid answer for each field type, as Slack sends it in view.state.values. */
function answer(t: BugTemplate): SlackStateValues {
  const values: SlackStateValues = {};
  for (const f of t.fields) {
    const v: Record<string, unknown> = {};
    switch (f.type) {
      case 'text':
        v.value = f.format ? 'cliente@example.com' : 'Algo falla';
        break;
      case 'textarea':
        v.value = 'Texto\nen dos líneas';
        break;
      case 'steps':
        v.value = '1. Abrir\n2. Pulsar';
        break;
      case 'select':
        v.selected_option = { value: f.options[0].value, text: { text: f.options[0].label } };
        break;
      case 'priority':
        v.selected_option = { value: 'Alta', text: { text: 'Alta' } };
        break;
      case 'date':
        v.selected_date = '2026-01-13';
        break;
      case 'number':
        v.value = '12';
        break;
      case 'url':
        v.value = 'https://www.example.com/es/checkout';
        break;
      case 'urls':
        v.value = 'https://img.example.com/1.png\nhttps://img.example.com/2.png';
        break;
      case 'conversation':
        v.value = 'https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567';
        break;
      case 'customer':
        values[f.id] = { [BUG_IDS.customerAction]: { selected_option: { value: '6582f1a9', text: { text: 'Calzados Ribera S.L.' } } } };
        continue;
    }
    values[f.id] = { [BUG_IDS.input]: v };
  }
  return values;
}

describe('bug templates', () => {
  it('ship the six kinds of the issue, each asking everything the methodology asks', () => {
    expect(templates.map((t) => t.id)).toEqual(REQUIRED_KINDS);
    for (const t of templates) expect(t.fields.map((f) => f.id)).toEqual(expect.arrayContaining(METHODOLOGY_FIELDS));
  });

  it.each(REQUIRED_KINDS)('%s: its modal opens within Block Kit limits, one input per field, the priority pre-filled', (kind) => {
    const t = templates.find((x) => x.id === kind)!;
    const view = buildBugModal(t, { conversationId: '215470001234567', prefill: { priority: 'Muy Alta' }, customer: { id: 'c1', name: 'Calzados Ribera S.L.' } });
    const blocks = view.blocks as { type: string; block_id?: string; optional?: boolean; element?: Record<string, unknown> }[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    expect((view.title as { text: string }).text.length).toBeLessThanOrEqual(24);
    expect((view.private_metadata as string).length).toBeLessThanOrEqual(3000);
    const inputs = blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(t.fields.map((f) => f.id));
    expect(inputs.find((b) => b.block_id === 'links')?.optional).toBe(kind !== 'visual-content');
    expect(inputs.find((b) => b.block_id === 'priority')?.element?.initial_option).toEqual({ text: { type: 'plain_text', text: 'Muy Alta', emoji: true }, value: 'Muy Alta' });
    expect(inputs.find((b) => b.block_id === 'conversation')?.element?.initial_value).toBe('215470001234567');
    expect(inputs.find((b) => b.block_id === 'customer')?.element).toMatchObject({ type: 'external_select', action_id: 'cr_customer', initial_option: { value: 'c1' } });
    expect(decodeBugFormMeta(view.private_metadata as string).kind).toBe(kind);
  });

  it.each(REQUIRED_KINDS)('%s: a complete answer validates, an empty one lists every required field', (kind) => {
    const t = templates.find((x) => x.id === kind)!;
    const values = readBugForm(t, answer(t));
    expect(validateBugForm(t, values, '2026-01-14')).toEqual({});
    expect(values.customer).toBe('Calzados Ribera S.L.');
    expect(values['customer.id']).toBe('6582f1a9');
    expect(conversationOf(t, values)).toBe('215470001234567');
    const required = t.fields.filter((f) => f.required).map((f) => f.id);
    expect(Object.keys(validateBugForm(t, {}, '2026-01-14')).sort()).toEqual(required.sort());
  });

  it('checks formats: URLs, the conversation, dates in the future, numbers in range, e-mail pattern', () => {
    const perf = templates.find((t) => t.id === 'performance')!;
    const good = readBugForm(perf, answer(perf));
    const errors = validateBugForm(perf, { ...good, affectedUrl: 'www.example.com', conversation: 'la de ayer', since: '2026-02-01', responseTime: '9999', links: 'https://ok.example.com nota' }, '2026-01-14');
    expect(errors).toEqual({
      affectedUrl: 'Escribe una URL que empiece por https://',
      conversation: 'Pega el enlace de la conversación de Intercom o su número.',
      since: 'La fecha no puede ser futura.',
      responseTime: 'Como máximo 3600.',
      links: 'No es una URL: nota',
    });
    const accounts = templates.find((t) => t.id === 'accounts-registration')!;
    const acc = readBugForm(accounts, answer(accounts));
    expect(validateBugForm(accounts, { ...acc, affectedAccount: 'no-es-un-email' }, '2026-01-14')).toEqual({ affectedAccount: 'Escribe un e-mail válido, p. ej. cliente@example.com' });
  });

  it('the kind picker offers every template', () => {
    const view = buildKindPickerView(templates, { prefill: {} });
    const select = (view.blocks as { element?: { options: { value: string }[] } }[])[0].element!;
    expect(select.options.map((o) => o.value)).toEqual(REQUIRED_KINDS);
    expect(view.callback_id).toBe(BUG_IDS.kindView);
  });

  it('keeps private_metadata under 3000 characters by shortening the longest pre-filled text', () => {
    const meta = { conversationId: '1', prefill: { summary: 'corto', happened: 'a'.repeat(5000) } };
    const json = encodeBugFormMeta(meta);
    expect(json.length).toBeLessThanOrEqual(3000);
    const back = decodeBugFormMeta(json);
    expect(back.prefill.summary).toBe('corto');
    expect(back.prefill.happened.endsWith('…')).toBe(true);
    expect(decodeBugFormMeta('not json')).toEqual({ prefill: {} });
  });

  describe('a wrong template file is refused, naming the file and the key', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bug-templates-'));
      fs.copyFileSync(path.join(BUG_TEMPLATES_DIR, '_common.yaml'), path.join(dir, '_common.yaml'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('an unknown common field', () => {
      fs.writeFileSync(path.join(dir, 'x.yaml'), 'id: x\ntitle: X\nfields: [summary, nope]\n');
      expect(() => loadBugTemplates(dir)).toThrow(/x\.yaml: fields\.1: no common field "nope"/);
    });

    it('a template without a summary, or a title too long for a modal', () => {
      fs.writeFileSync(path.join(dir, 'x.yaml'), 'id: x\ntitle: Un título demasiado largo para Slack\nfields: [module]\n');
      let err: Error | null = null;
      try {
        loadBugTemplates(dir);
      } catch (e) {
        err = e as Error;
      }
      expect(err).toBeInstanceOf(BugTemplateError);
      expect(err!.message).toContain('title:');
      expect(err!.message).toContain('a template needs a required text field with id "summary"');
    });
  });
});
