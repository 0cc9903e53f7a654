/**
 * Reads an HTTP `Retry-After` value — delay-seconds (`"2"`, also `"1.5"`) or an HTTP date — into
 * milliseconds from `now`; null when absent or unreadable. Used by every adapter that honours
 * rate limits (Jira, Intercom; Slack's SDK parses its own).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
