import type { Ticket } from '../ticket';
import { assigneeOrTeam, channelPost, userDm } from './recipients';
import type { AlertChannels, Delivery, FollowupInput, Nag } from './types';

function isLive(t: Ticket): boolean {
  return t.opened && t.status !== 'closed' && t.status !== 'deleted';
}

/** The company's CSM, else the default CSM, else the managers' channel. */
function csmDelivery(t: Ticket, defaultCsm: string | undefined, channels: AlertChannels, text: string): Delivery {
  const csm = t.company?.csm ?? defaultCsm;
  return csm ? userDm('csm', csm, text) : channelPost('managers', channels.managers, text);
}

/**
 * The escalation rules (METHODOLOGY.md, "Escalation rules"), each read from the ticket's state so
 * a late run, a sweep or a replay finds the same answer:
 * - a complaint → the company's CSM (or the default CSM) at once;
 * - a key-account incident → the managers' channel (and the KA badge on every alert);
 * - too many exchanges without a conclusion → suggest a phone call to the agent;
 * - a phone request from a plan without phone support → the CSM, as a possible upsell;
 * - the third Media or Urgente evolutivo of one company in a calendar month → the EVO channel.
 * They are due when the ticket opened (they fire as soon as the fact is known).
 */
export function escalationNags(input: FollowupInput): Nag[] {
  const { ticket: t, config, channels } = input;
  if (!isLive(t)) return [];
  const dueAt = t.createdAt ?? 0;
  const nags: Nag[] = [];
  const flags = t.classification?.flags;
  if (flags?.complaint) {
    nags.push({ alert: 'complaint', target: 'csm', dueAt, cycleStart: 0, vars: {}, detailed: true, deliveries: [csmDelivery(t, config.people.defaultCsm, channels, 'complaint')] });
  }
  if (t.keyAccount && t.type === 'incidencia') {
    nags.push({
      alert: 'ka-incident',
      target: 'incident',
      dueAt,
      cycleStart: 0,
      vars: {},
      detailed: true,
      deliveries: [channelPost('managers', channels.managers, 'ka-incident', true)],
    });
  }
  if (t.exchanges >= config.exchangesThreshold && t.status !== 'waiting-on-customer') {
    nags.push({
      alert: 'too-many-exchanges',
      target: String(config.exchangesThreshold),
      dueAt: t.lastPublicReplyAt ?? dueAt,
      cycleStart: 0,
      vars: { exchanges: t.exchanges },
      deliveries: [assigneeOrTeam(t, channels.team, 'too-many-exchanges')],
    });
  }
  if (flags?.phoneRequest && input.phoneIncluded === false) {
    nags.push({ alert: 'phone-upsell', target: 'phone', dueAt, cycleStart: 0, vars: {}, deliveries: [csmDelivery(t, config.people.defaultCsm, channels, 'phone-upsell')] });
  }
  const evoLimited = t.type === 'evolutivo' && (t.evoCriticality === 'Media' || t.evoCriticality === 'Urgente');
  if (evoLimited && input.evoRankInMonth !== null && input.evoRankInMonth > config.evoMonthlyLimit) {
    nags.push({
      alert: 'evo-monthly-limit',
      target: 'month',
      dueAt,
      cycleStart: 0,
      vars: { rank: input.evoRankInMonth, limit: config.evoMonthlyLimit },
      deliveries: [channelPost('evo', channels.evo, 'evo-monthly-limit')],
    });
  }
  return nags;
}
