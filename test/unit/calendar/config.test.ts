import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG_DIR, loadConfig } from '../../../src/config/load';
import { calendarWarnings } from '../../../src/domain/calendar';
import { at, shippedCalendarsConfig } from './shipped';

/**
 * Bad calendar configuration, read through the real loader: every mistake is reported with the
 * dotted path of the key and what was expected. The folder of defaults is a copy holding only
 * config/calendars.yaml, so the messages checked here are the calendar's own.
 */

let dir: string;
let defaults: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-relay-calendar-config-'));
  defaults = path.join(dir, 'defaults');
  fs.mkdirSync(defaults);
  fs.copyFileSync(path.join(DEFAULT_CONFIG_DIR, 'calendars.yaml'), path.join(defaults, 'calendars.yaml'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** The `calendars.…` messages for an overlay file holding `yaml`. */
function calendarIssues(yaml: string, base = defaults): string[] {
  const file = path.join(dir, `overlay-${++n}.yaml`);
  fs.writeFileSync(file, yaml);
  const result = loadConfig({ dir: base, overlay: file });
  if (result.ok) return [];
  return result.issues.filter((i) => i.path.startsWith('calendars')).map((i) => `${i.path}: ${i.message}`);
}

describe('a support lead editing config/calendars.yaml is told which key is wrong and why', () => {
  it('a time written "8h"', () => {
    expect(calendarIssues('calendars:\n  default:\n    hours:\n      mon: [{ start: "8h", end: "17:00" }]\n')).toEqual([
      'calendars.default.hours.mon.0.start: expected a time like "08:00"',
    ]);
  });

  it('a time that is not a string', () => {
    expect(calendarIssues('calendars:\n  default:\n    hours:\n      tue: [{ start: 8, end: "17:00" }]\n')).toEqual([
      'calendars.default.hours.tue.0.start: expected a time like "08:00"',
    ]);
  });

  it('an interval that ends before it starts', () => {
    expect(calendarIssues('calendars:\n  default:\n    hours:\n      mon: [{ start: "17:00", end: "08:00" }]\n')).toEqual([
      'calendars.default.hours.mon.0.end: expected end after start (an interval is "start"–"end" within one day)',
    ]);
  });

  it('two intervals of a day that overlap', () => {
    expect(
      calendarIssues('calendars:\n  default:\n    hours:\n      wed: [{ start: "08:00", end: "13:00" }, { start: "12:30", end: "17:00" }]\n'),
    ).toEqual(['calendars.default.hours.wed.1: overlaps 08:00–13:00; intervals of a day must not overlap']);
  });

  it('a weekday spelt out', () => {
    expect(calendarIssues('calendars:\n  default:\n    hours:\n      monday: [{ start: "08:00", end: "17:00" }]\n')).toEqual([
      'calendars.default.hours: unknown key "monday"; expected mon, tue, wed, thu, fri, sat, sun',
    ]);
  });

  it('a time zone that does not exist', () => {
    expect(calendarIssues('calendars:\n  default:\n    zone: Europe/Igualada\n')).toEqual([
      'calendars.default.zone: expected an IANA time zone like "Europe/Madrid"',
    ]);
  });

  it('a date that does not exist and a holiday without a name', () => {
    expect(calendarIssues('calendars:\n  default:\n    closed:\n      2027-02-29: Leap day?\n      2027-05-03: ""\n')).toEqual([
      'calendars.default.closed.2027-02-29: expected a date like "2026-06-24"',
      'calendars.default.closed.2027-05-03: expected the name of the day, e.g. "Sant Joan"',
    ]);
  });

  it('a date both closed and worked', () => {
    expect(calendarIssues('calendars:\n  default:\n    closed:\n      2026-06-24: Sant Joan\n')).toEqual([
      'calendars.default.open.2026-06-24: is also listed under closed (Sant Joan); a date is either closed or open — remove one (a ~ name removes a date)',
    ]);
  });

  it('…which a ~ fixes: the worked holiday is removed and the date closes', () => {
    expect(calendarIssues('calendars:\n  default:\n    closed:\n      2026-06-24: Sant Joan\n    open:\n      2026-06-24: ~\n')).toEqual([]);
  });

  it('a calendar extending one that does not exist, or itself', () => {
    expect(calendarIssues('calendars:\n  staffed:\n    extends: platinum\n')).toEqual([
      'calendars.staffed.extends: extends "platinum", which is not a calendar here (default, staffed, provider-us)',
    ]);
    expect(calendarIssues('calendars:\n  default:\n    extends: staffed\n')).toEqual([
      'calendars.default.extends: extends itself through default → staffed → default',
      'calendars.staffed.extends: extends itself through staffed → default → staffed',
    ]);
  });

  it('an unknown setting in a calendar and a calendar name with spaces', () => {
    expect(calendarIssues('calendars:\n  default:\n    timezone: Europe/Madrid\n  key accounts: {}\n')).toEqual([
      'calendars.default: unknown key "timezone"; expected description, extends, zone, hours, closed, open',
      'calendars.key accounts: expected a calendar name of letters, digits, "-" or "_"',
    ]);
  });

  it('a calendar that never opens', () => {
    expect(calendarIssues('calendars:\n  closed-shop:\n    hours: { sat: [] }\n')).toEqual([
      'calendars.closed-shop.hours: expected opening hours on at least one weekday (a calendar that never opens has no deadlines)',
    ]);
  });

  it('no default calendar', () => {
    const bare = path.join(dir, 'bare');
    fs.mkdirSync(bare, { recursive: true });
    fs.writeFileSync(path.join(bare, 'calendars.yaml'), 'team:\n  zone: Europe/Madrid\n');
    expect(calendarIssues('calendars: {}\n', bare)).toEqual(['calendars: a calendar named "default" is required']);
  });

  it('the shipped calendars are valid', () => {
    expect(calendarIssues('calendars: {}\n')).toEqual([]);
  });
});

describe('a year with no closed dates is reported (the calendar is set each January)', () => {
  const shipped = shippedCalendarsConfig();

  it('nothing to report while 2026 and 2027 are set', () => {
    expect(calendarWarnings(shipped, at('2026-11-23T10:00:00+01:00'))).toEqual([]);
  });

  it('from 2027 on, every calendar lacks 2028', () => {
    const hint = "— add the year's holidays to config/calendars.yaml (the calendar is set each January)";
    expect(calendarWarnings(shipped, at('2027-01-04T09:00:00+01:00'))).toEqual([
      `calendars.default: no closed dates configured for 2028 ${hint}`,
      `calendars.staffed: no closed dates configured for 2028 ${hint}`,
      `calendars.provider-us: no closed dates configured for 2028 ${hint}`,
    ]);
  });

  it("counts the year in each calendar's own zone", () => {
    // 31 Dec 2027 23:30 UTC is already 2028 in Madrid but still 2027 in New York.
    const warnings = calendarWarnings(shipped, at('2027-12-31T23:30:00Z'));
    expect(warnings.map((w) => w.split(' —')[0])).toEqual([
      'calendars.default: no closed dates configured for 2028',
      'calendars.default: no closed dates configured for 2029',
      'calendars.staffed: no closed dates configured for 2028',
      'calendars.staffed: no closed dates configured for 2029',
      'calendars.provider-us: no closed dates configured for 2028',
    ]);
  });
});
