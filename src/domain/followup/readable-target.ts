/**
 * An `AlertSent.target` for people: the instants it carries (`~<cycle start>`, `#<deadline>`, epoch
 * ms) shown through `format` (e.g. local time in the calendar's zone), the rest as it is.
 * `contractual.firstResponse#1773655200000@team` → `contractual.firstResponse#2026-03-16 11:00@team`.
 */
export function readableAlertTarget(target: string, format: (at: number) => string): string {
  return target.replace(/([~#])(\d{10,})/g, (_m, mark: string, ms: string) => `${mark}${format(Number(ms))}`);
}
