// Headless Chromium for the HTML report's tests, through playwright-core and Debian's
// `chromium` (CHROMIUM_PATH overrides the path). Each page records console errors, page
// errors, dialogs (alert/confirm/prompt: what an XSS payload would open) and every request
// that is not the report file itself.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  open(file: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
  /** Milliseconds from navigation start until the page's script marked it ready. */
  readyMs: number;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'evalgate-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    async open(file) {
      const page = await context.newPage();
      const url = pathToFileURL(file).href;
      const opened: OpenedPage = { page, consoleErrors: [], requests: [], dialogs: [], readyMs: Number.NaN };
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') opened.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => opened.consoleErrors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== url) opened.requests.push(r.url());
      });
      page.on('dialog', (d) => {
        opened.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      const started = Date.now();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
      opened.readyMs = Date.now() - started;
      // Answers, scores and chunks are decoded after the table is up; the tests need them.
      await page.waitForSelector('body[data-details="1"]', { timeout: 30_000 });
      return opened;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
