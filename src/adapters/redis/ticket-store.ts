import type { Redis } from 'ioredis';
import { compareEvents, type DomainEvent } from '../../domain/events';
import { foldTicket, type Ticket } from '../../domain/ticket';
import type { AppendResult, TicketStore } from '../../ports';
import { closedIndexKey, DEFAULT_KEY_PREFIX, jiraIndexKey, openIndexKey, ticketKeys } from './ticket-keys';

/**
 * Appends the events whose ids the log has not seen (HSETNX) and bumps the version once when any was
 * new. Returns `{version, newIds}`. Atomic: two workers appending to one ticket never lose an event.
 */
const APPEND_LUA = `
local new = {}
for i = 1, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then new[#new + 1] = ARGV[i] end
end
local v
if #new > 0 then
  v = redis.call('HINCRBY', KEYS[2], 'version', 1)
else
  v = tonumber(redis.call('HGET', KEYS[2], 'version') or '0')
end
return {v, new}
`;

/**
 * Stores a folded ticket only if it was folded from the current version and nothing newer is
 * stored. 1 = stored, 2 = an equal or newer fold is already there, 0 = the log moved on: refold.
 */
const CAS_LUA = `
local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if v ~= tonumber(ARGV[1]) then return 0 end
local f = tonumber(redis.call('HGET', KEYS[1], 'folded') or '-1')
if f >= v then return 2 end
redis.call('HSET', KEYS[1], 'ticket', ARGV[2], 'folded', ARGV[1])
return 1
`;

interface ScriptedRedis extends Redis {
  crAppendEvents(eventsKey: string, stateKey: string, ...idJsonPairs: string[]): Promise<[number, string[]]>;
  crCasTicket(stateKey: string, version: number, ticketJson: string): Promise<number>;
}

export interface RedisTicketStoreOptions {
  /** Key prefix (`cr` in production; tests use their own so they never collide). */
  prefix?: string;
  /** How many times a fold is retried when other writers keep appending (default 50). */
  maxCasAttempts?: number;
}

/** Thrown when a ticket's state could not be stored after many concurrent-writer retries. */
export class TicketStoreContentionError extends Error {
  readonly code = 'TICKET_STORE_CONTENTION';
  constructor(ticketId: string, attempts: number) {
    super(`ticket ${ticketId}: state not stored after ${attempts} attempts (other writers kept appending); the job will be retried`);
    this.name = 'TicketStoreContentionError';
  }
}

const CLOSED_STATUSES = new Set(['closed', 'deleted']);

/**
 * The ticket store on Redis (see docs/worker.md for the data model).
 *
 * `append` = (1) a Lua script adds unseen events to the ticket's log and bumps its version,
 * (2) the log and version are read in one MULTI, folded with the pure reducer, and (3) stored with
 * a compare-and-set on the version, retried when another writer appended meanwhile. The stored
 * state is a cache of the fold: `get` re-folds when a writer died between (1) and (3).
 */
export class RedisTicketStore implements TicketStore {
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;
  private readonly maxCasAttempts: number;

  constructor(redis: Redis, options: RedisTicketStoreOptions = {}) {
    this.prefix = options.prefix ?? DEFAULT_KEY_PREFIX;
    this.maxCasAttempts = options.maxCasAttempts ?? 50;
    if (!('crAppendEvents' in redis)) {
      redis.defineCommand('crAppendEvents', { numberOfKeys: 2, lua: APPEND_LUA });
      redis.defineCommand('crCasTicket', { numberOfKeys: 1, lua: CAS_LUA });
    }
    this.redis = redis as ScriptedRedis;
  }

  async append(ticketId: string, events: DomainEvent[]): Promise<AppendResult> {
    const keys = ticketKeys(ticketId, this.prefix);
    const mine = events.filter((e) => e.ticketId === ticketId);
    if (mine.length !== events.length) throw new Error(`append to ticket ${ticketId}: every event must carry that ticketId`);
    const pairs = mine.flatMap((e) => [e.id, JSON.stringify(e)]);
    const [, newIds] = pairs.length > 0 ? await this.redis.crAppendEvents(keys.events, keys.state, ...pairs) : [0, [] as string[]];
    const fresh = new Set(newIds);
    const seenHere = new Set<string>();
    const appended = mine.filter((e) => fresh.has(e.id) && !seenHere.has(e.id) && seenHere.add(e.id));
    const ticket = await this.refold(ticketId);
    if (appended.length > 0) await this.updateIndexes(ticketId, appended);
    return { ticket, appended };
  }

