import * as fs from 'node:fs';
import * as path from 'node:path';
import { addNaturalTime, naturalTimeBetween } from '../../../src/domain/calendar';
import { HOUR, at, madrid, shippedCalendars } from './shipped';

interface CalendarCase {
  from: string;
  hours: number;
  clock: 'business' | 'natural';
  expect: string;
  why: string;
}

const file = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'calendar-cases.jsonl');
const cases: CalendarCase[] = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as CalendarCase);

describe('the shared calendar cases (shared/fixtures/calendar-cases.jsonl) on the default calendar', () => {
  const calendar = shippedCalendars().get('default')!;

  it('reads every case', () => expect(cases.length).toBeGreaterThanOrEqual(24));

  it.each(cases.map((c) => [c.why, c] as const))('%s', (_why, c) => {
    const from = at(c.from);
    const ms = c.hours * HOUR;
    const due = c.clock === 'business' ? calendar.addBusinessTime(from, ms) : addNaturalTime(from, ms);
    expect(madrid(due)).toBe(madrid(at(c.expect)));
    expect(due).toBe(at(c.expect));
    // And back: the time between the start and the deadline is the duration asked for.
    const between = c.clock === 'business' ? calendar.businessTimeBetween(from, due) : naturalTimeBetween(from, due);
    expect(between).toBe(ms);
  });
});
