import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { FILE_AS_BUG_SHORTCUT } from '../../../handlers/slack/bug';
import { SLACK_EVENTS_PATH } from '../../../handlers/slack';

const manifest = YAML.parse(fs.readFileSync(path.resolve(__dirname, '../../..', 'slack-manifest.yaml'), 'utf8'));

describe('the Slack app manifest', () => {
  it('declares what the bot listens to, all on the one events URL the web app mounts', () => {
    const url = `https://care-relay.example.com/slack${SLACK_EVENTS_PATH}`;
    expect(manifest.features.slash_commands.map((c: { command: string; url: string }) => [c.command, c.url])).toEqual([
      ['/bug', url],
      ['/ticket', url],
    ]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: FILE_AS_BUG_SHORTCUT })]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url, message_menu_options_url: url });
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: url, bot_events: ['app_home_opened'] });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks for the scopes the calls need', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'users:read', 'users:read.email', 'usergroups:read', 'im:write']),
    );
  });
});

describe('config warnings of the slack and jira sections', () => {
  it('names the placeholder Intercom workspace, unmapped priorities and the missing Intercom URL field', async () => {
    const { slackJiraWarnings } = await import('../../../src/config/slack-jira-warnings');
    const { SlackConfigSchema } = await import('../../../src/config/slack.schema');
    const { JiraConfigSchema } = await import('../../../src/config/jira.schema');
    const slack = SlackConfigSchema.parse({ channels: { bugs: 'C1A', team: 'C1B', managers: 'C1C', evo: 'C1D' }, supportUserGroup: 'S1A' });
    const jira = JiraConfigSchema.parse({ project: 'INC', priorities: { 'Muy Alta': 'Highest' } });
    expect(slackJiraWarnings(slack, jira)).toEqual([
      'slack.intercomConversationUrl still has the placeholder workspace "_": links to Intercom conversations will not open (put your workspace id)',
      "jira.priorities has no Jira priority for Alta, Media, Baja: those bugs get Jira's default priority",
      'jira.fields.intercomUrl is not set: an issue whose key index is lost cannot be traced back to its conversation from the Jira webhook',
    ]);
  });

  it('the shipped config has none of them', async () => {
    const { slackJiraWarnings } = await import('../../../src/config/slack-jira-warnings');
    const { loadConfigOrThrow } = await import('../../../src/config/load');
    const { config } = loadConfigOrThrow();
    expect(slackJiraWarnings(config.slack, config.jira)).toEqual([]);
  });
});
