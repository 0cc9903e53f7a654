import type { Step } from './scenario';

/** One line of the scenario as it ran: what was done, when (virtual), and how the relay answered. */
export interface StepRecord {
  at: number;
  kind: Step['kind'] | 'timer';
  label: string;
  conversationId: string | null;
  outcome: string;
  ok: boolean;
}
