import type { WebClient } from '@slack/web-api';
import type { SlackPort } from '../../ports';
import type { ProducedReport } from './produce-weekly-report';

/** Uploads a file to a channel (or a thread), as `files.uploadV2` does. */
export type FileUploader = (input: { channel: string; threadTs?: string; filename: string; title: string; file: Buffer; initialComment?: string }) => Promise<void>;

/**
 * `files.uploadV2` through the Slack adapter's WebClient (getUploadURLExternal, the upload, then
 * completeUploadExternal with the channel): the SLACK_API_URL override applies to it too.
 * `channel_id` must be a channel id (C…), not a name.
 */
export function slackFileUploader(web: WebClient): FileUploader {
  return async (input) => {
    await web.filesUploadV2({
      channel_id: input.channel,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      file: input.file,
      filename: input.filename,
      title: input.title,
      ...(input.initialComment ? { initial_comment: input.initialComment } : {}),
    } as Parameters<WebClient['filesUploadV2']>[0]);
  };
}

/**
 * Posts the weekly report to the managers' channel: the Block Kit summary as a message, then the
 * chart PNG in its thread. Returns the message's ts.
 */
export async function postWeeklyReport(input: {
  slack: Pick<SlackPort, 'postMessage'> & { web?: WebClient };
  upload?: FileUploader;
  channel: string;
  produced: ProducedReport;
}): Promise<{ channel: string; ts: string }> {
  const { produced } = input;
  const posted = await input.slack.postMessage({ channel: input.channel, text: produced.text, blocks: produced.blocks });
  const upload = input.upload ?? (input.slack.web ? slackFileUploader(input.slack.web) : null);
  if (upload && produced.png) {
    await upload({
      channel: posted.channel,
      threadTs: posted.ts,
      filename: `care-relay-${produced.report.week.id}.png`,
      title: produced.view.labels.chart,
      file: produced.png,
    });
  }
  return posted;
}
