import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeIntercom } from '../../../src/domain/ingest/normalize-intercom';
import { IngestError } from '../../../src/domain/ingest/ingest-error';
import { foldTicket } from '../../../src/domain/ticket';

const FIXTURES = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api', 'intercom');
const fixture = (topic: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, `webhook-${topic}.json`), 'utf8')) as Record<string, unknown>;
const CONV = '215470001234567';

describe('normalizeIntercom: Intercom notifications become domain events', () => {
  it('opens the ticket with the first message from `source`, the customer and no subject', () => {
    const { ticketId, events } = normalizeIntercom(fixture('conversation.user.created'));
    expect(ticketId).toBe(CONV);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: `intercom:${CONV}:opened`,
      kind: 'ConversationOpened',
      at: 1768380070_000,
      subject: null,
      customer: { contactId: '65a1f0c2e4b0a1b2c3d4e5f6', name: 'Marta Quintana', email: 'marta.quintana@example.com' },
      tags: [],
      assigneeId: null,
    });
    // HTML is turned into plain text for the rules engine.
    expect(events[0]).toHaveProperty('body', 'Hola, desde ayer por la tarde el pago con Bizum en el checkout devuelve un error 500 y los clientes no pueden terminar la compra. ¿Podéis revisarlo urgentemente?');
  });

  it('a public agent reply is SupportReplied, identified by its conversation part', () => {
    const { events } = normalizeIntercom(fixture('conversation.admin.replied'));
    expect(events).toEqual([
      expect.objectContaining({ id: `intercom:${CONV}:part:31245678902`, kind: 'SupportReplied', adminId: '7012345', at: 1768380425_000 }),
    ]);
  });

  it('a customer reply is CustomerMessaged', () => {
    const { events } = normalizeIntercom(fixture('conversation.user.replied'));
    expect(events).toEqual([
      expect.objectContaining({ id: `intercom:${CONV}:part:31245678904`, kind: 'CustomerMessaged', body: 'Os adjunto captura. Pasa con todos los bancos, no solo con uno.' }),
    ]);
  });

  it('an internal note is NoteAdded, not a public reply', () => {
    const { events } = normalizeIntercom(fixture('conversation.admin.noted'));
    expect(events.map((e) => e.kind)).toEqual(['NoteAdded']);
    expect(events[0]?.id).toBe(`intercom:${CONV}:part:31245678903`);
  });

  it('an assignment names the admin and the team (integers coerced to strings)', () => {
    const { events } = normalizeIntercom(fixture('conversation.admin.assigned'));
    expect(events).toEqual([expect.objectContaining({ kind: 'Assigned', adminId: '7012345', teamId: '8123456', at: 1768380270_000 })]);
  });

  it('snoozing carries until when the conversation wakes up', () => {
    const { events } = normalizeIntercom(fixture('conversation.admin.snoozed'));
    expect(events).toEqual([expect.objectContaining({ kind: 'Snoozed', until: 1768402800_000, id: `intercom:${CONV}:part:31245678905` })]);
  });

  it('closing is Closed by the admin who closed', () => {
    const { events } = normalizeIntercom(fixture('conversation.admin.closed'));
    expect(events).toEqual([expect.objectContaining({ kind: 'Closed', adminId: '7012345', at: 1768473000_000 })]);
  });

  it('a tag is Tagged, identified by the tag and when it was applied (not by the unrelated part in the payload)', () => {
    const { events } = normalizeIntercom(fixture('conversation_part.tag.created'));
    expect(events).toEqual([expect.objectContaining({ id: `intercom:${CONV}:tag:9100010:1768380570`, kind: 'Tagged', tags: ['incidencia'], at: 1768380570_000 })]);
  });

  it('reopen, unsnooze and delete are recognised', () => {
    const closed = fixture('conversation.admin.closed');
    const item = (closed.data as { item: Record<string, unknown> }).item;
    const reopened = { ...closed, topic: 'conversation.admin.opened', data: { ...(closed.data as object), item: { ...item, conversation_parts: { conversation_parts: [{ id: 99, part_type: 'open', created_at: 1768500000, author: { type: 'admin', id: '7012345' } }] } } } };
    expect(normalizeIntercom(reopened).events).toEqual([expect.objectContaining({ kind: 'Reopened', id: `intercom:${CONV}:part:99`, at: 1768500000_000 })]);
    const unsnoozed = { ...closed, id: 'notif_x', topic: 'conversation.admin.unsnoozed', data: { item: { ...item, conversation_parts: { conversation_parts: [] } } } };
    expect(normalizeIntercom(unsnoozed).events).toEqual([expect.objectContaining({ kind: 'Unsnoozed', id: `intercom:${CONV}:notif:notif_x` })]);
    const deleted = { topic: 'conversation.deleted', id: 'notif_y', created_at: 1768600000, data: { item: { id: CONV } } };
    expect(normalizeIntercom(deleted).events).toEqual([expect.objectContaining({ kind: 'Deleted', id: `intercom:${CONV}:deleted`, at: 1768600000_000 })]);
  });

  it('a rating on any later event becomes Rated, once', () => {
    const closed = fixture('conversation.admin.closed');
    const item = (closed.data as { item: Record<string, unknown> }).item;
    const rated = { ...closed, data: { item: { ...item, conversation_rating: { rating: 5, remark: 'Rapidísimos', created_at: 1768480000, teammate: { type: 'admin', id: 7012345 } } } } };
    const { events } = normalizeIntercom(rated);
    expect(events.map((e) => e.kind)).toEqual(['Closed', 'Rated']);
    expect(events[1]).toMatchObject({ id: `intercom:${CONV}:rating:1768480000000`, rating: 5, remark: 'Rapidísimos', adminId: '7012345' });
  });

  it('ping and unknown topics produce nothing', () => {
    expect(normalizeIntercom(fixture('ping'))).toEqual({ ticketId: null, events: [], ignored: 'ping' });
    expect(normalizeIntercom({ topic: 'contact.created', data: { item: {} } }).events).toEqual([]);
  });

  it('a malformed item is an IngestError naming the field', () => {
    const bad = fixture('conversation.admin.replied');
    (bad.data as { item: Record<string, unknown> }).item.id = { nope: true };
    expect(() => normalizeIntercom(bad)).toThrow(IngestError);
    expect(() => normalizeIntercom(bad)).toThrow(/data\.item\.id/);
  });

  it('the whole story folds to one ticket, whatever the order of arrival', () => {
    const topics = [
      'conversation.user.created',
      'conversation.admin.assigned',
      'conversation.admin.replied',
      'conversation.admin.noted',
      'conversation_part.tag.created',
      'conversation.user.replied',
      'conversation.admin.snoozed',
      'conversation.admin.closed',
    ];
    const events = topics.flatMap((t) => normalizeIntercom(fixture(t)).events);
    const inOrder = foldTicket(CONV, events);
    const reversed = foldTicket(CONV, [...events].reverse());
    expect(reversed).toEqual(inOrder);
    expect(inOrder).toMatchObject({ opened: true, status: 'closed', assigneeId: '7012345', tags: ['incidencia'], exchanges: 1, firstPublicReplyAt: 1768380425_000, seen: 8 });
  });
});
