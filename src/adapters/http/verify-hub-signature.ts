import { createHmac, timingSafeEqual } from 'node:crypto';

/** The outcome of checking an `X-Hub-Signature` header. */
export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

/** Hex digest lengths per algorithm: a header of another length is malformed. */
const HEX_LENGTH = { sha1: 40, sha256: 64 } as const;

/** The header value a sender computes: `<algorithm>=<hex HMAC of the raw body>`. */
export function signHubBody(algorithm: 'sha1' | 'sha256', secret: string, body: Buffer | string): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

/**
 * Checks `X-Hub-Signature: <algorithm>=<hex>` against the HMAC of the **raw** body, in constant
 * time (Intercom: sha1 with the app's client secret; Jira: sha256 with the webhook's secret).
 * These signatures carry no timestamp, so there is no staleness to check; redeliveries are
 * absorbed by job id instead.
 */
export function verifyHubSignature(input: {
  algorithm: 'sha1' | 'sha256';
  secret: string;
  body: Buffer;
  header: string | string[] | undefined;
}): SignatureCheck {
  const header = Array.isArray(input.header) ? input.header[0] : input.header;
  if (header === undefined || header.trim() === '') return 'missing';
  const match = /^([a-z0-9]+)=([0-9a-fA-F]+)$/.exec(header.trim());
  if (!match || match[1] !== input.algorithm || match[2].length !== HEX_LENGTH[input.algorithm]) return 'malformed';
  const expected = createHmac(input.algorithm, input.secret).update(input.body).digest();
  const given = Buffer.from(match[2], 'hex');
  // Same length by construction (checked above), so timingSafeEqual cannot throw.
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'mismatch';
}
