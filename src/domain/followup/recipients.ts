import type { Ticket } from '../ticket';
import type { Delivery, Recipient } from './types';

/** A DM to the ticket's assignee (none when unassigned). */
export function assigneeDm(t: Ticket, text: string): Delivery[] {
  return t.assigneeId ? [{ recipient: 'assignee', to: { kind: 'user', intercomAdminId: t.assigneeId }, dm: true, text }] : [];
}

/** A DM to the assignee, or a post in the team channel when nobody has the ticket. */
export function assigneeOrTeam(t: Ticket, team: string, text: string, unassignedText: string = text): Delivery {
  return assigneeDm(t, text)[0] ?? { recipient: 'team', to: { kind: 'channel', channel: team }, dm: false, text: unassignedText };
}

/** A post in a channel. */
export function channelPost(recipient: Recipient, channel: string, text: string, loud = false): Delivery {
  return { recipient, to: { kind: 'channel', channel }, dm: false, text, ...(loud ? { loud } : {}) };
}

/** A DM to a Slack user. */
export function userDm(recipient: Recipient, slackUserId: string, text: string): Delivery {
  return { recipient, to: { kind: 'user', slackUserId }, dm: true, text };
}
