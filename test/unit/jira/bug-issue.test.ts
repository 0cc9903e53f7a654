import { buildBugIssueFields, bugLabel, remoteLinkGlobalId, renderBugDescription, jiraDateTime, type BugIssueInput } from '../../../src/adapters/jira/bug-issue';
import { JiraConfigSchema } from '../../../src/config/jira.schema';
import { loadBugTemplates } from '../../../src/slack/load-bug-templates';
import { apiFixture } from '../../helpers/slack-jira';

const templates = loadBugTemplates();
const checkout = templates.find((t) => t.id === 'checkout-payments')!;
const config = JiraConfigSchema.parse({
  project: 'INC',
  fields: { customer: { id: 'customfield_10058' }, plan: { id: 'customfield_10059', as: 'option' }, slaDeadline: { id: 'customfield_10061', as: 'datetime' }, intercomUrl: { id: 'customfield_10060', as: 'url' } },
});

const URL = 'https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567';
function input(over: Partial<BugIssueInput> = {}): BugIssueInput {
  return {
    bugId: '215470001234567',
    template: checkout,
    values: {
      summary: 'El pago con Bizum devuelve error 500',
      customer: 'Calzados Ribera S.L.',
      'customer.id': '6582f1a9c4d2e10001a3b4c5',
      conversation: '215470001234567',
      environment: 'production',
      module: 'Checkout',
      paymentMethod: 'bizum',
      happened: 'Pantalla de error 500; el pedido no se crea.',
      expected: 'El pedido se crea y se cobra con Bizum.',
      steps: '1. Añadir cualquier producto al carrito\n2. Ir al checkout e identificarse como cliente\n3. Elegir Bizum como método de pago y confirmar',
      since: '2026-01-13',
      usersAffected: 'all',
      links: 'https://www.example.com/soporte/guias/incidencias-pago',
      priority: 'Muy Alta',
    },
    priority: 'Muy Alta',
    reportedBy: 'U05LUFER001',
    conversationId: '215470001234567',
    conversationUrl: URL,
    customerName: 'Calzados Ribera S.L.',
    plan: 'Platinum',
    keyAccount: true,
    slaDeadline: Date.UTC(2026, 0, 14, 9, 41),
    ...over,
  };
}

describe('the Jira issue of a bug filed from Slack', () => {
  it('writes the customer block as the fixture does: strong labels, plan with KA, priority, link to the conversation', () => {
    const adf = renderBugDescription(input());
    const fixture = apiFixture<{ content: unknown[] }>('jira/adf-bug-description.json');
    expect(adf.type).toBe('doc');
    expect(adf.version).toBe(1);
    expect(adf.content[0]).toEqual(fixture.content[2]); // heading "Cliente"
    const list = adf.content[1] as { type: string; content: unknown[] };
    expect(list.type).toBe('bulletList');
    const fixtureList = fixture.content[3] as { content: unknown[] };
    expect(list.content[0]).toEqual(fixtureList.content[0]); // Empresa: Calzados Ribera S.L.
    expect(list.content[1]).toEqual(fixtureList.content[1]); // Plan: Platinum (KA)
    expect(list.content).toContainEqual(fixtureList.content[3]); // Conversación: Intercom #… (link)
    expect(list.content).toContainEqual({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Límite SLA: ', marks: [{ type: 'strong' }] }, { type: 'text', text: '14/01 10:41 (Europe/Madrid)' }] }],
    });
  });

  it('renders the steps to reproduce as a numbered list without the agent\'s own numbers', () => {
    const adf = renderBugDescription(input());
    const fixture = apiFixture<{ content: unknown[] }>('jira/adf-bug-description.json');
    const i = adf.content.findIndex((b) => b.type === 'heading' && (b.content[0] as { text: string }).text === 'Pasos para reproducir');
    expect(i).toBeGreaterThan(0);
    expect(adf.content[i + 1]).toEqual(fixture.content[5]);
  });

  it('lists short answers under "Detalles" with option labels and dates as people read them', () => {
    const adf = renderBugDescription(input());
    const i = adf.content.findIndex((b) => b.type === 'heading' && (b.content[0] as { text: string }).text === 'Detalles');
    const texts = (adf.content[i + 1] as { content: { content: { content: { text: string }[] }[] }[] }).content.map((li) => li.content[0].content.map((t) => t.text).join(''));
    expect(texts).toEqual(['Entorno: Producción', 'Módulo: Checkout', 'Método de pago: Bizum', 'Desde cuándo: 13/01/2026', 'Usuarios afectados: Todos los usuarios']);
  });

  it('makes links and screenshots clickable', () => {
    const adf = renderBugDescription(input());
    const i = adf.content.findIndex((b) => b.type === 'heading' && (b.content[0] as { text: string }).text === 'Enlaces o capturas');
    expect(adf.content[i + 1]).toEqual({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'https://www.example.com/soporte/guias/incidencias-pago', marks: [{ type: 'link', attrs: { href: 'https://www.example.com/soporte/guias/incidencias-pago' } }] }] }],
        },
      ],
    });
  });

  it('maps the fields: project, type, prefixed summary, Jira priority, labels and custom fields', () => {
    const fields = buildBugIssueFields(input(), config);
    expect(fields.project).toEqual({ key: 'INC' });
    expect(fields.issuetype).toEqual({ name: 'Bug' });
    expect(fields.summary).toBe('[Checkout] El pago con Bizum devuelve error 500');
    expect(fields.priority).toEqual({ name: 'Highest' });
    expect(fields.labels).toEqual(['care-relay', 'checkout-payments', 'checkout', 'platinum', 'KA', 'cr-bug-215470001234567']);
    expect(fields.customfield_10058).toBe('Calzados Ribera S.L.');
    expect(fields.customfield_10059).toEqual({ value: 'Platinum' });
    expect(fields.customfield_10061).toBe('2026-01-14T09:41:00.000+0000');
    expect(fields.customfield_10060).toBe(URL);
  });

  it('leaves out what is unknown: no plan label, no KA, no priority, no SLA field', () => {
    const fields = buildBugIssueFields(input({ plan: null, keyAccount: false, priority: null, slaDeadline: null }), config);
    expect(fields.labels).toEqual(['care-relay', 'checkout-payments', 'checkout', 'cr-bug-215470001234567']);
    expect(fields).not.toHaveProperty('priority');
    expect(fields).not.toHaveProperty('customfield_10061');
    expect(fields).not.toHaveProperty('customfield_10059');
  });

  it('cuts a long summary to Jira\'s 255 characters', () => {
    const fields = buildBugIssueFields(input({ values: { ...input().values, summary: 'x'.repeat(400) } }), config);
    expect(Array.from(fields.summary as string)).toHaveLength(255);
    expect((fields.summary as string).endsWith('…')).toBe(true);
  });

  it('derives the label and the remote link id from the bug and the conversation only', () => {
    expect(bugLabel('215470001234567')).toBe('cr-bug-215470001234567');
    expect(bugLabel('V0A1 B2:C3')).toBe('cr-bug-V0A1_B2_C3');
    expect(remoteLinkGlobalId('215470001234567')).toBe('care-relay:intercom:conversation:215470001234567');
    expect(jiraDateTime(Date.UTC(2026, 0, 14, 9, 41))).toBe('2026-01-14T09:41:00.000+0000');
  });
});
