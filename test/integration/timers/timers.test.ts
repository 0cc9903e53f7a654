import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisTicketStore } from '../../../src/adapters/redis/ticket-store';
import { DomainEventSchema, type DomainEvent } from '../../../src/domain/events';
import { ladderPosition, type AnyCalendar } from '../../../src/domain/followup';
import type { Intent } from '../../../src/domain/intents';
import { createQueues, createRedisConnection, timerJobId, workerOptions, type Queues, type TimerJob } from '../../../src/jobs/queues';
import {
  createFollowupDecider,
  createTimersProcessor,
  DIGEST_SCHEDULER_IDS,
  EvoMonthIndex,
  FollowupService,
  followupTimerKey,
  SWEEP_SCHEDULER_ID,
  upsertTimerSchedulers,
} from '../../../src/jobs/timers';
import type { IntentSink } from '../../../src/ports';
import { at, calendars, config, ev, madrid, NO_FLAGS, texts } from '../../unit/followup/support';
import { deleteKeysMatching } from '../../../src/adapters/redis/scan-keys';

const PREFIX = '{cr-test-timers}';
const KEYS = 'cr-test-timers';

/** A virtual clock that runs at real speed from a chosen instant (so delayed jobs really fire). */
class TestClock {
  private origin = 0;
  private realOrigin = Date.now();
  set(virtual: number): void {
    this.origin = virtual;
    this.realOrigin = Date.now();
  }
  now(): number {
    return this.origin + (Date.now() - this.realOrigin);
  }
}

/**
 * The effects queue as the timers see it: records every intent once per key and, like the real
 * effects processor, appends the AlertSent record to the ticket once "posted".
 */
class RecordingSink implements IntentSink {
  readonly posted: Intent[] = [];
  private readonly keys = new Set<string>();
  constructor(
    private readonly store: RedisTicketStore,
    private readonly clock: TestClock,
  ) {}
  async dispatch(intents: Intent[]): Promise<void> {
    for (const intent of intents) {
      if (this.keys.has(intent.key)) continue;
      this.keys.add(intent.key);
      this.posted.push(intent);
      if (intent.record && intent.ticketId) {
        const sent = DomainEventSchema.parse({ kind: 'AlertSent', id: `sent:${intent.key}`, ticketId: intent.ticketId, at: this.clock.now(), source: 'bot', alert: intent.record.alert, target: intent.record.target });
        await this.store.append(intent.ticketId, [sent]);
      }
    }
  }
  /** Forgets the keys, as an effects queue whose completed jobs were trimmed. */
  forget(): void {
    this.keys.clear();
  }
}

