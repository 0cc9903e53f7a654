/**
 * A worker process for the crash test (run with `node --import tsx`): the events Worker with the
 * gate decision, short lock so a killed process's job is recovered quickly. Never exits by itself.
 */
import IORedis from 'ioredis';
import { startWorker } from '../../../../src/app/worker';
import { gateDecider } from './gate-decider';
import { memoryLogger, testConfig } from './worker-test-kit';

const env = process.env;
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const control = new IORedis(redisUrl);
startWorker({
  config: testConfig(),
  logger: memoryLogger(),
  redisUrl,
  queuePrefix: env.TEST_QUEUE_PREFIX,
  keyPrefix: env.TEST_KEY_PREFIX,
  intercom: null,
  deciders: [gateDecider(control, env.TEST_CONTROL_PREFIX ?? 'crash')],
  processors: {},
  lockDuration: 1_000,
  stalledInterval: 300,
});
process.stdout.write('worker-ready\n');
