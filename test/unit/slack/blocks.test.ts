import { BLOCK_LIMITS, capBlocks, section, truncate } from '../../../src/slack/blocks/limits';
import { buildBugThreadRoot } from '../../../src/slack/blocks/bug-thread';
import { buildHomeView, compareHomeTickets, type HomeTicket } from '../../../src/slack/blocks/home-view';
import { buildTicketView } from '../../../src/slack/blocks/ticket-view';
import { reclassifyError } from '../../../src/slack/blocks/reclassify-modal';
import { findConversationLink, parseConversationRef } from '../../../src/slack/conversation-ref';
import { emptyTicket, type Ticket } from '../../../src/domain/ticket';

const NOW = Date.UTC(2026, 0, 14, 9, 0);
const MIN = 60_000;

function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return { ...emptyTicket(id), opened: true, createdAt: NOW - 60 * MIN, ...over };
}

describe('Block Kit limits', () => {
  it('cuts a section at 3000 characters without splitting an emoji', () => {
    const text = 'a'.repeat(2998) + '😀😀😀';
    const cut = truncate(text, 3000);
    expect(Array.from(cut)).toHaveLength(3000);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(((section('x'.repeat(5000)) as { text: { text: string } }).text.text).length).toBe(3000);
  });

  it('keeps at most 50 blocks in a message, the last one saying how many were left out', () => {
    const blocks = Array.from({ length: 70 }, (_, i) => section(`b${i}`));
    const capped = capBlocks(blocks, BLOCK_LIMITS.messageBlocks, (n) => `${n} más`);
    expect(capped).toHaveLength(50);
    expect(capped[49]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '21 más' }] });
    expect(capBlocks(blocks.slice(0, 3), 50, () => '')).toHaveLength(3);
  });
});

describe('conversation references', () => {
  it('reads ids and Intercom inbox links', () => {
    expect(parseConversationRef(' 215470001234567 ')).toBe('215470001234567');
    expect(parseConversationRef('#215470001234567')).toBe('215470001234567');
    expect(parseConversationRef('https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567?view=List')).toBe('215470001234567');
    expect(parseConversationRef('https://app.intercom.com/a/apps/k7r2mq9x/conversations/215470001234567')).toBe('215470001234567');
    expect(parseConversationRef('https://example.com/conversation/1')).toBeNull();
    expect(parseConversationRef('la de ayer')).toBeNull();
  });

  it('finds the Intercom link inside a Slack message', () => {
    const text = 'Mirad esto <https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567|la conversación> urgente';
    expect(findConversationLink(text)).toEqual({ id: '215470001234567', url: 'https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567' });
    expect(findConversationLink('Calzados Ribera dice que Bizum falla')).toBeNull();
  });
});

