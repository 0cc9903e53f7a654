import type { Classification } from '../events';
import type { Gold } from './labeled-conversation';

/** One line of `care-relay classify` output: snake_case keys, as in the fixtures' `gold`. */
export type OutputLine = { id: string } & Gold & {
  confidence: number;
  rules: { id: string; matched?: string }[];
  language?: string;
  key_account: boolean;
  phone_included_in_plan: boolean | null;
  low_confidence: boolean;
};

/** Turns a classification into the CLI's output line (comparable field by field with `gold`). */
export function toOutputLine(id: string, c: Classification): OutputLine {
  return {
    id,
    type: c.type,
    priority: c.priority,
    evo_criticality: c.evoCriticality,
    complaint: c.flags.complaint,
    multi_topic: c.flags.multiTopic,
    phone_request: c.flags.phoneRequest,
    out_of_scope: c.flags.outOfScope,
    missing_info: c.flags.missingInfo,
    confidence: c.confidence,
    rules: c.rules,
    language: c.language,
    key_account: c.flags.keyAccount,
    phone_included_in_plan: c.phoneIncludedInPlan ?? null,
    low_confidence: c.lowConfidence ?? false,
  };
}
