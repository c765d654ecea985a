// A real browser for the report tests: the system's Chromium (Debian's package), driven by
// playwright-core, which brings no browser of its own. Without Chromium the tests fail, saying
// how to install it; they never skip.
//
// A page is served from a server on the loopback address that answers one path, and every
// request the browser makes is recorded three ways: the page's request events, a route that
// aborts anything but the document, and the server's own log. A self-contained page makes
// exactly one request (the document itself).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine's closed network needs (no background connections) and root needs (no sandbox). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed for the HTML report tests and is not at ${CHROMIUM}. ` +
        'Install Debian\'s package as root: "apt-get update && apt-get install -y chromium" ' +
        '(or set CHROMIUM_PATH to a Chromium or Chrome binary). CI (.ci/run) installs it.',
    );
  }
  return CHROMIUM;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium headless, with a new empty profile that is removed on close. */
export async function launch(): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'ims-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  readonly page: Page;
  readonly url: string;
  /** Every request the page made (URL), from its request events. */
  readonly requests: string[];
  /** Requests the route refused (anything but the document). */
  readonly refused: string[];
  /** Paths the loopback server was asked for. */
  readonly served: string[];
  readonly failed: string[];
  /** Console messages as "type: text". */
  readonly console: string[];
  readonly errors: string[];
  readonly dialogs: string[];
  close(): Promise<void>;
}

/** Opens an HTML text in a new tab, served at http://127.0.0.1:PORT/report.html. */
export async function visit(b: Browser, htmlText: string): Promise<Visit> {
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/report.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(htmlText);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`;
  const page = await b.context.newPage();
  const v: Visit = {
    page,
    url,
    requests: [],
    refused: [],
    served,
    failed: [],
    console: [],
    errors: [],
    dialogs: [],
    async close() {
      await page.close();
      // The browser keeps its connection alive; close it, or the server never finishes closing.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  page.on('request', (r) => v.requests.push(r.url()));
  page.on('requestfailed', (r) => v.failed.push(`${r.url()}: ${r.failure()?.errorText ?? '?'}`));
  page.on('console', (m) => v.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => v.errors.push(e.message));
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    v.refused.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return v;
}

/** What a screenshot holds: its size, how many colours, and how much of it is not white. */
export function pixels(png: Buffer): { width: number; height: number; colours: number; nonWhite: number } {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  let nonWhite = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) nonWhite += 1;
  }
  return { width: image.width, height: image.height, colours: colours.size, nonWhite: nonWhite / (image.width * image.height) };
}

/**
 * One page in Chromium for a test file: the browser starts before the file's tests, `prepare`
 * makes the HTML the page shows, and both close after them. A setup that fails (no Chromium)
 * fails every test with its error and remedy rather than skipping them.
 */
export function pageSuite(prepare: () => Promise<string>): { check(name: string, fn: () => unknown): void; readonly v: Visit; readonly browser: Browser } {
  let browser: Browser | undefined;
  let current: Visit | undefined;
  let failure: Error | undefined;
  beforeAll(async () => {
    try {
      browser = await launch();
      current = await visit(browser, await prepare());
    } catch (e) {
      failure = e as Error;
    }
  }, 180_000);
  afterAll(async () => {
    await current?.close();
    await browser?.close();
  }, 60_000);
  return {
    check: (name, fn) =>
      it(name, async () => {
        if (failure) throw failure;
        await fn();
      }),
    get v() {
      return current!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** The page asked for nothing but itself, and nothing went wrong in it: no refused or failed request, no error, no warning, no dialog, no resource. */
export async function expectOnlyTheDocument(v: Visit): Promise<void> {
  expect(v.requests).toEqual([v.url]);
  expect(v.served).toEqual(['/report.html']);
  expect(v.refused).toEqual([]);
  expect(v.failed).toEqual([]);
  expect(v.errors).toEqual([]);
  expect(v.console.filter((m) => /^(error|warning)/.test(m))).toEqual([]);
  expect(v.dialogs).toEqual([]);
  expect(await v.page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(0);
}
