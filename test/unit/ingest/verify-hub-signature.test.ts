import { createHmac } from 'node:crypto';
import { signHubBody, verifyHubSignature } from '../../../src/adapters/http/verify-hub-signature';

const body = Buffer.from('{"topic":"ping"}');
const secret = 's3cret-for-tests';

describe('X-Hub-Signature', () => {
  it('is the hex HMAC of the raw body, prefixed with the algorithm', () => {
    expect(signHubBody('sha1', secret, body)).toBe(`sha1=${createHmac('sha1', secret).update(body).digest('hex')}`);
    expect(signHubBody('sha256', secret, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it.each([
    ['sha1', signHubBody('sha1', secret, body), 'valid'],
    ['sha1', signHubBody('sha1', secret, body).toUpperCase().replace('SHA1', 'sha1'), 'valid'],
    ['sha1', undefined, 'missing'],
    ['sha1', '  ', 'missing'],
    ['sha1', 'sha1=zz', 'malformed'],
    ['sha1', signHubBody('sha1', secret, body).slice(0, -2), 'malformed'],
    ['sha1', signHubBody('sha256', secret, body), 'malformed'],
    ['sha1', signHubBody('sha1', 'other-secret', body), 'mismatch'],
    ['sha256', signHubBody('sha256', secret, body), 'valid'],
    ['sha256', signHubBody('sha256', secret, Buffer.from('{"topic":"pinG"}')), 'mismatch'],
    ['sha256', [signHubBody('sha256', secret, body)], 'valid'],
  ] as const)('%s header %p → %s', (algorithm, header, expected) => {
    expect(verifyHubSignature({ algorithm, secret, body, header: header as string | string[] | undefined })).toBe(expected);
  });
});
