import type { Ticket } from '../ticket';
import { channelPost } from './recipients';
import type { AlertChannels, Nag } from './types';

/**
 * "A ticket must not stay open forever": a ticket open longer than `staleAfter` (natural time)
 * is listed once in the managers' channel, and in every team digest while it stays open.
 */
export function staleNags(t: Ticket, staleAfter: number, channels: AlertChannels): Nag[] {
  if (!t.opened || t.createdAt === null || t.status === 'closed' || t.status === 'deleted') return [];
  return [
    {
      alert: 'stale-ticket',
      target: 'age',
      dueAt: t.createdAt + staleAfter,
      cycleStart: 0,
      vars: {},
      deliveries: [channelPost('managers', channels.managers, 'stale-ticket')],
    },
  ];
}