describe('the bug thread root', () => {
  it('shows kind, customer, plan, KA badge, priority, SLA deadline and both links', () => {
    const root = buildBugThreadRoot({
      kindTitle: 'Checkout y pagos',
      summary: 'El pago con Bizum devuelve error 500',
      customerName: 'Calzados Ribera S.L.',
      plan: 'Platinum',
      keyAccount: true,
      priority: 'Muy Alta',
      slaDeadline: Date.UTC(2026, 0, 14, 9, 41),
      jira: { key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482' },
      conversationId: '215470001234567',
      intercomUrl: 'https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567',
      reportedBy: 'U05LUFER001',
    });
    const json = JSON.stringify(root.blocks);
    expect(root.text).toBe('Bug INC-482 · Checkout y pagos · Calzados Ribera S.L. (KA): El pago con Bizum devuelve error 500');
    expect(json).toContain('*Bug · Checkout y pagos* · <https://example.atlassian.net/browse/INC-482|INC-482>');
    expect(json).toContain('*Cliente*\\nCalzados Ribera S.L. :large_orange_diamond: *KA*');
    expect(json).toContain('*Plan*\\nPlatinum');
    expect(json).toContain('*Prioridad*\\nMuy Alta');
    expect(json).toContain('*Límite SLA*\\n14/01 10:41');
    expect(json).toContain('<https://app.intercom.com/a/inbox/k7r2mq9x/inbox/conversation/215470001234567|Intercom #215470001234567>');
    expect(json).toContain('Reportado por <@U05LUFER001>');
  });
});

describe('App Home', () => {
  const home = (id: string, deadline: number | null, ka = false, createdAt = NOW - 60 * MIN): HomeTicket => ({ ticket: ticket(id, { keyAccount: ka, createdAt }), deadline });

  it('orders by SLA time remaining, KA first among equals, then the oldest', () => {
    const list = [
      home('late-by-nothing', null),
      home('in-2h', NOW + 120 * MIN),
      home('in-30m', NOW + 30 * MIN),
      home('in-30m-ka', NOW + 30 * MIN + 10_000, true),
      home('breached', NOW - 5 * MIN),
      home('no-clock-old', null, false, NOW - 600 * MIN),
    ];
    expect([...list].sort(compareHomeTickets).map((h) => h.ticket.id)).toEqual(['breached', 'in-30m-ka', 'in-30m', 'in-2h', 'no-clock-old', 'late-by-nothing']);
  });

  it('fits 300 open tickets into Slack\'s 100 blocks', () => {
    const many = Array.from({ length: 300 }, (_, i) => home(`t${i}`, NOW + i * MIN));
    const view = buildHomeView({ tickets: many, now: NOW, intercomUrl: (id) => `https://x/${id}` });
    const blocks = view.blocks as { type: string; elements?: { text: string }[] }[];
    expect(view.type).toBe('home');
    expect(blocks).toHaveLength(100);
    // 95 tickets shown (4 blocks of frame, 1 to say what is missing): 205 left out.
    expect(blocks[98].elements![0].text).toBe('… y 205 tickets más. Usa `/ticket <id>` para ver uno.');
    expect(blocks[99].elements![0].text).toContain('Ordenados por tiempo restante de SLA');
  });
});

describe('/ticket', () => {
  it('shows type, priority, KA, SLA clocks, ladder stage and the Jira link', () => {
    const t = ticket('215470001234567', {
      type: 'incidencia',
      priority: 'Muy Alta',
      keyAccount: true,
      company: { id: 'c', name: 'Calzados Ribera S.L.', plan: 'Platinum', tags: ['KA'] },
      jira: { key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482', status: 'In Progress', statusCategory: 'indeterminate' },
    });
    const view = buildTicketView({
      ticket: t,
      now: NOW,
      intercomUrl: 'https://app.intercom.com/x/215470001234567',
      sla: [{ label: 'Primera respuesta (contractual)', deadline: NOW + 41 * MIN, state: 'at-risk' }],
      ladderStage: 2,
    });
    const json = JSON.stringify(view.blocks);
    expect(view.text).toBe('#215470001234567 · Calzados Ribera S.L.');
    expect(json).toContain('*Tipo:* incidencia · *Prioridad:* Muy Alta · :large_orange_diamond: *KA*');
    expect(json).toContain(':large_orange_circle: *Primera respuesta (contractual):* 14/01 10:41 (quedan 41m) · at-risk');
    expect(json).toContain('*Escalera de seguimiento:* 2.º aviso');
    expect(json).toContain('<https://example.atlassian.net/browse/INC-482|INC-482> (In Progress)');
  });
});

describe('reclassification', () => {
  it('refuses priorities that do not fit the type', () => {
    expect(reclassifyError('incidencia', 'Urgente')).toHaveProperty('priority');
    expect(reclassifyError('evolutivo', 'Muy Alta')).toHaveProperty('priority');
    expect(reclassifyError('consulta', 'Alta')).toHaveProperty('priority');
    expect(reclassifyError('evolutivo', 'Urgente')).toEqual({});
    expect(reclassifyError('incidencia', 'Alta')).toEqual({});
  });
});

describe('the customer search of the bug form', () => {
  it('finds known companies by part of their name, ignoring case and accents', async () => {
    const { MemoryTicketStore } = await import('../../helpers/slack-jira');
    const { searchKnownCompanies } = await import('../../../src/slack/search-known-companies');
    const store = new MemoryTicketStore();
    const open = (id: string, company: { id: string; name: string }) =>
      store.add(id, [{ id: `o-${id}`, ticketId: id, at: NOW, source: 'intercom', kind: 'ConversationOpened', company: { ...company, tags: [] } }]);
    await open('1', { id: 'c1', name: 'Calzados Ribera S.L.' });
    await open('2', { id: 'c2', name: 'Peñalara Deportes' });
    await open('3', { id: 'c1', name: 'Calzados Ribera S.L.' });
    const search = searchKnownCompanies(store);
    expect(await search('RIBERA')).toEqual([{ id: 'c1', name: 'Calzados Ribera S.L.' }]);
    expect(await search('penal')).toEqual([{ id: 'c2', name: 'Peñalara Deportes' }]);
    expect(await search('a')).toEqual([]);
  });
});
