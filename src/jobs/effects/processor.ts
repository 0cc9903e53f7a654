import { UnrecoverableError, type Job } from 'bullmq';
import type { Config } from '../../config/schema';
import { DomainEventSchema, type DomainEventInput } from '../../domain/events';
import type { Intent, SlackDestination } from '../../domain/intents';
import { isIntercomConversation } from '../../domain/jira-sync';
import { alertKey, type Ticket } from '../../domain/ticket';
import type { Clock, IntercomPort, JiraPort, Logger, SlackPort, TicketStore } from '../../ports';
import type { BugTemplate } from '../../schemas/bug-template';
import { bugLabel, buildBugIssueFields, remoteLinkGlobalId } from '../../adapters/jira/bug-issue';
import { buildBugThreadRoot } from '../../slack/blocks/bug-thread';
import { BLOCK_LIMITS, capBlocks, truncate } from '../../slack/blocks/limits';
import { renderText, type TextCatalog } from '../../templates/text';
import type { EffectJob } from '../queues';

/** What the effects processor drives: the store, the three outside systems and the config. */
export interface EffectsDeps {
  store: TicketStore;
  slack: SlackPort;
  jira: JiraPort;
  intercom: IntercomPort;
  config: Pick<Config, 'slack' | 'jira'>;
  bugTemplates: BugTemplate[];
  catalog: TextCatalog;
  clock: Clock;
  logger?: Logger;
  /** The SLA deadline in force for a ticket at `now` (src/slack/sla-reader.ts), or null. */
  slaDeadline?: (ticket: Ticket, now: number) => number | null | Promise<number | null>;
  /** An Intercom admin's e-mail when config `slack.adminEmails` does not list it. */
  adminEmail?: (adminId: string) => Promise<string | null>;
}

/** What an effect did, for logs and tests. */
export interface EffectOutcome {
  kind: Intent['kind'];
  /** `done`, or `skipped` when the ticket shows it was done before (a retry or a replay). */
  status: 'done' | 'skipped';
  detail?: Record<string, unknown>;
}

/** An effect that cannot run yet (e.g. the bug's event is not stored yet); retried by the queue. */
export class EffectNotReadyError extends Error {
  readonly code = 'EFFECT_NOT_READY';
  readonly retryable = true;
}

/** An effect that will never succeed as asked (bad intent, unknown template); not retried. */
export class EffectInvalidError extends Error {
  readonly code = 'EFFECT_INVALID';
  readonly retryable = false;
}

/** Alert targets the bug flow records, so a retry skips what is done. */
const BUG_NOTE = 'intercom-note';
const BUG_THREAD = 'slack-thread';
const BUG_LINK = 'jira-remote-link';
const BUG_TAG = 'intercom-tag';

/** The Slack thread of a bug (its root in the bugs channel), else the ticket's thread. */
export function bugThreadOf(ticket: Ticket): { channel: string; ts: string } | null {
  const root = ticket.alerts[alertKey('bug-filed', BUG_THREAD)];
  if (root?.channel && root.slackTs) return { channel: root.channel, ts: root.slackTs };
  return ticket.slackThread;
}

