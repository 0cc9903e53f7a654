import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * HTTP Basic authentication against one user and password (bull-board's credentials from
 * ADMIN_USER / ADMIN_PASSWORD). Compared as hashes in constant time.
 */
export function basicAuth(user: string, password: string, realm = 'care-relay admin'): RequestHandler {
  const expected = sha256(`${user}:${password}`);
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    const given = m ? sha256(Buffer.from(m[1], 'base64').toString('utf8')) : null;
    if (given && timingSafeEqual(given, expected)) return next();
    res.setHeader('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`);
    res.status(401).json({ error: 'unauthorized', message: 'credentials required (ADMIN_USER / ADMIN_PASSWORD)' });
  };
}
