import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out', 'demo');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The demo's transcript in a real browser (Debian's Chromium driven by playwright-core): runs
 * `npm run demo` (a child process: it needs Redis and renders the chart with vega, which jest's
 * sandbox cannot import), opens out/demo/index.html, checks that what agents, developers and
 * managers saw is there, and saves a screenshot to out/demo/transcript.png.
 */
describe('the demo transcript in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    // DEMO_TRANSCRIPT_REUSE=1 checks the transcript already in out/demo instead of running the demo again.
    if (process.env.DEMO_TRANSCRIPT_REUSE === '1' && fs.existsSync(path.join(OUT, 'index.html'))) {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
      return;
    }
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/app/demo.ts')], { cwd: ROOT, timeout: 170_000, env: { ...process.env, DEMO_OUT: OUT } });
    expect(stdout).toContain('transcript:');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every section, the Slack messages, the Jira issue, the tickets and the report chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${path.join(OUT, 'index.html')}`);
    for (const section of ['summary', 'scenario', 'slack', 'jira', 'intercom', 'tickets', 'report', 'calls']) {
      await expect(page.locator(`section[data-section="${section}"] > h2`).isVisible()).resolves.toBe(true);
    }
    // Slack: messages in channels, Block Kit drawn (headers or sections), the report PNG uploaded to the managers.
    expect(await page.locator('#slack .channel').count()).toBeGreaterThan(1);
    expect(await page.locator('#slack .msg').count()).toBeGreaterThan(10);
    expect(await page.locator('#slack .bk-section, #slack .bk-header').count()).toBeGreaterThan(5);
    const upload = page.locator('#slack img.upload');
    expect(await upload.count()).toBe(1);
    expect(await upload.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete ? i.naturalWidth : 0; })).toBeGreaterThan(1000);
    // Jira: the bug filed from Slack, moved to Done by the developer.
    await expect(page.locator('#jira .jira-issue h3').first().textContent()).resolves.toMatch(/INC-\d+ · .*Bizum.*Done/);
    // The story: the managers' channel got alerts, the Saturday Muy Alta breached its SLA, the ladder escalated.
    expect(await page.locator('#slack [data-channel="C06SOPMGR01"] .msg').count()).toBeGreaterThan(2);
    await expect(page.locator('#tickets [data-ticket="215470001000006"] .state.breached').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#tickets').textContent()).resolves.toMatch(/AlertSent bot ladder · 1/);
    // Every scripted conversation with its SLA timeline.
    expect(await page.locator('#tickets details.ticket').count()).toBe(12);
    expect(await page.locator('#tickets table.sla').count()).toBeGreaterThan(8);
    // The weekly report with its chart (inline SVG with bars).
    await expect(page.locator('#report .weekly-report h2').textContent()).resolves.toContain('2026-W47');
    expect(await page.locator('#report figure.chart svg path, #report figure.chart svg rect').count()).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(OUT, 'transcript.png'), fullPage: false });
    // The sticky navigation bar would cover part of an element screenshot.
    await page.addStyleTag({ content: 'nav { position: static !important; }' });
    await page.locator('#report').screenshot({ path: path.join(OUT, 'transcript-report.png') });
    expect(fs.statSync(path.join(OUT, 'transcript.png')).size).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);
});
