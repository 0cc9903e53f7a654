import type { Classification } from '../events';

/**
 * What follows from a classification for the other decisions (escalations, timers, Slack alerts),
 * which are not the rules engine's to carry out. Methodology: "Three kinds of ticket" and
 * "Escalation rules" in shared/domain/METHODOLOGY.md.
 */
export interface ClassificationRouting {
  /** Evolutivo: route to the EVO team (estimate in T-Points, written approval). */
  routeToEvo: boolean;
  /** Complaint or clear dissatisfaction: escalate to the Customer Success Manager at once. */
  escalateToCsm: boolean;
  /** Phone support asked for by a plan that does not include it: CSM, possible upsell. */
  phoneUpsell: boolean;
  /** Phone support asked for by a plan that includes it. */
  phoneCallIncluded: boolean;
  /** Key account: a visible flag everywhere, first when in doubt. */
  keyAccount: boolean;
  /** The bot was not sure: the agent decides. */
  lowConfidence: boolean;
}

/** Derives the routing facts other decisions need from a classification. */
export function classificationRouting(c: Classification): ClassificationRouting {
  return {
    routeToEvo: c.type === 'evolutivo',
    escalateToCsm: c.flags.complaint,
    phoneUpsell: c.flags.phoneRequest && c.phoneIncludedInPlan === false,
    phoneCallIncluded: c.flags.phoneRequest && c.phoneIncludedInPlan === true,
    keyAccount: c.flags.keyAccount,
    lowConfidence: c.lowConfidence ?? false,
  };
}
