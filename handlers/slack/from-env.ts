import type { Config } from '../../src/config/schema';
import { createCalendars } from '../../src/domain/calendar';
import { ladderPosition, ladderStageAt, ticketCalendar } from '../../src/domain/followup';
import { DomainEventSchema, type DomainEvent } from '../../src/domain/events';
import type { Clock, IntentSink, Logger, TicketStore } from '../../src/ports';
import { loadBugTemplates } from '../../src/slack/load-bug-templates';
import { createSlaReader } from '../../src/slack/sla-reader';
import { searchKnownCompanies } from '../../src/slack/search-known-companies';
import { createSlackApp } from './create-slack-app';

/** A business day of the default calendar (Mon–Fri 08:00–17:00): nine business hours. */
const BUSINESS_DAY_MS = 9 * 3_600_000;

export interface SlackAppFromEnvOptions {
  env: NodeJS.ProcessEnv;
  config: Config;
  store: TicketStore;
  intents: IntentSink;
  clock: Clock;
  logger?: Logger;
  /**
   * Hands events the app recorded to the worker so the decisions run at once (web: a job on the
   * `events` queue). Without it they are seen on the ticket's next event or at the sweep.
   */
  afterRecord?: (ticketId: string, events: DomainEvent[]) => Promise<void>;
  /** Companies for the customer select; default: those of the tickets in the store. */
  searchCompanies?: (query: string) => Promise<{ id: string; name: string }[]>;
}

/**
 * The Slack app as the web process runs it: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and SLACK_API_URL
 * from the environment, bug templates from templates/bug/, events appended to the ticket store,
 * SLA clocks from the SLA engine and "one business day" from the default calendar. Mount the
 * returned router at `/slack` (`createWebApp({ extraRouters: [{ path: '/slack', router }] })`).
 */
export function slackAppFromEnv(options: SlackAppFromEnvOptions): ReturnType<typeof createSlackApp> {
  const { env, config, store } = options;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!signingSecret || !botToken) throw new Error('the Slack app needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see docs/slack-jira.md)');
  const calendars = createCalendars(config.calendars);
  const calendar = calendars.get('default');
  const sla = createSlaReader(config, store);
  return createSlackApp({
    signingSecret,
    botToken,
    slackApiUrl: env.SLACK_API_URL?.trim() || undefined,
    // Optional: with both, Bolt skips its auth.test call at start-up.
    botId: env.SLACK_BOT_ID?.trim() || undefined,
    botUserId: env.SLACK_BOT_USER_ID?.trim() || undefined,
    config,
    bugTemplates: loadBugTemplates(),
    store,
    recordEvents: async (ticketId, events) => {
      const parsed = events.map((e) => DomainEventSchema.parse(e));
      await store.append(ticketId, parsed);
      await options.afterRecord?.(ticketId, parsed);
    },
    intents: options.intents,
    clock: options.clock,
    logger: options.logger?.child({ component: 'slack' }),
    searchCompanies: options.searchCompanies ?? searchKnownCompanies(store),
    slaDeadline: (t, now) => sla.deadline(t, now),
    slaClocks: (t, now) => sla.lines(t, now),
    ladderStage: (t, now) => ladderStageAt(ladderPosition(t, ticketCalendar(t, config, calendars), config.followup.ladder.interval), now),
    nextBusinessDay: (now) => (calendar ? calendar.addBusinessTime(now, BUSINESS_DAY_MS) : now + 86_400_000),
  });
}
