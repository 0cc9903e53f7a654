import { App, ExpressReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { RequestHandler } from 'express';
import { SupportGroup } from '../../src/adapters/slack/support-group';
import type { Logger } from '../../src/ports';
import { registerAlertActions } from './alert-actions';
import { registerBug } from './bug';
import type { SlackAppDeps } from './deps';
import { registerTicketAndHome } from './ticket-and-home';

/** Where the receiver listens, relative to where its router is mounted (`/slack` → `/slack/events`). */
export const SLACK_EVENTS_PATH = '/events';

/** Bolt's logger interface over ours, so Bolt's messages land in the process log. */
function boltLogger(logger: Logger | undefined): BoltLogger {
  const log = logger?.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => log?.debug({ msg: msg.map(String).join(' ') }),
    info: (...msg: unknown[]) => log?.info({ msg: msg.map(String).join(' ') }),
    warn: (...msg: unknown[]) => log?.warn({ msg: msg.map(String).join(' ') }),
    error: (...msg: unknown[]) => log?.error({ msg: msg.map(String).join(' ') }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * The Slack side of the web process: a Bolt app on an ExpressReceiver whose router the web app
 * mounts at `/slack` (`createWebApp({ extraRouters: [{ path: '/slack', router }] })`). One URL,
 * `/slack/events`, receives commands, shortcuts, actions, view submissions, options and events.
 *
 * Bolt verifies every request's signature over the raw body and refuses timestamps more than five
 * minutes old (replays). Listeners answer within Slack's 3 seconds: they record events and queue
 * intents; Jira, Intercom and the thread happen in the `effects` jobs.
 */
export function createSlackApp(deps: SlackAppDeps): { app: App; receiver: ExpressReceiver; router: RequestHandler; supportGroup: SupportGroup } {
  const logger = boltLogger(deps.logger);
  const receiver = new ExpressReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: deps.processBeforeResponse ?? false,
    logger,
  });
  const app = new App({
    token: deps.botToken,
    receiver,
    logger,
    ...(deps.botId ? { botId: deps.botId } : {}),
    ...(deps.botUserId ? { botUserId: deps.botUserId } : {}),
    clientOptions: {
      ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl.endsWith('/') ? deps.slackApiUrl : `${deps.slackApiUrl}/` } : {}),
      // A trigger_id lives 3 s: retrying views.open for minutes (the client's default) is useless.
      retryConfig: { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 500 },
    },
  });
  const supportGroup = new SupportGroup(app.client, deps.config.slack.supportUserGroup, deps.config.slack.supportGroupCacheTtl, () => deps.clock.now());
  const ctx = { deps, group: supportGroup, logger: deps.logger };
  registerBug(app, ctx);
  registerAlertActions(app, ctx);
  registerTicketAndHome(app, ctx);
  app.error(async (err) => {
    deps.logger?.error({ err }, 'Slack listener failed');
  });
  return { app, receiver, router: receiver.router as unknown as RequestHandler, supportGroup };
}
