import { readableAlertTarget } from '../../../src/domain/followup';

describe('alert targets shown to people', () => {
  const iso = (at: number) => new Date(at).toISOString().slice(0, 16);
  it('shows the deadline and cycle instants through the formatter and keeps the rest', () => {
    expect(readableAlertTarget('contractual.firstResponse#1773655200000@team', iso)).toBe('contractual.firstResponse#2026-03-16T10:00@team');
    expect(readableAlertTarget('2~1773649200000@head', iso)).toBe('2~2026-03-16T08:20@head');
    expect(readableAlertTarget('csm', iso)).toBe('csm');
  });
});
