import { parseRetryAfter } from '../../../src/adapters/http/retry-after';
import { retryAfterMsFrom } from '../../../src/adapters/intercom/intercom-errors';

describe('Retry-After, as every adapter reads it', () => {
  const now = Date.parse('2026-01-14T09:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
  });
  it('says nothing for an absent or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
  it('lets Intercom honour a Retry-After given as an HTTP date too', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after': new Date(now + 4000).toUTCString() }), now)).toBe(4000);
  });
});
