import type { Redis } from 'ioredis';
import type { Decider } from '../../../../src/jobs/events/decider';

/** Keys a crash test controls: the decider says when it is in flight and waits for the gate. */
export const gateKeys = (control: string) => ({ inFlight: `${control}:in-flight`, gate: `${control}:gate`, passed: `${control}:passed` });

/**
 * A decision that marks itself in flight, then waits until the gate key exists, then counts a pass
 * and asks for one effect. Killing the process while it waits leaves the job active and unfinished.
 */
export function gateDecider(redis: Redis, control: string): Decider {
  const keys = gateKeys(control);
  return async ({ ticket }) => {
    await redis.set(keys.inFlight, String(process.pid));
    while ((await redis.exists(keys.gate)) === 0) await new Promise((r) => setTimeout(r, 25));
    await redis.incr(keys.passed);
    return [{ kind: 'slack.post', key: `crash-test:${ticket.id}`, ticketId: ticket.id, to: { kind: 'channel', channel: 'C1' }, text: 'once' }];
  };
}
