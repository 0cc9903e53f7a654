import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, RequestAbortedError, readRawBody } from '../../../src/adapters/http/read-raw-body';

function request(headers: Record<string, string> = {}): PassThrough & { headers: Record<string, string> } {
  return Object.assign(new PassThrough(), { headers });
}

describe('reading the raw body', () => {
  it('returns the exact bytes sent, in order', async () => {
    const req = request();
    const body = readRawBody(req as unknown as IncomingMessage, 100);
    req.write(Buffer.from('{"a":'));
    req.end(Buffer.from('1}'));
    expect((await body).toString()).toBe('{"a":1}');
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const req = request({ 'content-length': '101' });
    await expect(readRawBody(req as unknown as IncomingMessage, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('cuts off a stream that grows past the limit', async () => {
    const req = request();
    const body = readRawBody(req as unknown as IncomingMessage, 10);
    req.write(Buffer.alloc(8));
    req.write(Buffer.alloc(8));
    await expect(body).rejects.toMatchObject({ code: 'BODY_TOO_LARGE', limit: 10 });
  });

  it('gives up when the sender disconnects mid-body instead of waiting forever', async () => {
    const req = request();
    const body = readRawBody(req as unknown as IncomingMessage, 100);
    req.write(Buffer.from('{"a":'));
    req.destroy();
    await expect(body).rejects.toBeInstanceOf(RequestAbortedError);
  });
});
