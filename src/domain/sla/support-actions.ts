import type { DomainEvent } from '../events';

/** Events from the bot itself (or its timers) are never a support response. */
function byPerson(e: DomainEvent, botAdminIds: readonly string[]): boolean {
  if (e.source === 'bot' || e.source === 'timer') return false;
  const adminId = 'adminId' in e ? e.adminId : null;
  return adminId === null || !botAdminIds.includes(adminId);
}

/** A public reply from support: stops first response and answers a customer's message. */
export function isPublicReply(e: DomainEvent, botAdminIds: readonly string[]): boolean {
  return e.kind === 'SupportReplied' && byPerson(e, botAdminIds);
}

/**
 * Any action of a support person on the ticket (what a `review` target waits for): a public reply,
 * an internal note, an assignment to an agent, a waiting status, a reclassification, a bug filed,
 * a snooze or closing it. Tags are left out: automations add them.
 */
export function isSupportAction(e: DomainEvent, botAdminIds: readonly string[]): boolean {
  switch (e.kind) {
    case 'SupportReplied':
    case 'NoteAdded':
    case 'WaitingOnCustomer':
    case 'WaitingOnProvider':
    case 'Reclassified':
    case 'BugFiled':
    case 'Snoozed':
    case 'Closed':
      return byPerson(e, botAdminIds);
    case 'Assigned':
      return e.adminId !== null && byPerson(e, botAdminIds);
    default:
      return false;
  }
}
