import { z } from 'zod';
import { CalendarsConfigSchema } from './calendar.schema';
import { calendarWarnings } from '../domain/calendar/calendar-warnings';
import { slaWarnings } from '../domain/sla/sla-warnings';
import { PlansConfigSchema } from './plans.schema';
import { SlaConfigSchema } from './sla.schema';
import { RulesConfigSchema } from './rules.schema';
import { ClassifierModelSchema } from '../domain/classify/model';
import { IntercomConfigSchema, intercomWarnings } from './intercom.schema';
import { JiraConfigSchema } from './jira.schema';
import { SlackConfigSchema } from './slack.schema';
import { FollowupConfigSchema } from './followup.schema';
import { MetricsConfigSchema } from './metrics.schema';
import { IngestConfigSchema } from './ingest.schema';
import { slackJiraWarnings } from './slack-jira-warnings';

/**
 * The whole configuration: one section per concern, one YAML file per section in `config/`.
 * Each section's schema lives beside this file and is the single source of its type.
 */
export const ConfigSchema = z.object({
  calendars: CalendarsConfigSchema,
  plans: PlansConfigSchema,
  sla: SlaConfigSchema,
  rules: RulesConfigSchema,
  intercom: IntercomConfigSchema,
  jira: JiraConfigSchema,
  slack: SlackConfigSchema,
  followup: FollowupConfigSchema,
  metrics: MetricsConfigSchema,
  ingest: IngestConfigSchema,
  /**
   * The rules engine's learned second opinion (config/classifier.json), written by
   * `care-relay classify --train`; none: the rules decide alone. Its weights are in `rules.model`.
   */
  classifier: ClassifierModelSchema.nullable().default(null),
});
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigSection = keyof Config;
export const CONFIG_SECTIONS = Object.keys(ConfigSchema.shape) as ConfigSection[];

/**
 * Things that are valid but that someone should look at (e.g. a year with no closed dates:
 * the calendar is set each January). Printed by `config check` and logged at start-up.
 */
export function configWarnings(config: Config, now: number = Date.now()): string[] {
  return [...calendarWarnings(config.calendars, now), ...slaWarnings(config.sla, Object.keys(config.calendars)), ...intercomWarnings(config.intercom), ...slackJiraWarnings(config.slack, config.jira)];
}
