// The browser harness of the console tests (issue 24): Debian's chromium driven by puppeteer-core, which downloads
// no browser, against an in-process emulator. Skips with a printed reason when chromium is absent;
// REQUIRE_BROWSER=1 (CI) fails instead. The page's modules are the compiled ones in emulator/dist (run `npx tsc -b`
// first, as `npm test` does).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningEmulator } from 'local-oss';
import { startTestEmulator } from '../http/support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserPresent = existsSync(CHROMIUM);
if (!browserPresent) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no browser at ${CHROMIUM} (apt-get install chromium)`);
  console.log(`console browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
const ARTIFACTS = new URL('../../../test-artifacts/console/', import.meta.url);

export interface Console {
  emu: RunningEmulator;
  page: Page;
  /** A fresh document each time, so no element of the previous view is found before the new one renders. */
  go(hash: string): Promise<void>;
  /** A full-page screenshot in test-artifacts/console/<name>.png. */
  shot(name: string): Promise<void>;
  textOf(selector: string): Promise<string>;
  /** A file in test-artifacts/console, for the file inputs. */
  artifact(name: string, content: string | Buffer): string;
  /** The text of the section whose heading is `title` on the object page, without the heading. */
  section(title: string): Promise<string | undefined>;
  /** Drops files on the view's drop zone as a drag from the desktop does: a `drop` event carrying a DataTransfer. */
  drop(files: { name: string; type: string; content: string }[]): Promise<void>;
}

/** Starts the emulator and the browser before the file's tests and stops both after them. */
export function useConsole(): Console {
  let browser: Browser | undefined;
  const c = {} as Console;
  beforeAll(async () => {
    const { launch } = await import('puppeteer-core');
    c.emu = await startTestEmulator();
    browser = await launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    c.page = await browser.newPage();
    await c.page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await c.emu?.close();
  });
  c.go = async (hash) => {
    await c.page.goto('about:blank');
    await c.page.goto(`${c.emu.url}/-/console#${hash}`, { waitUntil: 'domcontentloaded' });
  };
  c.shot = async (name) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await c.page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname as `${string}.png`, fullPage: true });
  };
  c.textOf = (selector) => c.page.$eval(selector, (el) => (el as HTMLElement).innerText);
  c.artifact = (name, content) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = new URL(name, ARTIFACTS).pathname;
    writeFileSync(path, content);
    return path;
  };
  c.section = (title) => c.page.evaluate((t) => {
    const s = [...document.querySelectorAll('section')].find((el) => el.querySelector('h3')?.textContent === t);
    return s ? [...s.childNodes].slice(1).map((n) => (n as HTMLElement).innerText ?? n.textContent).join('\n') : undefined;
  }, title);
  c.drop = async (files) => {
    await c.page.waitForSelector('.drop');
    await c.page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.content], f.name, { type: f.type }));
      const zone = document.querySelector('.drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
  };
  return c;
}