  async get(ticketId: string): Promise<Ticket | null> {
    const keys = ticketKeys(ticketId, this.prefix);
    const [ticketJson, folded, version] = await this.redis.hmget(keys.state, 'ticket', 'folded', 'version');
    if (version === null) return null;
    if (ticketJson !== null && folded !== null && Number(folded) >= Number(version)) return JSON.parse(ticketJson) as Ticket;
    // A writer stopped between appending and storing the fold: finish its work.
    return this.refold(ticketId);
  }

  /** The ticket's events in the order the fold applies them (by instant, then id). */
  async events(ticketId: string): Promise<DomainEvent[]> {
    const all = await this.redis.hvals(ticketKeys(ticketId, this.prefix).events);
    return parseEvents(all).sort(compareEvents);
  }

  async openTicketIds(): Promise<string[]> {
    return this.redis.zrange(openIndexKey(this.prefix), 0, -1);
  }

  /** Tickets closed at or after `sinceMs` (oldest first); older entries are dropped from the index. */
  async recentlyClosedTicketIds(sinceMs: number): Promise<string[]> {
    const key = closedIndexKey(this.prefix);
    await this.redis.zremrangebyscore(key, '-inf', `(${sinceMs}`);
    return this.redis.zrangebyscore(key, sinceMs, '+inf');
  }

  /** The ticket a Jira issue is linked to (from JiraLinked events), or null. */
  async ticketIdForJiraKey(issueKey: string): Promise<string | null> {
    return this.redis.hget(jiraIndexKey(this.prefix), issueKey);
  }

  /** Records that a Jira issue belongs to a ticket (also done on every stored JiraLinked event). */
  async indexJiraKey(issueKey: string, ticketId: string): Promise<void> {
    await this.redis.hset(jiraIndexKey(this.prefix), issueKey, ticketId);
  }

  /** Re-derives the index entries of a ticket from its stored state (repair after a crash). */
  async reindex(ticketId: string): Promise<void> {
    await this.updateIndexes(ticketId, await this.events(ticketId));
  }

  /** Folds the current log and stores it with a compare-and-set; returns the fold. */
  private async refold(ticketId: string): Promise<Ticket> {
    const keys = ticketKeys(ticketId, this.prefix);
    for (let attempt = 1; attempt <= this.maxCasAttempts; attempt++) {
      const res = await this.redis.multi().hget(keys.state, 'version').hvals(keys.events).exec();
      if (!res) continue;
      const [[errV, version], [errE, raw]] = res as [[Error | null, string | null], [Error | null, string[]]];
      if (errV) throw errV;
      if (errE) throw errE;
      const v = Number(version ?? 0);
      const ticket = foldTicket(ticketId, parseEvents(raw));
      const outcome = await this.redis.crCasTicket(keys.state, v, JSON.stringify(ticket));
      if (outcome !== 0) return ticket;
    }
    throw new TicketStoreContentionError(ticketId, this.maxCasAttempts);
  }

  /**
   * Indexes live outside the ticket's hash slot, so they are written after the state, from the
   * state as stored now (not from this writer's fold, which a concurrent writer may have superseded).
   */
  private async updateIndexes(ticketId: string, appended: DomainEvent[]): Promise<void> {
    const keys = ticketKeys(ticketId, this.prefix);
    const stored = await this.redis.hget(keys.state, 'ticket');
    const multi = this.redis.multi();
    if (stored !== null) {
      const t = JSON.parse(stored) as Ticket;
      if (CLOSED_STATUSES.has(t.status)) multi.zrem(openIndexKey(this.prefix), ticketId);
      else multi.zadd(openIndexKey(this.prefix), t.updatedAt ?? 0, ticketId);
      if (t.status === 'closed') multi.zadd(closedIndexKey(this.prefix), t.closedAt ?? t.updatedAt ?? 0, ticketId);
      else multi.zrem(closedIndexKey(this.prefix), ticketId);
    }
    for (const e of appended) if (e.kind === 'JiraLinked') multi.hset(jiraIndexKey(this.prefix), e.key, ticketId);
    await multi.exec();
  }
}

function parseEvents(raw: string[]): DomainEvent[] {
  return raw.map((json) => JSON.parse(json) as DomainEvent);
}