async function until(check: () => boolean | Promise<boolean>, ms = 8_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('timers on BullMQ and Redis', () => {
  let redis: Redis;
  let queues: Queues;
  let store: RedisTicketStore;
  let clock: TestClock;
  let sink: RecordingSink;
  let service: FollowupService;
  const workers: Worker[] = [];

  const startWorker = () => {
    const w = new Worker<TimerJob>('timers', createTimersProcessor(service, clock) as (job: Job<TimerJob>) => Promise<unknown>, { ...workerOptions(redis), prefix: PREFIX, concurrency: 2 });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    redis = createRedisConnection('worker');
    queues = createQueues(redis, undefined, PREFIX);
  });

  beforeEach(async () => {
    await queues.timers.obliterate({ force: true });
    await deleteKeysMatching(redis, `${KEYS}*`);
    store = new RedisTicketStore(redis, { prefix: KEYS });
    clock = new TestClock();
    sink = new RecordingSink(store, clock);
    service = new FollowupService({ config, calendars: calendars as ReadonlyMap<string, AnyCalendar>, texts, store, sink, timers: queues.timers, evo: new EvoMonthIndex(redis, `${KEYS}:`) });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
  });

  afterAll(async () => {
    await queues.timers.obliterate({ force: true });
    for (const id of [SWEEP_SCHEDULER_ID, ...DIGEST_SCHEDULER_IDS]) await queues.timers.removeJobScheduler(id);
    await queues.close();
    await deleteKeysMatching(redis, `${KEYS}*`, `${PREFIX}*`);
    await redis.quit();
  });

  const T = '9001';
  const script: DomainEvent[] = [
    ev(T, '2026-10-13 09:00', { kind: 'ConversationOpened', assigneeId: 'adm-ana', company: { id: 'acme', name: 'ACME', plan: 'Gold', tags: [] } }),
    ev(T, '2026-10-13 09:00', { kind: 'Classified', source: 'bot', classification: { type: 'consulta', priority: null, evoCriticality: null, confidence: 1, rules: [], flags: NO_FLAGS } }),
    ev(T, '2026-10-13 10:00', { kind: 'SupportReplied', adminId: 'adm-ana' }),
  ];

  it('a ladder timer survives a worker restart and fires exactly once, at its instant', async () => {
    await store.append(T, script);
    const stage1 = ladderPosition((await store.get(T))!, madrid, config.followup.ladder.interval).dues[0];
    expect(stage1).toBe(at('2026-10-20 13:00'));
    // Half a second before stage 1, on the virtual clock; the review schedules the delayed jobs.
    clock.set(stage1 - 500);
    const review = await service.reviewTicket(T, clock.now());
    // (The resolution targets were long breached: those alerts went out with this first review.)
    const before = sink.posted.length;
    expect(sink.posted.some((i) => i.record?.alert === 'ladder')).toBe(false);
    const ladderWake = review.wakes.find((w) => w.clock === 'ladder')!;
    expect(ladderWake.at).toBe(stage1);
    const jobId = timerJobId(followupTimerKey(T, ladderWake));
    expect(await (await queues.timers.getJob(jobId))?.getState()).toBe('delayed');

    // A worker starts and is stopped before the timer is due (a deploy, a crash)…
    await startWorker().close();
    workers.splice(0);
    // …the same wakes derived again (another event, another worker) do not add a second job…
    await service.schedule(T, review.wakes, clock.now());
    expect((await queues.timers.getDelayed()).filter((j) => j.id === jobId)).toHaveLength(1);
    // …and a new worker fires it once.
    startWorker();
    await until(() => sink.posted.length > before);
    await until(async () => (await queues.timers.getJob(jobId))?.finishedOn !== undefined);
    expect(sink.posted.slice(before).map((i) => i.record)).toEqual([{ alert: 'ladder', target: `1~${at('2026-10-13 10:00')}` }]);
    expect(clock.now()).toBeGreaterThanOrEqual(stage1);

    // Retries and sweeps after the fact find the AlertSent record: nothing more, even with the
    // effects queue's memory gone.
    sink.forget();
    expect((await service.reviewTicket(T, clock.now())).intents).toEqual([]);
    expect((await service.sweep(clock.now())).intents).toBe(0);
    expect(sink.posted).toHaveLength(before + 1);
  });

  it('a timer run before its instant (promoted by hand) goes back to waiting and alerts nothing', async () => {
    await store.append(T, script);
    clock.set(at('2026-10-14 09:00'));
    const review = await service.reviewTicket(T, clock.now());
    const before = sink.posted.length;
    const jobId = timerJobId(followupTimerKey(T, review.wakes.find((w) => w.clock === 'ladder')!));
    await (await queues.timers.getJob(jobId))!.promote();
    startWorker();
    await until(async () => (await (await queues.timers.getJob(jobId))?.getState()) === 'delayed' && ((await queues.timers.getJob(jobId))?.processedOn ?? 0) > 0);
    expect(sink.posted.length).toBe(before);
  });

  it('the reconciliation sweep re-creates a lost delayed job', async () => {
    await store.append(T, script);
    clock.set(at('2026-10-14 09:00'));
    const review = await service.reviewTicket(T, clock.now());
    const jobId = timerJobId(followupTimerKey(T, review.wakes.find((w) => w.clock === 'ladder')!));
    await (await queues.timers.getJob(jobId))!.remove();
    expect(await queues.timers.getJob(jobId)).toBeUndefined();
    const swept = await service.sweep(clock.now());
    expect(swept).toEqual({ reviewed: 1, intents: 0, failed: 0 });
    expect(await (await queues.timers.getJob(jobId))?.getState()).toBe('delayed');
  });

  it('the decider run on a ticket event returns the alerts due and schedules the rest', async () => {
    const complaint = ev(T, '2026-10-13 09:00', { kind: 'Classified', source: 'bot', classification: { type: 'incidencia', priority: 'Alta', evoCriticality: null, confidence: 1, rules: [], flags: { ...NO_FLAGS, complaint: true } } });
    const { ticket } = await store.append(T, [script[0], complaint]);
    const decide = createFollowupDecider(service);
    const intents = await decide({ ticket, newEvents: [complaint], now: at('2026-10-13 09:01'), config: config as never });
    expect(intents.map((i) => i.record)).toEqual([{ alert: 'complaint', target: 'csm' }]);
    // Gold Alta: internal first response 2 h → 11:00, at risk at 75 % → 10:30.
    const delayed = (await queues.timers.getDelayed()).map((j) => j.data.key).sort();
    expect(delayed).toContain(`${T}|sla-at-risk|internal.firstResponse|${at('2026-10-13 10:30')}`);
    expect(delayed).toContain(`${T}|sla-breached|internal.firstResponse|${at('2026-10-13 11:00')}`);
  });

  it('counts a company’s Media/Urgente evolutivos per calendar month, idempotently', async () => {
    const index = new EvoMonthIndex(redis, `${KEYS}:`);
    const evo = (id: string, when: string) => {
      const events = [
        ev(id, when, { kind: 'ConversationOpened', company: { id: 'marazul', name: 'Mar Azul', plan: 'Silver', tags: [] } }),
        ev(id, when, { kind: 'Classified', source: 'bot', classification: { type: 'evolutivo', priority: null, evoCriticality: 'Media', confidence: 1, rules: [], flags: NO_FLAGS } }),
      ];
      return store.append(id, events).then((r) => r.ticket);
    };
    const sept = await evo('e0', '2026-09-30 23:30');
    const a = await evo('e1', '2026-10-01 00:30');
    const b = await evo('e2', '2026-10-07 10:00');
    const c = await evo('e3', '2026-10-20 10:00');
    expect(await index.rank(sept, 'Europe/Madrid')).toBe(1);
    expect(await index.rank(c, 'Europe/Madrid')).toBe(1);
    expect(await index.rank(a, 'Europe/Madrid')).toBe(1);
    expect(await index.rank(b, 'Europe/Madrid')).toBe(2);
    expect(await index.rank(c, 'Europe/Madrid')).toBe(3);
    expect(await index.rank(c, 'Europe/Madrid')).toBe(3);
  });

  it('registers the sweep and the two digests as job schedulers, idempotently', async () => {
    await upsertTimerSchedulers(queues.timers, config.followup, 'Europe/Madrid');
    await upsertTimerSchedulers(queues.timers, config.followup, 'Europe/Madrid');
    const schedulers = await queues.timers.getJobSchedulers();
    const byId = Object.fromEntries(schedulers.map((s) => [s.key, s]));
    expect(Object.keys(byId).sort()).toEqual(['digest-afternoon', 'digest-morning', 'followup-sweep']);
    expect(Number(byId['followup-sweep'].every)).toBe(15 * 60_000);
    expect(byId['digest-morning']).toMatchObject({ pattern: '30 8 * * *', tz: 'Europe/Madrid' });
    expect(byId['digest-afternoon']).toMatchObject({ pattern: '30 15 * * *', tz: 'Europe/Madrid' });
  });

  it('a digest job posts the team digest once per day and slot', async () => {
    await store.append(T, script);
    clock.set(at('2026-10-20 08:30'));
    startWorker();
    const data: TimerJob = { key: 'digest|morning', kind: 'digest', ticketId: null, dueAt: 0, data: { slot: 'morning' } };
    await queues.timers.add('digest', data);
    await queues.timers.add('digest', data);
    await until(() => sink.posted.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.posted.map((i) => i.key)).toEqual(['digest:2026-10-20:morning:agent:adm-ana', 'digest:2026-10-20:morning:team']);
  });
});

describe('the follow-up decider', () => {
  it('never fails the event job: an error is logged and the sweep retries later', async () => {
    const errors: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: (_o: object, msg?: string) => errors.push(msg ?? ''), child: () => logger };
    const broken = { decide: async () => Promise.reject(new Error('calendar "nope" is not configured')) } as unknown as FollowupService;
    const ticket = { id: 'x' } as never;
    expect(await createFollowupDecider(broken, logger)({ ticket, newEvents: [], now: 0, config: config as never })).toEqual([]);
    expect(errors).toEqual(['followup decider failed; the sweep will retry']);
  });
});
