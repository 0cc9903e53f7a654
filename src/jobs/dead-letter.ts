import { DelayedError, RateLimitError, WaitingChildrenError, WaitingError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import { jobsDeadLettered } from '../adapters/http/metrics';
import type { Logger } from '../ports';
import { deadLetterJobId, DeadLetterJobSchema, type DeadLetterJob, type QueueName, type Queues } from './queues';

type ReplayableQueue = DeadLetterJob['queue'];

/** Is this the job's last attempt (or an error that is never retried)? */
export function isFinalAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>, err: unknown): boolean {
  if (err instanceof UnrecoverableError) return true;
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** BullMQ's control-flow errors move a job back to waiting/delayed; they are not failures. */
export function isControlFlow(err: unknown): boolean {
  return err instanceof DelayedError || err instanceof WaitingError || err instanceof WaitingChildrenError || err instanceof RateLimitError;
}

/** The dead letter of a job that failed for good: what an operator needs to see and replay it. */
export function deadLetterOf(queue: ReplayableQueue, job: Job, err: unknown, now: number): DeadLetterJob {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    queue,
    jobId: String(job.id),
    name: job.name,
    data: job.data as unknown,
    failedReason: e.message,
    attemptsMade: job.attemptsMade + 1,
    failedAt: now,
    ...(e.stack ? { stacktrace: [e.stack] } : {}),
  };
}

/** Copies a job to the `dead-letter` queue (its id is derived from the original: copying twice is one copy). */
export async function moveToDeadLetter(deadLetter: Queue<DeadLetterJob>, letter: DeadLetterJob, logger?: Logger): Promise<void> {
  await deadLetter.add(letter.name, letter, { jobId: deadLetterJobId(letter.queue, letter.jobId) });
  jobsDeadLettered.inc({ queue: letter.queue });
  logger?.error({ queue: letter.queue, jobId: letter.jobId, attemptsMade: letter.attemptsMade, failedReason: letter.failedReason }, 'job moved to the dead-letter queue');
}

/**
 * Wraps a processor so that a job failing its last attempt is copied to the dead-letter queue
 * *before* BullMQ marks it failed (a crash in between leaves it retried, never lost), then rethrows.
 */
export function withDeadLetter<T, R>(
  queue: ReplayableQueue,
  processor: (job: Job<T>, token?: string) => Promise<R>,
  deadLetter: Queue<DeadLetterJob>,
  options: { logger?: Logger; now?: () => number } = {},
): (job: Job<T>, token?: string) => Promise<R> {
  const now = options.now ?? (() => Date.now());
  return async (job, token) => {
    try {
      return await processor(job, token);
    } catch (err) {
      // A job sent back to waiting or delay on purpose (e.g. a timer run before its instant) has not failed.
      if (isControlFlow(err)) throw err;
      if (isFinalAttempt(job, err)) await moveToDeadLetter(deadLetter, deadLetterOf(queue, job as Job, err, now()), options.logger);
      throw err;
    }
  };
}

/** A dead letter as listed by `care-relay dlq list`. */
export interface DeadLetterEntry extends DeadLetterJob {
  id: string;
}

function entryOf(job: Job): DeadLetterEntry | null {
  const parsed = DeadLetterJobSchema.safeParse(job.data);
  return parsed.success ? { id: String(job.id), ...parsed.data } : null;
}

/** Dead letters, oldest first. */
export async function listDeadLetters(deadLetter: Queue<DeadLetterJob>, limit = 1000): Promise<DeadLetterEntry[]> {
  const jobs = await deadLetter.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children'], 0, limit - 1, true);
  return jobs.flatMap((j) => (j ? [entryOf(j)].filter((e): e is DeadLetterEntry => e !== null) : []));
}

export async function getDeadLetter(deadLetter: Queue<DeadLetterJob>, id: string): Promise<DeadLetterEntry | null> {
  const job = await deadLetter.getJob(id);
  return job ? entryOf(job) : null;
}

export type ReplayOutcome = 'requeued' | 'already-queued' | 'already-completed' | 'not-found';

const QUEUE_KEYS: Record<ReplayableQueue, 'events' | 'effects' | 'timers'> = { events: 'events', effects: 'effects', timers: 'timers' };

/**
 * Puts a dead letter's job back on its original queue under its original job id, so a redelivery
 * arriving meanwhile is still absorbed, and removes the dead letter. The failed original (if BullMQ
 * still keeps it) is removed first, since a job id can only be added while no job holds it.
 * Replaying cannot double a side effect: processing is idempotent and effects run once per key.
 */
export async function replayDeadLetter(queues: Pick<Queues, 'events' | 'effects' | 'timers' | 'deadLetter'>, id: string): Promise<ReplayOutcome> {
  const letterJob = await queues.deadLetter.getJob(id);
  const letter = letterJob ? entryOf(letterJob) : null;
  if (!letterJob || !letter) return 'not-found';
  const target = queues[QUEUE_KEYS[letter.queue]] as Queue;
  const existing = await target.getJob(letter.jobId);
  let outcome: ReplayOutcome = 'requeued';
  if (existing) {
    const state = await existing.getState();
    if (state === 'failed') await existing.remove();
    else outcome = state === 'completed' ? 'already-completed' : 'already-queued';
  }
  if (outcome === 'requeued') await target.add(letter.name, letter.data, { jobId: letter.jobId });
  await letterJob.remove();
  return outcome;
}

/** The queue names a dead letter may come from (for validation in the CLI). */
export const REPLAYABLE_QUEUES: readonly QueueName[] = ['events', 'effects', 'timers'];
