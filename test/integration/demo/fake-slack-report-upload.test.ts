import { SlackClient } from '../../../src/adapters/slack/slack-client';
import { postWeeklyReport } from '../../../src/app/report/post-weekly-report';
import type { ProducedReport } from '../../../src/app/report/produce-weekly-report';
import { CallLog } from '../../../src/app/demo/fakes/call-log';
import { createFakeSlack } from '../../../src/app/demo/fakes/fake-slack';
import { listen, type Listening } from '../../../src/app/demo/fakes/listen';
import { VirtualClock } from '../../../src/app/demo/virtual-clock';

/**
 * The report's way to Slack with the real Slack adapter (WebClient) against the demo's fake Slack:
 * chat.postMessage with the Block Kit summary, then files.uploadV2 (three calls) with the chart in
 * the message's thread.
 */
describe('posting the weekly report to the managers channel', () => {
  let server: Listening;
  const log = new CallLog();
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 7));
  let url = '';
  const slack = createFakeSlack({ clock, log, supportUsers: [], usersByEmail: {}, baseUrl: () => url });

  beforeAll(async () => {
    server = await listen(slack.app);
    url = server.url;
  });
  afterAll(() => server.close());

  it('posts the summary and uploads the chart PNG in its thread with files.uploadV2', async () => {
    const client = new SlackClient({ token: 'xoxb-test', slackApiUrl: `${url}/api/`, postIntervalMs: 0 });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const produced = {
      text: 'Weekly support report · 2026-W47',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Weekly support report · 2026-W47' } }],
      png,
      report: { week: { id: '2026-W47' } },
      view: { labels: { chart: '12-week trend' } },
    } as unknown as ProducedReport;
    const posted = await postWeeklyReport({ slack: client, channel: 'C06SOPMGR01', produced });
    expect(posted.channel).toBe('C06SOPMGR01');
    expect(log.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'upload (files.uploadV2 step 2)', 'files.completeUploadExternal']);
    const [root, file] = slack.messages;
    expect(root.blocks).toEqual(produced.blocks);
    expect(file.threadTs).toBe(root.ts);
    expect(file.files).toEqual([{ id: 'F000000001', title: '12-week trend', filename: 'care-relay-2026-W47.png', bytes: png.length }]);
    expect(slack.uploads.get('F000000001')?.bytes.equals(png)).toBe(true);
  });
});