/** The conversation's link in the Intercom inbox. */
export function conversationUrl(template: string, conversationId: string): string {
  return template.replace('{id}', encodeURIComponent(conversationId));
}

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

  /** The record of one step of filing a bug (remote link, tag) done. */
  function bugStep(ticketId: string, bugId: string, target: string): DomainEventInput {
    return { id: `bug-step:${bugId}:${target}`, ticketId, at: now(), source: 'bot', kind: 'AlertSent', alert: 'bug-filed', target, channel: null, slackTs: null };
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

  /** A Slack user for an Intercom admin: config override, then e-mail lookup. */
  async function slackUserForAdmin(adminId: string): Promise<string | null> {
    const override = deps.config.slack.adminOverrides[adminId];
    if (override && !override.includes('@')) return override;
    const email = override ?? deps.config.slack.adminEmails[adminId] ?? (deps.adminEmail ? await deps.adminEmail(adminId) : null);
    return email ? deps.slack.lookupUserByEmail(email) : null;
  }

  async function resolve(to: SlackDestination, ticketId: string | null): Promise<{ channel: string; threadTs?: string; newThread?: boolean; note?: string }> {
    switch (to.kind) {
      case 'channel':
        return { channel: to.channel };
      case 'user': {
        const user = to.slackUserId ?? (to.intercomAdminId ? await slackUserForAdmin(to.intercomAdminId) : null);
        if (user) return { channel: user };
        // Nobody to DM: say so in the team channel rather than lose the message.
        log?.warn({ to, ticketId }, 'no Slack user for this Intercom admin; posting to the team channel (set slack.adminOverrides)');
        return { channel: deps.config.slack.channels.team, note: to.intercomAdminId ? `(para el agente ${to.intercomAdminId}) ` : '' };
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

  async function createJiraIssue(intent: Extract<Intent, { kind: 'jira.createIssue' }>): Promise<EffectOutcome> {
    const ticketId = intent.ticketId;
    if (!ticketId) throw new EffectInvalidError(`jira.createIssue ${intent.bugId}: no ticket id`);
    let ticket = await deps.store.get(ticketId);
    const bug = ticket?.bug;
    if (!ticket || !bug) throw new EffectNotReadyError(`bug ${intent.bugId}: its BugFiled event is not in ticket ${ticketId} yet`);
    const template = deps.bugTemplates.find((t) => t.id === bug.kind);
    if (!template) throw new EffectInvalidError(`bug ${intent.bugId}: no template "${bug.kind}" in templates/bug/`);
    const isConversation = isIntercomConversation(ticketId);
    const url = isConversation ? conversationUrl(deps.config.slack.intercomConversationUrl, ticketId) : null;
    const customerName = ticket.company?.name ?? bug.fields.customer ?? null;
    const plan = ticket.company?.plan ?? null;
    const slaDeadline = deps.slaDeadline ? await deps.slaDeadline(ticket, now()) : null;
    const steps: string[] = [];

    // 1. The issue, exactly once: the ticket's record first, then Jira's label search, then create.
    let issue = ticket.jira ? { key: ticket.jira.key, url: ticket.jira.url } : null;
    if (!issue) {
      const label = bugLabel(intent.bugId);
      const found = await deps.jira.findIssueByLabel(label);
      if (found) {
        issue = found;
        steps.push('found');
      } else {
        const fields = buildBugIssueFields(
          {
            bugId: intent.bugId,
            template,
            values: bug.fields,
            priority: bug.priority,
            reportedBy: bug.by,
            conversationId: isConversation ? ticketId : null,
            conversationUrl: url,
            customerName,
            plan,
            keyAccount: ticket.keyAccount,
            slaDeadline,
          },
          deps.config.jira,
        );
        issue = await deps.jira.createIssue({ fields });
        steps.push('created');
      }
      ticket = await append(ticketId, [
        { id: `jira-linked:${intent.bugId}`, ticketId, at: now(), source: 'bot', kind: 'JiraLinked', key: issue.key, url: issue.url },
      ]);
    }

    // 2. The remote link back to the conversation: a deterministic globalId makes it idempotent.
    if (isConversation && url && !ticket.alerts[alertKey('bug-filed', BUG_LINK)]) {
      await deps.jira.addRemoteLink(issue.key, { globalId: remoteLinkGlobalId(ticketId), url, title: `Intercom #${ticketId}` });
      ticket = await append(ticketId, [bugStep(ticketId, intent.bugId, BUG_LINK)]);
      steps.push('remote-link');
    }

    // 3. The internal note with the key, and the conversation tagged.
    if (isConversation && !ticket.alerts[alertKey('bug-filed', BUG_NOTE)]) {
      const text = renderText(deps.catalog, deps.config.slack.language, 'jira.bug-filed-note', { key: issue.key, url: issue.url, by: bug.by });
      const noteHtml = `<p>${escapeHtml(text).replace(escapeHtml(issue.url), `<a href="${escapeHtml(issue.url)}">${escapeHtml(issue.url)}</a>`)}</p>`;
      const { partId } = await deps.intercom.addNote(ticketId, noteHtml);
      ticket = await append(ticketId, [
        { id: `bug-note:${intent.bugId}`, ticketId, at: now(), source: 'bot', kind: 'AlertSent', alert: 'bug-filed', target: BUG_NOTE, channel: null, slackTs: partId },
      ]);
      steps.push('note');
    }
    if (isConversation && deps.config.jira.intercomTags.length && !ticket.alerts[alertKey('bug-filed', BUG_TAG)]) {
      await deps.intercom.tagConversation(ticketId, deps.config.jira.intercomTags);
      ticket = await append(ticketId, [bugStep(ticketId, intent.bugId, BUG_TAG)]);
      steps.push('tag');
    }

    // 4. The thread root in the bugs channel.
    if (!ticket.alerts[alertKey('bug-filed', BUG_THREAD)]) {
      const root = buildBugThreadRoot({
        kindTitle: template.title,
        summary: bug.fields.summary ?? template.title,
        customerName,
        plan,
        keyAccount: ticket.keyAccount,
        priority: bug.priority,
        slaDeadline,
        jira: issue,
        conversationId: isConversation ? ticketId : null,
        intercomUrl: url,
        reportedBy: bug.by,
      });
      const posted = await deps.slack.postMessage({ channel: deps.config.slack.channels.bugs, text: root.text, blocks: root.blocks });
      await append(ticketId, [
        { id: `bug-thread:${intent.bugId}`, ticketId, at: now(), source: 'bot', kind: 'AlertSent', alert: 'bug-filed', target: BUG_THREAD, channel: posted.channel, slackTs: posted.ts },
        { id: `bug-thread-posted:${intent.bugId}`, ticketId, at: now(), source: 'bot', kind: 'SlackThreadPosted', channel: posted.channel, ts: posted.ts },
      ]);
      steps.push('thread');
    }
    log?.info({ ticketId, bugId: intent.bugId, key: issue.key, steps }, 'bug filed in Jira');
    return { kind: intent.kind, status: steps.includes('created') ? 'done' : 'skipped', detail: { key: issue.key, steps } };
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
        return createJiraIssue(intent);
    }
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
