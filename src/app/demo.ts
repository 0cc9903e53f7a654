import * as path from 'node:path';
import { runDemo } from './demo/run-demo';
import { writeTranscript } from './demo/transcript';

/**
 * `npm run demo`: the whole product on one machine, without Slack, Jira or Intercom accounts
 * (docs/demo.md). Needs Redis (REDIS_URL, default redis://127.0.0.1:6379).
 */
async function main(): Promise<void> {
  const outDir = path.resolve(process.env.DEMO_OUT ?? path.join(__dirname, '..', '..', 'out', 'demo'));
  const log = (line: string) => process.stdout.write(`demo: ${line}\n`);
  log('starting fake Slack, Jira and Intercom, the web app and the worker…');
  const result = await runDemo({ outDir, progress: log });
  const { index, summary } = writeTranscript(result, outDir);
  process.stdout.write(`\n${summary}\n\ntranscript: ${index}\n`);
  process.exit(result.missing.length > 0 || result.reportError ? 0 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
