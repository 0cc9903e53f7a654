import { UnrecoverableError, type Job } from 'bullmq';
import { DomainEventSchema, type DomainEventInput } from '../../domain/events';
import type { Intent, SlackDestination } from '../../domain/intents';
import { alertKey, type Ticket } from '../../domain/ticket';
import { BLOCK_LIMITS, capBlocks, truncate } from '../../slack/blocks/limits';
import type { EffectJob } from '../queues';
import { bugThreadOf, type EffectOutcome, type EffectsDeps } from './effects-deps';
import { fileBug } from './file-bug';

export { bugThreadOf, conversationUrl, EffectBusyError, EffectInvalidError, EffectNotReadyError, type EffectOutcome, type EffectsDeps } from './effects-deps';

/**
 * Executes intents (src/domain/intents.ts), each as one `effects` job. Every effect is written to
 * be repeated safely: before acting it looks at the ticket for the record of an earlier success
 * (`AlertSent` for the intent's `record`, `JiraLinked`, the bug's thread), and right after acting
 * it appends that record, so a retried job, a double click or a replay from the dead-letter queue
 * does not post, note or file twice.
 */
export function createEffectsProcessor(deps: EffectsDeps): (intent: Intent) => Promise<EffectOutcome> {
  const log = deps.logger;
  const now = () => deps.clock.now();

  async function append(ticketId: string, events: DomainEventInput[]): Promise<Ticket> {
    const parsed = events.map((e) => DomainEventSchema.parse(e));
    return (await deps.store.append(ticketId, parsed)).ticket;
  }

  async function recordAlert(intent: Intent, extra: { channel?: string; slackTs?: string } = {}): Promise<void> {
    if (!intent.record || !intent.ticketId) return;
    await append(intent.ticketId, [
      {
        id: `effect:${intent.key}:done`,
        ticketId: intent.ticketId,
        at: now(),
        source: 'bot',
        kind: 'AlertSent',
        alert: intent.record.alert,
        target: intent.record.target,
        channel: extra.channel ?? null,
        slackTs: extra.slackTs ?? null,
      },
    ]);
  }

  async function alreadyDone(intent: Intent): Promise<boolean> {
    if (!intent.record || !intent.ticketId) return false;
    const ticket = await deps.store.get(intent.ticketId);
    return Boolean(ticket?.alerts[alertKey(intent.record.alert, intent.record.target)]);
  }

  /** A Slack user id as it is, or an e-mail address looked up in Slack (CSMs and overrides may be either). */
  async function slackUser(idOrEmail: string): Promise<string | null> {
    return idOrEmail.includes('@') ? deps.slack.lookupUserByEmail(idOrEmail) : idOrEmail;
  }

  /** A Slack user for an Intercom admin: config override, then the admin's e-mail. */
  async function slackUserForAdmin(adminId: string): Promise<string | null> {
    const who = deps.config.slack.adminOverrides[adminId] ?? deps.config.slack.adminEmails[adminId] ?? (deps.adminEmail ? await deps.adminEmail(adminId) : null);
    return who ? slackUser(who) : null;
  }

  async function resolve(to: SlackDestination, ticketId: string | null): Promise<{ channel: string; threadTs?: string; newThread?: boolean; note?: string }> {
    switch (to.kind) {
      case 'channel':
        return { channel: to.channel };
      case 'user': {
        const user = to.slackUserId ? await slackUser(to.slackUserId) : to.intercomAdminId ? await slackUserForAdmin(to.intercomAdminId) : null;
        if (user) return { channel: user };
        // Nobody to DM: say so in the team channel rather than lose the message.
        log?.warn({ to, ticketId }, 'no Slack user for this destination; posting to the team channel (set slack.adminOverrides)');
        const who = to.intercomAdminId ?? to.slackUserId;
        return { channel: deps.config.slack.channels.team, note: who ? `(para ${who}) ` : '' };
      }
      case 'ticket-thread': {
        const ticket = ticketId ? await deps.store.get(ticketId) : null;
        const thread = ticket ? bugThreadOf(ticket) : null;
        return thread ? { channel: thread.channel, threadTs: thread.ts } : { channel: to.fallbackChannel, newThread: ticketId !== null };
      }
    }
  }

  async function slackPost(intent: Extract<Intent, { kind: 'slack.post' }>): Promise<EffectOutcome> {
    if (await alreadyDone(intent)) return { kind: intent.kind, status: 'skipped' };
    const where = await resolve(intent.to, intent.ticketId);
    const blocks = intent.blocks ? capBlocks(intent.blocks, BLOCK_LIMITS.messageBlocks, (n) => `${n} bloques más no caben en el mensaje`) : undefined;
    const posted = await deps.slack.postMessage({
      channel: where.channel,
      text: truncate(`${where.note ?? ''}${intent.text}`, BLOCK_LIMITS.fallbackText),
      ...(blocks ? { blocks } : {}),
      ...(where.threadTs ? { threadTs: where.threadTs } : {}),
    });
    if (where.newThread && intent.ticketId) {
      await append(intent.ticketId, [
        { id: `effect:${intent.key}:thread`, ticketId: intent.ticketId, at: now(), source: 'bot', kind: 'SlackThreadPosted', channel: posted.channel, ts: posted.ts },
      ]);
    }
    await recordAlert(intent, { channel: posted.channel, slackTs: posted.ts });
    return { kind: intent.kind, status: 'done', detail: { channel: posted.channel, ts: posted.ts, threadTs: where.threadTs ?? null } };
  }

  return async (intent: Intent): Promise<EffectOutcome> => {
    switch (intent.kind) {
      case 'slack.post':
        return slackPost(intent);
      case 'intercom.note': {
        if (await alreadyDone(intent)) return { kind: intent.kind, status: 'skipped' };
        const { partId } = await deps.intercom.addNote(intent.ticketId, intent.html);
        await recordAlert(intent, { slackTs: partId });
        return { kind: intent.kind, status: 'done', detail: { partId } };
      }
      case 'intercom.tag':
        await deps.intercom.tagConversation(intent.ticketId, intent.tags);
        await recordAlert(intent);
        return { kind: intent.kind, status: 'done' };
      case 'intercom.reopen':
        if (await alreadyDone(intent)) return { kind: intent.kind, status: 'skipped' };
        await deps.intercom.reopen(intent.ticketId);
        await recordAlert(intent);
        return { kind: intent.kind, status: 'done' };
      case 'ticket.append':
        await append(intent.ticketId, intent.events);
        return { kind: intent.kind, status: 'done' };
      case 'jira.createIssue':
        return fileBug(deps, intent, append);
    }
  };
}

/** Whether an error says trying again can succeed (adapters' `retryable`; unknown errors: yes). */
export function isRetryable(err: unknown): boolean {
  const flag = (err as { retryable?: unknown } | null)?.retryable;
  return flag === undefined ? true : flag === true;
}

/**
 * The BullMQ processor of the `effects` queue: runs the job's intent; an error that will never
 * succeed becomes an `UnrecoverableError` (no retry: straight to failed and the dead-letter queue),
 * others are rethrown so the queue retries with backoff (honouring their `retryAfterMs`).
 */
export function createEffectsJobProcessor(deps: EffectsDeps): (job: Job<EffectJob>) => Promise<EffectOutcome> {
  const run = createEffectsProcessor(deps);
  return async (job) => {
    try {
      return await run(job.data.intent);
    } catch (err) {
      deps.logger?.warn({ err, jobId: job.id, intent: job.data.intent.key, attempt: job.attemptsMade + 1 }, 'effect failed');
      if (!isRetryable(err)) throw new UnrecoverableError(`${(err as Error).message}`);
      throw err;
    }
  };
}
