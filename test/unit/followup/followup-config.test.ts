import { formatIssues } from '../../../src/config/load';
import { FollowupConfigSchema } from '../../../src/config/followup.schema';
import { config } from './support';

function issues(raw: unknown): string[] {
  const r = FollowupConfigSchema.safeParse(raw);
  return r.success ? [] : formatIssues(r.error).map((i) => `followup.${i.path}: ${i.message}`);
}

describe('the followup configuration', () => {
  it('ships the methodology defaults: 48 business hours, 6 exchanges, two evolutivos a month, digests at 08:30 and 15:30', () => {
    expect(config.followup.ladder.interval).toBe(48 * 3_600_000);
    expect(config.followup.exchangesThreshold).toBe(6);
    expect(config.followup.evoMonthlyLimit).toBe(2);
    expect(config.followup.digests.times).toEqual(['08:30', '15:30']);
    expect(FollowupConfigSchema.parse({})).toEqual(config.followup);
  });

  it('names the key and what was expected', () => {
    expect(issues({ ladder: { interval: '2 days' }, digests: { times: ['8.30'] }, people: { headOfDepartment: 'jefa@example.com' } })).toEqual([
      'followup.ladder.interval: expected a duration like "4h", got "2 days"',
      'followup.digests.times.0: expected a time like "08:30"',
      'followup.people.headOfDepartment: expected a Slack user id like "U024BE7LH"',
    ]);
    expect(issues({ digests: { times: ['08:30', '12:00', '15:30'] } })).toEqual(['followup.digests.times: expected one or two times: the start-of-day digest and the afternoon one']);
  });
});
