/**
 * A time zone's UTC offsets, read once through Intl (no date library on the hot path: offsets are
 * only needed while a year's table is built).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at instant `t`, in ms (Europe/Madrid: 3_600_000 in winter). */
export function zoneOffset(zone: string, t: number): number {
  const parts = formatter(zone).formatToParts(t);
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value); break;
      case 'minute': mi = Number(p.value); break;
      case 'second': s = Number(p.value); break;
      case 'era': bc = p.value === 'BC' || p.value === 'B'; break;
      default: break;
    }
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  const whole = t - (((t % 1000) + 1000) % 1000);
  return wall - whole;
}

/** A stretch of time with one offset: instants in [from, next segment's from). */
export interface OffsetSegment {
  from: number;
  to: number;
  offset: number;
}

const SAMPLE_MS = 12 * 3_600_000;

/**
 * The offsets in force over [from, to), split at each transition (found to the millisecond by
 * bisection between samples taken every 12 hours; no zone changes offset and back within 12 hours).
 */
export function offsetSegments(zone: string, from: number, to: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segStart = from;
  let prevT = from;
  let prevO = zoneOffset(zone, from);
  let segO = prevO;
  for (let t = Math.min(from + SAMPLE_MS, to); ; t = Math.min(t + SAMPLE_MS, to)) {
    const o = zoneOffset(zone, t);
    if (o !== prevO) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zoneOffset(zone, mid) === prevO) lo = mid;
        else hi = mid;
      }
      segments.push({ from: segStart, to: hi, offset: segO });
      segStart = hi;
      segO = o;
    }
    prevT = t;
    prevO = o;
    if (t >= to) break;
  }
  segments.push({ from: segStart, to, offset: segO });
  return segments;
}

/**
 * The first instant whose local wall-clock time is at or after `wall` (a local time written as if
 * it were UTC ms). In a spring-forward gap that is the moment the clocks jump.
 */
export function firstInstantAtWall(segments: readonly OffsetSegment[], wall: number): number {
  let best = Infinity;
  for (const s of segments) {
    const t = wall - s.offset;
    if (t >= s.from && t < s.to) best = Math.min(best, t);
    else if (s.from + s.offset >= wall) best = Math.min(best, s.from);
  }
  return best;
}
