import { bugLabel, buildBugIssueFields, remoteLinkGlobalId } from '../../adapters/jira/bug-issue';
import type { DomainEventInput } from '../../domain/events';
import type { Intent } from '../../domain/intents';
import { isIntercomConversation } from '../../domain/jira-sync';
import { alertKey, type Ticket } from '../../domain/ticket';
import { buildBugThreadRoot } from '../../slack/blocks/bug-thread';
import { renderText } from '../../templates/text';
import { BUG_LINK, BUG_NOTE, BUG_TAG, BUG_THREAD, EffectBusyError, EffectInvalidError, EffectNotReadyError, conversationUrl, type EffectOutcome, type EffectsDeps } from './effects-deps';

/** Appends events to a ticket's log and returns the re-folded ticket. */
export type AppendEvents = (ticketId: string, events: DomainEventInput[]) => Promise<Ticket>;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The record of one step of filing a bug (remote link, tag) done. */
function bugStep(ticketId: string, bugId: string, target: string, at: number): DomainEventInput {
  return { id: `bug-step:${bugId}:${target}`, ticketId, at, source: 'bot', kind: 'AlertSent', alert: 'bug-filed', target, channel: null, slackTs: null };
}

/**
 * Files a bug (the `jira.createIssue` intent), each step exactly once: the Jira issue (the
 * ticket's `JiraLinked` first, then a search by the bug's label, then create), the remote link to
 * the conversation, the Intercom note and tags, and the thread root in the bugs channel. Every
 * step is recorded on the ticket as soon as it is done, so a retry resumes where the last try
 * stopped.
 */
export async function fileBug(deps: EffectsDeps, intent: Extract<Intent, { kind: 'jira.createIssue' }>, append: AppendEvents): Promise<EffectOutcome> {
  const ticketId = intent.ticketId;
  if (!ticketId) throw new EffectInvalidError(`jira.createIssue ${intent.bugId}: no ticket id`);
  if (!deps.bugLock) return fileBugSteps(deps, intent, ticketId, append);
  // Two different jobs for one bug (not retries of one job) must not both find nothing and both
  // create: the second waits for the first to record its steps, then skips them on its retry.
  const lock = await deps.bugLock.acquire(intent.bugId);
  if (!lock.acquired) throw new EffectBusyError(`bug ${intent.bugId} is being filed by another job; retry in ${lock.retryAfterMs} ms`, lock.retryAfterMs);
  try {
    return await fileBugSteps(deps, intent, ticketId, append);
  } finally {
    await lock.release().catch((err: unknown) => deps.logger?.warn({ bugId: intent.bugId, err: (err as Error).message }, 'could not release the bug lock (it expires by itself)'));
  }
}

async function fileBugSteps(deps: EffectsDeps, intent: Extract<Intent, { kind: 'jira.createIssue' }>, ticketId: string, append: AppendEvents): Promise<EffectOutcome> {
  const log = deps.logger;
  const now = () => deps.clock.now();
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
    ticket = await append(ticketId, [bugStep(ticketId, intent.bugId, BUG_LINK, now())]);
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
    ticket = await append(ticketId, [bugStep(ticketId, intent.bugId, BUG_TAG, now())]);
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
