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
