import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../../../src/config/load';
import type { Config } from '../../../../src/config/schema';
import { DEFAULT_INGEST_CONFIG } from '../../../../src/config/ingest.schema';
import { DEFAULT_INTERCOM_CONFIG } from '../../../../src/config/intercom.schema';
import type { Logger } from '../../../../src/ports';
import { deleteKeysMatching } from '../../../../src/adapters/redis/scan-keys';

/**
 * The repository's configuration, or (while another section is being rewritten and does not
 * validate) the two sections the worker itself reads, with their defaults.
 */
export function testConfig(): Config {
  const r = loadConfig();
  if (r.ok) return r.config;
  return { ingest: DEFAULT_INGEST_CONFIG, intercom: DEFAULT_INTERCOM_CONFIG } as unknown as Config;
}

/** A logger that keeps lines in memory (and prints nothing). */
export function memoryLogger(lines: { level: string; obj: object; msg?: string }[] = []): Logger {
  const make = (bindings: object): Logger => ({
    info: (obj, msg) => void lines.push({ level: 'info', obj: { ...bindings, ...obj }, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj: { ...bindings, ...obj }, msg }),
    error: (obj, msg) => void lines.push({ level: 'error', obj: { ...bindings, ...obj }, msg }),
    debug: (obj, msg) => void lines.push({ level: 'debug', obj: { ...bindings, ...obj }, msg }),
    child: (more) => make({ ...bindings, ...more }),
  });
  return make({});
}

/** Waits until `check` holds (polling), or fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until a job reaches a final state and returns it. */
export async function waitForJob(queue: Queue, jobId: string, state: 'completed' | 'failed' = 'completed', timeoutMs = 15_000): Promise<Job> {
  await waitFor(`job ${jobId} ${state}`, async () => (await queue.getJobState(jobId)) === state, timeoutMs);
  // Read the job after it reached the state, so its return value and counters are final.
  return (await queue.getJob(jobId)) as Job;
}

/** Deletes every key under a prefix (test clean-up). */
export async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  await deleteKeysMatching(redis, pattern);
}
