import type { JiraConfig } from './jira.schema';
import type { SlackConfig } from './slack.schema';

const INCIDENT_PRIORITIES = ['Muy Alta', 'Alta', 'Media', 'Baja'] as const;

/** Valid settings of the `slack` and `jira` sections that someone should look at. */
export function slackJiraWarnings(slack: SlackConfig, jira: JiraConfig): string[] {
  const warnings: string[] = [];
  if (slack.intercomConversationUrl.includes('/inbox/_/')) {
    warnings.push('slack.intercomConversationUrl still has the placeholder workspace "_": links to Intercom conversations will not open (put your workspace id)');
  }
  const unmapped = INCIDENT_PRIORITIES.filter((p) => !jira.priorities[p]);
  if (unmapped.length) warnings.push(`jira.priorities has no Jira priority for ${unmapped.join(', ')}: those bugs get Jira's default priority`);
  if (!jira.fields.intercomUrl) {
    warnings.push('jira.fields.intercomUrl is not set: an issue whose key index is lost cannot be traced back to its conversation from the Jira webhook');
  }
  return warnings;
}
