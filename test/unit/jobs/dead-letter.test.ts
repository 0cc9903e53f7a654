import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { isControlFlow, isFinalAttempt, withDeadLetter } from '../../../src/jobs/dead-letter';

const job = (attemptsMade: number, attempts: number) => ({ id: 'j1', name: 'n', data: {}, attemptsMade, opts: { attempts } }) as unknown as Job;

describe('the dead-letter wrapper', () => {
  it('treats the last attempt and unrecoverable input as final', () => {
    expect(isFinalAttempt(job(4, 5), new Error('x'))).toBe(true);
    expect(isFinalAttempt(job(1, 5), new Error('x'))).toBe(false);
    expect(isFinalAttempt(job(0, 5), new UnrecoverableError('bad payload'))).toBe(true);
  });

  it('lets a timer sent back to delay pass through on its last attempt, without a dead letter', async () => {
    const added: unknown[] = [];
    const deadLetter = { add: async (...args: unknown[]) => void added.push(args) } as never;
    const wrapped = withDeadLetter('timers', async () => { throw new DelayedError(); }, deadLetter);
    expect(isControlFlow(new DelayedError())).toBe(true);
    await expect(wrapped(job(4, 5))).rejects.toBeInstanceOf(DelayedError);
    expect(added).toHaveLength(0);
  });

  it('copies a job failing its last attempt to the dead-letter queue, then rethrows', async () => {
    const added: unknown[] = [];
    const deadLetter = { add: async (...args: unknown[]) => void added.push(args) } as never;
    const wrapped = withDeadLetter('effects', async () => { throw new Error('Slack said no'); }, deadLetter, { now: () => 42 });
    await expect(wrapped(job(4, 5))).rejects.toThrow('Slack said no');
    expect(added).toHaveLength(1);
    expect((added[0] as [string, { failedReason: string; failedAt: number }])[1]).toMatchObject({ failedReason: 'Slack said no', failedAt: 42, queue: 'effects' });
  });
});
