import { formatDuration, parseDuration } from '../../../src/config/duration';

describe('durations in configuration', () => {
  it.each([
    ['4h', 4 * 3_600_000],
    ['30m', 30 * 60_000],
    ['1h30m', 90 * 60_000],
    ['2.5h', 2.5 * 3_600_000],
    ['3d', 3 * 86_400_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'h', '4 hours', '-1h', 'soon'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull());

  it('formats back the way config writes them', () => {
    expect(formatDuration(90 * 60_000)).toBe('1h30m');
    expect(formatDuration(4 * 3_600_000)).toBe('4h');
    expect(formatDuration(45 * 60_000)).toBe('45m');
  });
});
