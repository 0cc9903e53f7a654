import { UnrecoverableError, type Job } from 'bullmq';
import type { RedisTicketStore } from '../../adapters/redis/ticket-store';
import type { Config } from '../../config/schema';
import { IngestError } from '../../domain/ingest/ingest-error';
import { normalizeIntercom, type Normalized } from '../../domain/ingest/normalize-intercom';
import { conversationIdFromIssue, normalizeJira, readJiraWebhook } from '../../domain/ingest/normalize-jira';
import type { Clock, IntentSink, IntercomPort, Logger } from '../../ports';
import { EventJobSchema, type EventJob } from '../queues';
import type { Decider } from './decider';
import { runDecisions } from './run-decisions';
import { enrichCompany } from './enrich-company';

export interface EventsProcessorDeps {
  store: RedisTicketStore;
  sink: IntentSink;
  /** For company enrichment; null turns it off (tests, a workspace without an access token). */
  intercom: IntercomPort | null;
  deciders: readonly Decider[];
  config: Config;
  clock: Clock;
  logger: Logger;
  /** How many rounds of `ticket.append` intents → deciders may chain (a guard against loops). */
  maxDecisionRounds?: number;
}

/** What a processed `events` job reports (kept by BullMQ as the job's return value). */
export interface EventsJobResult {
  ticketId: string | null;
  /** Events stored by this job (0 for a redelivery of something already stored). */
  appended: number;
  /** Intents handed to the `effects` queue. */
  dispatched: number;
  ignored?: string;
}

/** Turns a queued delivery into the domain events of one ticket (Jira: found through the index). */
async function normalizeJob(job: EventJob, store: RedisTicketStore, logger: Logger): Promise<Normalized> {
  if (job.source === 'intercom') return normalizeIntercom(job.payload);
  if (job.source === 'domain') return { ticketId: job.ticketId, events: job.events };
  const webhook = readJiraWebhook(job.payload);
  const key = webhook.issue.key;
  let ticketId = await store.ticketIdForJiraKey(key);
  if (!ticketId) {
    ticketId = conversationIdFromIssue(webhook);
    if (ticketId) {
      logger.info({ jiraKey: key, ticketId }, 'Jira issue linked to its ticket through the Intercom link in the issue');
      await store.indexJiraKey(key, ticketId);
    }
  }
  if (!ticketId) return { ticketId: null, events: [], ignored: `Jira issue ${key} is not linked to any ticket` };
  return normalizeJira(job.payload, ticketId);
}

/**
 * The `events` queue's processor: load → normalize → append (atomic, deduplicated) → enrich →
 * decide → dispatch. Every step is idempotent, so a retry, a redelivery or a job recovered from a
 * killed worker leaves the same state and the same effects (intents are keyed).
 */
export function createEventsProcessor(deps: EventsProcessorDeps): (job: Job<EventJob>) => Promise<EventsJobResult> {
  return async (job) => {
    const parsed = EventJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`events job ${job.id}: malformed job data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const data = parsed.data;
    const log = deps.logger.child({ jobId: job.id, source: data.source, topic: data.topic, deliveryId: data.deliveryId });

    let normalized: Normalized;
    try {
      normalized = await normalizeJob(data, deps.store, log);
    } catch (err) {
      // A payload that cannot be read will not be readable on the next attempt either.
      if (err instanceof IngestError) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      throw err;
    }
    if (normalized.ticketId === null || normalized.events.length === 0) {
      log.info({ ignored: normalized.ignored }, 'delivery ignored');
      return { ticketId: normalized.ticketId, appended: 0, dispatched: 0, ...(normalized.ignored ? { ignored: normalized.ignored } : {}) };
    }

    const ticketId = normalized.ticketId;
    let { ticket, appended } = await deps.store.append(ticketId, normalized.events);
    let jobEvents = normalized.events;
    if (deps.intercom) {
      const enrichment = await enrichCompany(ticket, deps.intercom, log);
      if (enrichment.length > 0) {
        const enriched = await deps.store.append(ticketId, enrichment);
        ticket = enriched.ticket;
        appended = [...appended, ...enriched.appended];
        jobEvents = [...jobEvents, ...enrichment];
      }
    }
    const dispatched = await runDecisions(deps, ticket, jobEvents, log);
    log.info({ ticketId, appended: appended.length, dispatched }, 'delivery processed');
    return { ticketId, appended: appended.length, dispatched };
  };
}
