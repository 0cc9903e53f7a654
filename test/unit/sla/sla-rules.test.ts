import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { deepMerge } from '../../../src/config/load';
import { PlansConfigSchema } from '../../../src/config/plans.schema';
import { SlaConfigSchema } from '../../../src/config/sla.schema';
import type { SlaSettings } from '../../../src/domain/sla';
import { HOUR, History, ROOT, at, clock, iso } from './sla-test-kit';

/** The shipped defaults with one of config/examples/ laid over them, as `config check FILE` does. */
function example(file: string): SlaSettings {
  const read = (p: string) => YAML.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
  const overlay = read(`config/examples/${file}`) as { sla: unknown };
  return {
    sla: SlaConfigSchema.parse(deepMerge(read('config/sla.yaml'), overlay.sla)),
    plans: PlansConfigSchema.parse(read('config/plans.yaml')),
  };
}

describe('Complif: every customer gets an answer within 24 hours', () => {
  const complif = example('complif.yaml');

  it('has that one target and no plan tables', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').report('2026-07-06T08:00:00+02:00', complif);
    expect(r.clocks.map((c) => c.key)).toEqual(['contractual.answerWithin24h']);
    const c = clock(r, 'contractual.answerWithin24h');
    expect(c.kind).toBe('everyResponse');
    expect(c.clock).toBe('natural');
    expect(iso(c.deadline)).toBe('2026-07-07T08:00:00+02:00');
  });

  it('counts each customer message that waits for an answer, and remembers the missed ones', () => {
    const h = new History()
      .opened('2026-07-03T17:00:00+02:00') // Friday evening
      .replied('2026-07-04T18:00:00+02:00') // 25 h later: missed
      .customer('2026-07-06T10:00:00+02:00')
      .replied('2026-07-06T11:00:00+02:00'); // answered in an hour
    const answered = clock(h.report('2026-07-06T12:00:00+02:00', complif), 'contractual.answerWithin24h');
    expect(answered.state).toBe('met');
    expect(answered.cycles).toEqual({ total: 2, breached: 1 });

    h.customer('2026-07-06T12:00:00+02:00').customer('2026-07-06T15:00:00+02:00');
    const waiting = clock(h.report('2026-07-07T09:00:00+02:00', complif), 'contractual.answerWithin24h');
    // The clock runs from the first unanswered message, not the latest.
    expect(waiting.startedAt).toBe(at('2026-07-06T12:00:00+02:00'));
    expect(iso(waiting.deadline)).toBe('2026-07-07T12:00:00+02:00');
    expect(iso(waiting.atRiskAt)).toBe('2026-07-07T06:00:00+02:00');
    expect(waiting.state).toBe('at-risk');
    expect(waiting.remainingMs).toBe(3 * HOUR);
    expect(waiting.cycles).toEqual({ total: 3, breached: 1 });
  });

  it('an internal note does not answer the customer', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').noted('2026-07-06T09:00:00+02:00').report('2026-07-07T09:00:00+02:00', complif);
    expect(clock(r, 'contractual.answerWithin24h').state).toBe('breached');
  });
});

describe('Capvital: every ticket is reviewed within 2 hours', () => {
  const capvital = example('capvital.yaml');

  it('adds an internal review target to the plan tables', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').report('2026-07-06T08:00:00+02:00', capvital);
    expect(r.clocks.map((c) => c.key)).toEqual([
      'contractual.firstResponse',
      'contractual.resolution',
      'internal.firstResponse',
      'internal.resolution',
      'internal.reviewWithin2h',
    ]);
    expect(iso(clock(r, 'internal.reviewWithin2h').deadline)).toBe('2026-07-06T10:00:00+02:00');
  });

  it('an internal note is a review', () => {
    const r = new History().opened('2026-07-06T08:00:00+02:00').noted('2026-07-06T09:00:00+02:00').report('2026-07-06T10:00:00+02:00', capvital);
    expect(clock(r, 'internal.reviewWithin2h').state).toBe('met');
    expect(clock(r, 'contractual.firstResponse').state).toBe('running');
  });

  it('assigning the ticket to an agent is a review; the bot noting it is not', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00');
    h.noted('2026-07-06T08:00:01+02:00', { source: 'bot' });
    h.add({ kind: 'Assigned', at: at('2026-07-06T09:59:00+02:00'), adminId: 'a7', teamId: null });
    const c = clock(h.report('2026-07-06T12:00:00+02:00', capvital), 'internal.reviewWithin2h');
    expect(c.state).toBe('met');
    expect(iso(c.stoppedAt)).toBe('2026-07-06T09:59:00+02:00');
  });

  it('an assignment to a team only (an inbox rule) is not a review', () => {
    const h = new History().opened('2026-07-06T08:00:00+02:00');
    h.add({ kind: 'Assigned', at: at('2026-07-06T08:00:02+02:00'), adminId: null, teamId: 'support' });
    expect(clock(h.report('2026-07-06T10:30:00+02:00', capvital), 'internal.reviewWithin2h').state).toBe('breached');
  });

  it('counts business hours: a ticket opened on Friday at 16:30 is reviewed by Monday at 09:30', () => {
    const r = new History().opened('2026-07-03T16:30:00+02:00').report('2026-07-03T16:30:00+02:00', capvital);
    expect(iso(clock(r, 'internal.reviewWithin2h').deadline)).toBe('2026-07-06T09:30:00+02:00');
  });
});
