/**
 * Natural time is real elapsed time, 24x7 (Muy Alta runs on it): DST changes the wall clock, not
 * the hours that pass, so 01:30 plus 2 h on the spring-forward night is 04:30 local.
 */
export function addNaturalTime(from: number, ms: number): number {
  return from + ms;
}

/** Real elapsed milliseconds in [from, to); 0 when `to` <= `from`. */
export function naturalTimeBetween(from: number, to: number): number {
  return to > from ? to - from : 0;
}
