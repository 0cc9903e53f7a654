import { parseIsoWeek, weeksEndingWith } from '../../../src/domain/metrics/periods';
import { DEFAULT_SPIKE_RULE, detectReleaseSpikes } from '../../../src/domain/metrics/release-spikes';

/** Nine consecutive weeks ending 2026-W47: eight of baseline, then the week under test. */
function series(volumes: number[]) {
  const weeks = weeksEndingWith(parseIsoWeek('2026-W47'), volumes.length);
  return weeks.map((week, i) => ({ week, opened: volumes[i] }));
}

const BASELINE = [10, 12, 8, 10, 11, 9, 10, 10]; // mean 10, population sd √1.25 ≈ 1.118: threshold max(12.24, 13) = 13

describe('release-spike detection (volume > mean + 2 sd and > 1.3 × mean of the 8 weeks before)', () => {
  it('flags a week with twice the usual volume and names the release six days before it', () => {
    const flags = detectReleaseSpikes(series([...BASELINE, 20]), [{ date: '2026-10-06', name: '26.4' }, { date: '2026-11-10', name: '26.4.3' }]);
    expect(flags).toHaveLength(1);
    expect(flags[0].week).toBe('2026-W47');
    expect(flags[0].baselineMean).toBe(10);
    expect(flags[0].baselineSd).toBeCloseTo(Math.sqrt(1.25), 10);
    expect(flags[0].threshold).toBeCloseTo(13, 10);
    expect(flags[0].release).toEqual({ date: '2026-11-10', name: '26.4.3', daysBeforeWeek: 6 });
  });

  it('does not flag a week at exactly 1.3 × the mean (13), but does at 14', () => {
    expect(detectReleaseSpikes(series([...BASELINE, 13]), [])).toEqual([]);
    expect(detectReleaseSpikes(series([...BASELINE, 14]), []).map((f) => f.week)).toEqual(['2026-W47']);
  });

  it('needs the ratio guard: a perfectly steady baseline (sd 0) does not make 11 a spike', () => {
    expect(detectReleaseSpikes(series([10, 10, 10, 10, 10, 10, 10, 10, 11]), [])).toEqual([]);
  });

  it('needs the sigma guard: on a noisy baseline (mean 10, sd 8) 25 is not a spike, 27 is', () => {
    const noisy = [2, 18, 2, 18, 2, 18, 2, 18];
    expect(detectReleaseSpikes(series([...noisy, 25]), [])).toEqual([]);
    expect(detectReleaseSpikes(series([...noisy, 27]), [])).toHaveLength(1);
  });

  it('says no release preceded a spike when the last one is older than the 14-day window', () => {
    const flags = detectReleaseSpikes(series([...BASELINE, 20]), [{ date: '2026-10-06' }]);
    expect(flags[0].release).toBeNull();
  });

  it('counts a release during the spike week (negative days before the week)', () => {
    const flags = detectReleaseSpikes(series([...BASELINE, 20]), [{ date: '2026-11-18' }]);
    expect(flags[0].release).toEqual({ date: '2026-11-18', name: null, daysBeforeWeek: -2 });
  });

  it('waits for four weeks of history before flagging anything', () => {
    expect(detectReleaseSpikes(series([10, 10, 10, 90]), [])).toEqual([]);
    expect(detectReleaseSpikes(series([10, 10, 10, 10, 90]), [], DEFAULT_SPIKE_RULE).map((f) => f.opened)).toEqual([90]);
  });
});

describe('the baseline starts with the data', () => {
  it('does not treat the empty weeks before the first conversation as a baseline', () => {
    expect(detectReleaseSpikes(series([0, 0, 0, 0, 0, 10, 10, 10, 10, 11]), [])).toEqual([]);
  });
});
