import type { Queue } from 'bullmq';
import type { Intent } from '../../domain/intents';
import type { IntentSink } from '../../ports';
import { effectJobId, type EffectJob } from '../queues';

/**
 * {@link IntentSink} on the `effects` queue. The job id is derived from the intent's key, so an
 * intent decided twice (a retry, a redelivery, a DLQ replay) is one job while that job is kept,
 * and the effects processor is idempotent by the same key after that.
 */
export class QueueIntentSink implements IntentSink {
  constructor(private readonly effects: Queue<EffectJob>) {}

  async dispatch(intents: Intent[]): Promise<void> {
    if (intents.length === 0) return;
    const unique = new Map<string, Intent>();
    for (const intent of intents) if (!unique.has(intent.key)) unique.set(intent.key, intent);
    await this.effects.addBulk([...unique.values()].map((intent) => ({ name: intent.kind, data: { intent }, opts: { jobId: effectJobId(intent.key) } })));
  }
}
