// The projector page in a real browser: Debian's chromium, headless, driven by playwright-core. The page is open
// when a submission arrives; the new row must appear without a reload (server-sent events). The screenshot at
// 1280×720 is kept in test-artifacts/ (gitignored). Skipped only where chromium is missing outside CI; in CI it runs.
import {existsSync, mkdirSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {chromium, type BrowserContext} from 'playwright-core';
import {ROBUST, SINGLE} from '../classroom/helpers.js';
import {liveClassroom, type LiveClassroom} from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');

describe.skipIf(!present && !inCi)('the projector page in chromium', () => {
  let live: LiveClassroom;
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    live = await liveClassroom();
    profile = mkdtempSync(join(tmpdir(), 'rightsize-chromium-'));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: {width: 1280, height: 720},
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await live?.stop();
    rmSync(profile, {recursive: true, force: true});
  });

  it('shows a new submission without a reload, marks the front in words, and a frozen banner', async () => {
    expect((await live.post(live.body('ada', SINGLE))).status).toBe(201);
    const page = await browser.newPage();
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.goto(`${live.host.url}/`);
    await page.locator('tr[data-player="ada"]').waitFor({timeout: 20_000});
    const loads = navigations;

    expect((await live.post(live.body('grace', ROBUST))).status).toBe(201);
    const grace = page.locator('tr[data-player="grace"]');
    await grace.waitFor({timeout: 20_000});
    expect(navigations).toBe(loads);
    const cells = await grace.locator('td').allTextContents();
    expect(cells[0]).toBe('1');
    expect(cells[1]).toBe('grace');
    expect(cells[5]).toBe('◆ front');
    expect(await page.locator('#meta').textContent()).toMatch(/2 players · 2 submissions/);

    expect((await live.teacher('POST', 'freeze', live.host.teacherToken)).status).toBe(200);
    await page.locator('#banner', {hasText: 'FROZEN'}).waitFor({timeout: 20_000});

    mkdirSync(ARTIFACTS, {recursive: true});
    const shot = join(ARTIFACTS, 'projector-1280x720.png');
    await page.screenshot({path: shot});
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  }, 90_000);
});
