import type { Ticket } from '../ticket';
import { assigneeDm, channelPost } from './recipients';
import type { AlertChannels, Nag, SlaTargetView } from './types';

/**
 * SLA alerts from the ticket's targets (contractual and internal):
 * - at-risk (a share of the target elapsed) → DM to the assignee and a post in the team channel;
 * - a response target breached → the managers' channel with the facts and buttons; a contractual
 *   breach is louder (a channel mention, a red header) and also tells the assignee;
 * - the resolution intent exceeded → escalate one level up (internal: the team channel;
 *   contractual: the managers' channel) and remind the agent to tell the customer.
 * Paused and met targets say nothing; a target already breached skips its at-risk alert.
 *
 * Once, at the right time: an alert belongs to a deadline, not to a target forever. Each alert is
 * about the target's current deadline (recorded as `<target>#<deadline>`), so retries, restarts and
 * repeated reviews of the same deadline never repeat it, while a re-based target (a priority, type
 * or plan change, a hand-over to a provider) whose deadline moved is announced again, once, for its
 * new deadline: a Media raised to Alta after its at-risk alert is at risk again, and says so.
 * `everyResponse` targets also alert once per customer message (their cycle).
 */
export function slaNags(t: Ticket, targets: readonly SlaTargetView[], channels: AlertChannels): Nag[] {
  const nags: Nag[] = [];
  for (const v of targets) {
    if (v.state === 'paused' || v.state === 'met' || v.deadline === null) continue;
    const vars = { targetId: v.id, measure: v.measure, deadlineAt: v.deadline, targetMs: v.targetMs ?? 0 };
    // Each customer message opens a new `everyResponse` cycle: one alert per cycle.
    const cycleStart = v.measure === 'everyResponse' ? (v.startedAt ?? 0) : 0;
    const deadline = v.deadline;
    if (v.state !== 'breached' && v.atRiskAt !== null && v.atRiskAt < v.deadline) {
      nags.push({
        alert: 'sla-at-risk',
        target: v.id,
        dueAt: v.atRiskAt,
        cycleStart,
        deadline,
        vars,
        deliveries: [...assigneeDm(t, 'sla-at-risk-dm'), channelPost('team', channels.team, 'sla-at-risk-team')],
      });
    }
    if (v.measure === 'resolution') {
      nags.push({
        alert: 'resolution-exceeded',
        target: v.id,
        dueAt: v.deadline,
        cycleStart,
        deadline,
        vars,
        detailed: true,
        deliveries: [
          v.contractual
            ? channelPost('managers', channels.managers, 'resolution-exceeded-up', true)
            : channelPost('team', channels.team, 'resolution-exceeded-up'),
          ...assigneeDm(t, 'resolution-exceeded-agent'),
        ],
      });
    } else {
      nags.push({
        alert: 'sla-breached',
        target: v.id,
        dueAt: v.deadline,
        cycleStart,
        deadline,
        vars,
        detailed: true,
        deliveries: v.contractual
          ? [
              channelPost('managers', channels.managers, 'sla-breached-contractual', true),
              ...assigneeDm(t, 'sla-breached-dm'),
            ]
          : [channelPost('managers', channels.managers, 'sla-breached')],
      });
    }
  }
  return nags;
}
