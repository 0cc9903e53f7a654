import { DateTime } from 'luxon';

/**
 * A brute-force business calendar for property tests, written independently of the real one:
 * it asks luxon for each minute's local date and wall-clock time and counts open minutes one by
 * one. Slow and obviously right. Each UTC hour's local date and time is asked once and its 60
 * minutes remembered, which is exact for zones whose offsets are whole hours (checked).
 */
export interface OracleCalendar {
  zone: string;
  /** Luxon weekday (1 = Monday … 7 = Sunday) → [start, end) as "HH:MM". */
  hours: Record<number, [string, string][]>;
  closed: ReadonlySet<string>;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export class MinuteOracle {
  /** Per UTC hour: whether each of its 60 minutes is open (worked out minute by minute). */
  private readonly memo = new Map<number, Uint8Array>();
  private readonly intervals: Record<number, [number, number][]> = {};

  constructor(private readonly cal: OracleCalendar) {
    for (let d = 1; d <= 7; d++) this.intervals[d] = (cal.hours[d] ?? []).map(([s, e]) => [toMinutes(s), toMinutes(e)]);
  }

  private hourFlags(h: number): Uint8Array {
    let flags = this.memo.get(h);
    if (!flags) {
      const dt = DateTime.fromMillis(h * HOUR, { zone: this.cal.zone });
      if (dt.offset % 60 !== 0) throw new Error(`oracle needs whole-hour offsets, ${this.cal.zone} has ${dt.offset} min`);
      const closed = this.cal.closed.has(dt.toISODate()!);
      const intervals = this.intervals[dt.weekday];
      flags = new Uint8Array(60);
      for (let k = 0; k < 60; k++) {
        const minuteOfDay = dt.hour * 60 + k;
        flags[k] = !closed && intervals.some(([s, e]) => minuteOfDay >= s && minuteOfDay < e) ? 1 : 0;
      }
      this.memo.set(h, flags);
    }
    return flags;
  }

  private lastHour = NaN;
  private lastFlags: Uint8Array = new Uint8Array(60);

  /** Is the minute starting at `t` (a whole minute) open? */
  isOpen(t: number): boolean {
    // No Math.floor here: jest runs tests in a vm context where every global lookup is slow.
    const h = (t - (t % HOUR)) / HOUR;
    if (h !== this.lastHour) {
      this.lastFlags = this.hourFlags(h);
      this.lastHour = h;
    }
    return this.lastFlags[(t - h * HOUR) / MINUTE] === 1;
  }

  /** Counts `minutes` open minutes from `from`; the deadline is the end of the last one. */
  add(from: number, minutes: number): number {
    let t = from;
    let left = minutes;
    while (left > 0) {
      if (this.isOpen(t)) left--;
      t += MINUTE;
    }
    return t;
  }

  /** Open ms in [from, to), minute by minute. */
  between(from: number, to: number): number {
    let n = 0;
    for (let t = from; t < to; t += MINUTE) if (this.isOpen(t)) n++;
    return n * MINUTE;
  }

  nextOpening(from: number, limitMinutes = 60 * 24 * 30): number {
    for (let t = from, k = 0; k < limitMinutes; t += MINUTE, k++) if (this.isOpen(t)) return t;
    throw new Error('oracle: no opening within the limit');
  }
}
