import type { Ticket } from '../ticket';
import { assigneeDm, assigneeOrTeam, channelPost, userDm } from './recipients';
import type { FollowupCalendar, Nag } from './types';

/** The ladder has four stages; the fourth escalates to the head of department. */
export const LADDER_STAGES = [1, 2, 3, 4] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

/** Where a ticket stands on the follow-up ladder at some instant. */
export interface LadderPosition {
  /** The last public support reply the ladder counts from (the cycle), or null when it is not running. */
  base: number | null;
  /** Each stage's due instant (postponed by a ladder snooze), in order. Empty when not running. */
  dues: number[];
}

/** Statuses in which support owes the customer news (a provider's ticket stays ours). */
function ladderRuns(t: Ticket): boolean {
  return t.opened && (t.status === 'open' || t.status === 'snoozed' || t.status === 'waiting-on-provider');
}

/**
 * The follow-up ladder (METHODOLOGY.md, "no ticket left without feedback"): counting from the last
 * public support reply, when the customer has not written since, stage k is due after k × interval
 * of the ticket's clock (48 business hours by default). A public reply starts a new cycle; a
 * customer message stops it (the ticket then needs an answer: the SLA's business); waiting on the
 * customer stops it (the customer-silent reminders take over). A ladder snooze postpones every stage
 * still ahead to the end of the snooze.
 */
export function ladderPosition(t: Ticket, calendar: FollowupCalendar, interval: number): LadderPosition {
  const base = t.lastPublicReplyAt;
  if (!ladderRuns(t) || base === null) return { base: null, dues: [] };
  if (t.lastCustomerMessageAt !== null && t.lastCustomerMessageAt > base) return { base: null, dues: [] };
  const snooze = t.ladderSnoozedUntil !== null && t.ladderSnoozedUntil > base ? t.ladderSnoozedUntil : null;
  const dues: number[] = [];
  let at = base;
  for (const _stage of LADDER_STAGES) {
    at = calendar.addBusinessTime(at, interval);
    dues.push(snooze !== null ? Math.max(at, snooze) : at);
  }
  return { base, dues };
}

/** The stage due at `now` (the highest reached, so a late run sends one nag, not four), or null. */
export function ladderStageAt(position: LadderPosition, now: number): LadderStage | null {
  let stage: LadderStage | null = null;
  position.dues.forEach((due, i) => {
    if (due <= now) stage = LADDER_STAGES[i];
  });
  return stage;
}

/**
 * The ladder's nags: the stage due now (if any) and the next stage ahead (for its timer).
 * Stages 1–3 go to the assignee (the team channel when nobody has it) with that stage's guidance;
 * stage 4 escalates to the head of department (DM) and the managers' channel.
 */
export function ladderNags(
  t: Ticket,
  now: number,
  calendar: FollowupCalendar,
  interval: number,
  headOfDepartment: string | undefined,
  channels: { team: string; managers: string },
): Nag[] {
  const position = ladderPosition(t, calendar, interval);
  if (position.base === null) return [];
  const base = position.base;
  const current = ladderStageAt(position, now);
  const nags: Nag[] = [];
  position.dues.forEach((dueAt, i) => {
    const stage = LADDER_STAGES[i];
    // Stages passed over (a late run, a long snooze) are skipped: only the highest due one is sent.
    if (dueAt <= now && stage !== current) return;
    const deliveries =
      stage < 4
        ? [assigneeOrTeam(t, channels.team, 'ladder-stage', 'ladder-stage-unassigned')]
        : [
            channelPost('managers', channels.managers, 'ladder-stage-4-managers', true),
            ...(headOfDepartment ? [userDm('head', headOfDepartment, 'ladder-stage-4-head')] : []),
            ...assigneeDm(t, 'ladder-stage'),
          ];
    nags.push({ alert: 'ladder', target: String(stage), dueAt, cycleStart: base, vars: { stage }, deliveries, ...(stage === 4 ? { detailed: true } : {}) });
  });
  return nags;
}
