import type { Job } from 'bullmq';
import { jiraClientFromEnv } from '../../adapters/jira/jira-client';
import { RedisBugLock } from '../../adapters/redis/bug-lock';
import { slackClientFromEnv } from '../../adapters/slack/slack-client';
import { decideJiraSync } from '../../domain/jira-sync';
import type { IntercomPort } from '../../ports';
import { loadBugTemplates } from '../../slack/load-bug-templates';
import { createSlaReader } from '../../slack/sla-reader';
import { loadTextCatalog } from '../../templates/load-text';
import type { TextCatalog } from '../../templates/text';
import type { Decider } from '../events/decider';
import type { ProcessorFactory } from '../processors';
import { EffectInvalidError, conversationUrl, createEffectsJobProcessor } from './processor';

let catalog: TextCatalog | null = null;
const texts = (): TextCatalog => (catalog ??= loadTextCatalog());

/** Stands in for Intercom when the worker has no Intercom adapter: its intents fail, not retried. */
const noIntercom: IntercomPort = new Proxy({} as IntercomPort, {
  get: () => async () => {
    throw new EffectInvalidError('Intercom is not configured (INTERCOM_ACCESS_TOKEN): cannot write notes, tags or reopen');
  },
});

/**
 * A port built on first use, so a worker missing a credential still starts (and says what is
 * missing on the first effect that needs it, without retrying) instead of refusing every queue.
 */
function lazy<T extends object>(build: () => T): T {
  let built: T | null = null;
  return new Proxy({} as T, {
    get: (_target, prop) => {
      try {
        built ??= build();
      } catch (err) {
        return async () => {
          throw new EffectInvalidError((err as Error).message);
        };
      }
      const value = (built as Record<PropertyKey, unknown>)[prop];
      return typeof value === 'function' ? value.bind(built) : value;
    },
  });
}

/**
 * The `effects` queue processor for the worker (registered in src/jobs/processors.ts): Slack from
 * SLACK_BOT_TOKEN/SLACK_API_URL, Jira from JIRA_BASE_URL/JIRA_EMAIL/JIRA_API_TOKEN, the worker's
 * Intercom adapter, bug templates from templates/bug/ and SLA deadlines from the SLA engine. With
 * the worker's Redis, posts to a channel are paced across every worker and a bug is filed by one
 * job at a time (docs/slack-jira.md, "Several workers").
 */
export const effectsProcessorFactory: ProcessorFactory = (deps) => {
  const sla = createSlaReader(deps.config, deps.store);
  const logger = deps.logger.child({ component: 'effects' });
  // Shared through the worker's Redis: Slack pacing per channel and one filing per bug at a time.
  const shared = deps.redis ? { redis: deps.redis, ...(deps.keyPrefix ? { keyPrefix: deps.keyPrefix } : {}), logger } : undefined;
  return createEffectsJobProcessor({
    store: deps.store,
    slack: lazy(() => slackClientFromEnv(deps.env, deps.config.slack.postIntervalMs, shared)),
    jira: lazy(() => jiraClientFromEnv(deps.env)),
    intercom: deps.intercom ?? noIntercom,
    config: deps.config,
    bugTemplates: loadBugTemplates(),
    catalog: texts(),
    clock: deps.clock,
    logger,
    slaDeadline: (ticket, now) => sla.deadline(ticket, now),
    ...(shared ? { bugLock: new RedisBugLock(shared.redis, { ...(shared.keyPrefix ? { prefix: shared.keyPrefix } : {}) }) } : {}),
  }) as (job: Job) => Promise<unknown>;
};

/**
 * Jira status changes and comments on a ticket's issue → a reply in its bug thread and an Intercom
 * note; when resolved, the agent is told and a snoozed conversation reopened (src/domain/jira-sync.ts).
 * Registered in src/jobs/events/deciders.ts.
 */
export const jiraSyncDecider: Decider = ({ ticket, newEvents, config }) =>
  newEvents.flatMap((e) =>
    e.kind === 'JiraStatusChanged' || e.kind === 'JiraCommented'
      ? decideJiraSync(ticket, e, {
          catalog: texts(),
          language: config.slack.language,
          bugsChannel: config.slack.channels.bugs,
          conversationUrl: conversationUrl(config.slack.intercomConversationUrl, ticket.id),
        })
      : [],
  );
