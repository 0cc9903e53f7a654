import { randomUUID } from 'node:crypto';
import IORedis, { type Redis } from 'ioredis';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { ticketKeys } from '../../../src/adapters/redis/ticket-keys';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../../../src/domain/events';
import { foldTicket } from '../../../src/domain/ticket';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `crtest-store-${randomUUID().slice(0, 8)}`;
const T = '900000000000001';
const ev = (input: DomainEventInput): DomainEvent => DomainEventSchema.parse(input);

const opened = ev({ id: `intercom:${T}:opened`, ticketId: T, at: 1_000, source: 'intercom', kind: 'ConversationOpened', body: 'El checkout falla' });
const reply = ev({ id: `intercom:${T}:part:2`, ticketId: T, at: 2_000, source: 'intercom', kind: 'SupportReplied', adminId: '7' });
const customer = ev({ id: `intercom:${T}:part:3`, ticketId: T, at: 3_000, source: 'intercom', kind: 'CustomerMessaged', body: 'sigue igual' });
const closed = ev({ id: `intercom:${T}:part:4`, ticketId: T, at: 4_000, source: 'intercom', kind: 'Closed' });

describe('RedisTicketStore (real Redis)', () => {
  let a: Redis;
  let b: Redis;

  beforeAll(() => {
    a = new IORedis(REDIS_URL);
    b = new IORedis(REDIS_URL);
  });
  afterEach(async () => {
    const keys = await a.keys(`${PREFIX}:*`);
    if (keys.length > 0) await a.del(...keys);
  });
  afterAll(async () => {
    await a.quit();
    await b.quit();
  });

  it('a reply that arrives before its conversation was opened folds to the same state as in order', async () => {
    const store = new RedisTicketStore(a, { prefix: PREFIX });
    await store.append(T, [customer]);
    await store.append(T, [reply]);
    const { ticket } = await store.append(T, [opened]);
    expect(ticket).toEqual(foldTicket(T, [opened, reply, customer]));
    expect(ticket).toMatchObject({ opened: true, createdAt: 1_000, firstPublicReplyAt: 2_000, lastCustomerMessageAt: 3_000, exchanges: 1, seen: 3 });
  });

  it('an event delivered three times is stored once and reported new once', async () => {
    const store = new RedisTicketStore(a, { prefix: PREFIX });
    const first = await store.append(T, [opened]);
    const second = await store.append(T, [opened]);
    const third = await store.append(T, [opened, opened]);
    expect(first.appended.map((e) => e.id)).toEqual([opened.id]);
    expect(second.appended).toEqual([]);
    expect(third.appended).toEqual([]);
    expect(await store.events(T)).toHaveLength(1);
    expect(third.ticket.seen).toBe(1);
  });

  it('state survives a restart: a new store on a new connection reads it back', async () => {
    await new RedisTicketStore(a, { prefix: PREFIX }).append(T, [opened, reply]);
    const fresh = new RedisTicketStore(b, { prefix: PREFIX });
    expect(await fresh.get(T)).toEqual(foldTicket(T, [opened, reply]));
    expect(await fresh.events(T)).toEqual([opened, reply]);
    expect(await fresh.get('no-such-ticket')).toBeNull();
  });

  it('keeps the open-tickets index and the Jira index', async () => {
    const store = new RedisTicketStore(a, { prefix: PREFIX });
    const linked = ev({ id: `jira-link:${T}`, ticketId: T, at: 2_500, source: 'bot', kind: 'JiraLinked', key: 'INC-9', url: 'https://example.atlassian.net/browse/INC-9' });
    await store.append(T, [opened, linked]);
    expect(await store.openTicketIds()).toEqual([T]);
    expect(await store.ticketIdForJiraKey('INC-9')).toBe(T);
    await store.append(T, [closed]);
    expect(await store.openTicketIds()).toEqual([]);
  });

  it('finishes the fold of a writer that died between appending and storing the state', async () => {
    const store = new RedisTicketStore(a, { prefix: PREFIX });
    await store.append(T, [opened]);
    // What a crashed writer leaves behind: the event in the log, the version bumped, no new fold.
    const keys = ticketKeys(T, PREFIX);
    await a.hset(keys.events, reply.id, JSON.stringify(reply));
    await a.hincrby(keys.state, 'version', 1);
    expect(await store.get(T)).toEqual(foldTicket(T, [opened, reply]));
    expect(await a.hget(keys.state, 'folded')).toBe('2');
  });

  it('two writers on two connections appending to one ticket at once never lose an event', async () => {
    const storeA = new RedisTicketStore(a, { prefix: PREFIX });
    const storeB = new RedisTicketStore(b, { prefix: PREFIX });
    const rounds = 150;
    const make = (writer: string, i: number) =>
      ev({ id: `${writer}:${i}`, ticketId: T, at: 10_000 + i, source: 'intercom', kind: writer === 'a' ? 'CustomerMessaged' : 'NoteAdded', body: `${writer}${i}` });
    const run = async (store: RedisTicketStore, writer: string) => {
      for (let i = 0; i < rounds; i++) {
        // Each round also re-sends the previous event (a duplicate) to mix dedup into the race.
        const batch = i > 0 ? [make(writer, i), make(writer, i - 1)] : [make(writer, i)];
        const { appended } = await store.append(T, batch);
        expect(appended.map((e) => e.id)).toEqual([`${writer}:${i}`]);
      }
    };
    await Promise.all([run(storeA, 'a'), run(storeB, 'b'), run(storeA, 'a2'), run(storeB, 'b2')]);
    const all = await storeA.events(T);
    expect(all).toHaveLength(rounds * 4);
    const state = await storeB.get(T);
    expect(state?.seen).toBe(rounds * 4);
    expect(state).toEqual(foldTicket(T, all));
  });
});
