import express, { type Express, type Request } from 'express';
import type { Clock } from '../../../ports';
import type { CallLog } from './call-log';

/** A message as the fake Slack holds it (what a person in the channel saw). */
export interface SlackMessage {
  channel: string;
  ts: string;
  threadTs: string | null;
  text: string;
  blocks: unknown[] | null;
  /** Virtual time it was posted. */
  at: number;
  files: { id: string; title: string; filename: string; bytes: number }[];
  ephemeralTo?: string;
}

export interface FakeSlackOptions {
  clock: Clock;
  log: CallLog;
  /** Members of the support user group (usergroups.users.list). */
  supportUsers: string[];
  /** E-mail → Slack user id (users.lookupByEmail). */
  usersByEmail: Record<string, string>;
  /** Where the fake is reachable, for the file upload URL it hands out. */
  baseUrl: () => string;
}

/** The state of the fake Slack workspace: messages per channel, uploaded files, views. */
export interface FakeSlack {
  app: Express;
  messages: SlackMessage[];
  uploads: Map<string, { filename: string; title: string; bytes: Buffer }>;
  views: unknown[];
}

/** The file in an upload: the raw body, or the first part of a multipart/form-data body (what WebClient sends). */
export function fileBytes(raw: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) return raw;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(delimiter);
  const headersEnd = raw.indexOf('\r\n\r\n', start);
  if (start < 0 || headersEnd < 0) return raw;
  const end = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
  return raw.subarray(headersEnd + 4, end < 0 ? raw.length : end);
}

function parseJsonField(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/**
 * A local Slack Web API (`POST /api/<method>`), answering like Slack (`{ok: true, …}`, or
 * `{ok: false, error}` with HTTP 200), shaped on shared/fixtures/api/slack/web-*.json. Point the
 * real clients at it with SLACK_API_URL=<url>/api/. Records every call.
 */
export function createFakeSlack(options: FakeSlackOptions): FakeSlack {
  const app = express();
  const messages: SlackMessage[] = [];
  const uploads = new Map<string, { filename: string; title: string; bytes: Buffer }>();
  const views: unknown[] = [];
  let seq = 0;
  const nextTs = () => `${Math.floor(options.clock.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  app.post('/upload/:fileId', express.raw({ type: () => true, limit: '20mb' }), (req, res) => {
    const entry = uploads.get(String(req.params.fileId));
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (entry) entry.bytes = fileBytes(raw, String(req.headers['content-type'] ?? ''));
    options.log.add({ system: 'slack', method: 'upload (files.uploadV2 step 2)', at: options.clock.now(), request: { fileId: req.params.fileId, bytes: entry?.bytes.length ?? 0 }, status: 200, response: 'OK' });
    res.status(200).send('OK');
  });

  app.post('/api/:method', express.urlencoded({ extended: false, limit: '5mb' }), express.json({ limit: '5mb' }), (req: Request, res) => {
    const method = String(req.params.method);
    const body = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, parseJsonField(v)])) as Record<string, unknown>;
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : body[k] === undefined ? '' : String(body[k]));
    const answer = (status: number, response: Record<string, unknown>) => {
      options.log.add({ system: 'slack', method, at: options.clock.now(), request: body, status, response });
      res.status(status).json(response);
    };
    switch (method) {
      case 'auth.test':
        return answer(200, { ok: true, url: 'https://demo-workspace.slack.com/', team: 'Demo', user: 'care-relay', team_id: 'T0DEMO0001', user_id: 'U0BOT00001', bot_id: 'B0BOT00001' });
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const channel = str('channel');
        // Slack takes a conversation id (C…, G…, D…), a user id (U…, W…: the DM) or a channel name;
        // anything else (an e-mail address, say) is channel_not_found, with HTTP 200.
        if (!/^(?:[CGDUW][A-Z0-9]{2,}|#?[a-z0-9][a-z0-9._-]*)$/.test(channel)) return answer(200, { ok: false, error: 'channel_not_found' });
        const ts = nextTs();
        const msg: SlackMessage = {
          channel,
          ts,
          threadTs: str('thread_ts') || null,
          text: str('text'),
          blocks: Array.isArray(body.blocks) ? (body.blocks as unknown[]) : null,
          at: options.clock.now(),
          files: [],
          ...(method === 'chat.postEphemeral' ? { ephemeralTo: str('user') } : {}),
        };
        messages.push(msg);
        if (method === 'chat.postEphemeral') return answer(200, { ok: true, message_ts: ts });
        return answer(200, { ok: true, channel, ts, message: { type: 'message', subtype: 'bot_message', text: msg.text, ts, bot_id: 'B0BOT00001', blocks: msg.blocks ?? [] } });
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === str('channel') && x.ts === str('ts'));
        if (!m) return answer(200, { ok: false, error: 'message_not_found' });
        m.text = str('text') || m.text;
        if (Array.isArray(body.blocks)) m.blocks = body.blocks as unknown[];
        return answer(200, { ok: true, channel: m.channel, ts: m.ts, text: m.text });
      }
      case 'users.lookupByEmail': {
        const id = options.usersByEmail[str('email').toLowerCase()];
        return id ? answer(200, { ok: true, user: { id, name: str('email').split('@')[0], profile: { email: str('email') } } }) : answer(200, { ok: false, error: 'users_not_found' });
      }
      case 'usergroups.users.list':
        return answer(200, { ok: true, users: options.supportUsers });
      case 'conversations.open': {
        const users = str('users');
        return answer(200, { ok: true, channel: { id: `D${users.replace(/^U/, '')}` } });
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        views.push({ method, view: body.view, user: body.user_id ?? null, at: options.clock.now() });
        return answer(200, { ok: true, view: { id: `V${String(views.length).padStart(9, '0')}`, ...(typeof body.view === 'object' ? (body.view as object) : {}), state: { values: {} } } });
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(uploads.size + 1).padStart(9, '0')}`;
        uploads.set(fileId, { filename: str('filename'), title: str('filename'), bytes: Buffer.alloc(0) });
        return answer(200, { ok: true, upload_url: `${options.baseUrl()}/upload/${fileId}`, file_id: fileId });
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(body.files) ? body.files : []) as { id: string; title?: string }[];
        const channel = str('channel_id');
        const ts = nextTs();
        const attached = files.map((f) => {
          const u = uploads.get(f.id);
          if (u && f.title) u.title = f.title;
          return { id: f.id, title: f.title ?? u?.filename ?? f.id, filename: u?.filename ?? f.id, bytes: u?.bytes.length ?? 0 };
        });
        if (channel) messages.push({ channel, ts, threadTs: str('thread_ts') || null, text: str('initial_comment'), blocks: null, at: options.clock.now(), files: attached });
        return answer(200, { ok: true, files: attached.map((f) => ({ id: f.id, title: f.title })) });
      }
      default:
        return answer(200, { ok: false, error: 'unknown_method' });
    }
  });
  return { app, messages, uploads, views };
}
