// The web console (issue 24) in a real headless browser: Debian's chromium driven by puppeteer-core, which
// downloads no browser. Skips with a printed reason when chromium is absent; REQUIRE_BROWSER=1 (CI) fails instead.
// The page's modules are the compiled ones in emulator/dist (run `npx tsc -b` first, as `npm test` does).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from '../http/support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no browser at ${CHROMIUM} (apt-get install chromium)`);
  console.log(`console browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
const ARTIFACTS = new URL('../../../test-artifacts/console/', import.meta.url);

describe.skipIf(!present)('web console in headless chromium', () => {
  let emu: RunningEmulator;
  let browser: Browser;
  let page: Page;

  // A fresh document each time, so no element of the previous view is found before the new one renders.
  const go = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${emu.url}/-/console#${hash}`, { waitUntil: 'domcontentloaded' });
  };
  const shot = async (name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname as `${string}.png`, fullPage: true });
  };
  const textOf = (selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  beforeAll(async () => {
    const { launch } = await import('puppeteer-core');
    emu = await startTestEmulator();
    browser = await launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await emu?.close();
  });

  it('creates a bucket from the bucket page', async () => {
    await go('/buckets');
    await page.waitForSelector('form[aria-label="Create bucket"] input[name=name]');
    await page.type('form[aria-label="Create bucket"] input[name=name]', 'console-one');
    await page.click('form[aria-label="Create bucket"] button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#buckets')?.textContent?.includes('console-one'));
    expect(await textOf('#buckets')).toContain('console-one');
    expect((await ownerClient(emu).listBuckets({})).buckets?.map((b) => b.name)).toContain('console-one');
    await shot('buckets');
  });

  it('uploads through the file input, then copies with REPLACE directives and shows the new metadata', async () => {
    await go('/b/console-one?prefix=');
    const input = await page.waitForSelector('.drop input[type=file]');
    const file = new URL('hello.txt', ARTIFACTS).pathname;
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(file, 'hello console\n');
    await input!.uploadFile(file);
    await page.waitForFunction(() => document.querySelector('#objects')?.textContent?.includes('hello.txt'));
    await page.click('#objects a[href*="key=hello.txt"]');
    await page.waitForSelector('#headers');
    expect(await textOf('#preview')).toContain('hello console');
    expect(await textOf('#headers')).toContain('x-oss-hash-crc64ecma');
    // An object without retention says so (GetObjectRetention answers an empty Retention document).
    const retention = await page.evaluate(() => [...document.querySelectorAll('section')].find((el) => el.querySelector('h3')?.textContent === 'Retention')?.lastChild?.textContent);
    expect(retention).toBe('none');
    await shot('object');

    await page.select('select[name=metadataDirective]', 'REPLACE');
    await page.type('textarea[name=metadata]', 'colour: blue');
    await page.select('select[name=taggingDirective]', 'Replace');
    await page.type('input[name=tagging]', 'team=qa');
    await page.click('form[aria-label="Copy object"] button[type=submit]');
    await page.waitForSelector('#copy-result .ok a');
    await page.click('#copy-result .ok a');
    await page.waitForFunction(() => document.querySelector('h2')?.textContent?.includes('hello.txt.copy') && document.querySelector('#metadata'));
    expect(await textOf('#metadata')).toMatch(/colour\s+blue/);
    expect(await textOf('#tags')).toMatch(/team\s+qa/);
  });

  it("shows a refused copy's error as OSS answered it", async () => {
    await ownerClient(emu).putObject({ bucket: 'console-one', key: 'taken', body: 'x' });
    await go(`/o/console-one?key=hello.txt`);
    await page.waitForSelector('input[name=destKey]');
    await page.$eval('input[name=destKey]', (el) => { (el as HTMLInputElement).value = 'taken'; });
    await page.click('input[name=forbidOverwrite]');
    await page.click('form[aria-label="Copy object"] button[type=submit]');
    await page.waitForSelector('#copy-result .error');
    const text = await textOf('#copy-result .error');
    expect(text).toContain('409 FileAlreadyExists');
    expect(text).toContain('<Code>FileAlreadyExists</Code>');
    await shot('copy-refused');
  });

  it('pages through 2,000 keys', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'console-many' });
    const keys = Array.from({ length: 2000 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => client.putObject({ bucket: 'console-many', key, body: '' })));
    }
    await go('/b/console-many?prefix=');
    const seen = new Set<string>();
    for (let pageNo = 0; ; pageNo++) {
      await page.waitForSelector('#objects');
      const listed = await page.$$eval('#objects tbody a', (as) => as.map((a) => a.textContent ?? ''));
      for (const k of listed) seen.add(k);
      const next = await page.$('#next-page');
      if (!next) break;
      expect(pageNo).toBeLessThan(25);
      const before = listed[0];
      await next.click();
      await page.waitForFunction((b) => document.querySelector('#objects tbody a')?.textContent !== b, {}, before);
    }
    expect(seen.size).toBe(2000);
    expect([...seen].sort()).toEqual(keys);
  });

  it('turns versioning on and lists versions and delete markers', async () => {
    await go('/b/console-one?prefix=');
    await page.waitForSelector('#objects');
    const button = await page.waitForSelector('xpath///button[contains(., "Enable versioning")]');
    await button!.click();
    await page.waitForFunction(() => document.body.innerText.includes('Versioning: Enabled'));
    const client = ownerClient(emu);
    await client.putObject({ bucket: 'console-one', key: 'v.txt', body: 'one' });
    await client.putObject({ bucket: 'console-one', key: 'v.txt', body: 'two' });
    await client.deleteObject({ bucket: 'console-one', key: 'v.txt' });
    await go('/b/console-one?prefix=v&versions=1');
    await page.waitForSelector('#versions');
    const rows = await page.$$eval('#versions tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows.filter((r) => r.startsWith('v.txt'))).toHaveLength(3);
    expect(rows.filter((r) => r.includes('delete marker'))).toHaveLength(1);
    await shot('versions');
  });

  it('shows the request log with headers, and the clock and fault rules', async () => {
    await go('/requests');
    await page.waitForSelector('#requests tbody tr');
    await page.type('input[name=api]', 'DeleteObject');
    const apis = await page.$$eval('#requests tbody tr:not([hidden]) td:nth-child(4)', (tds) => tds.map((td) => td.textContent));
    expect(apis.length).toBeGreaterThan(0);
    expect(new Set(apis)).toEqual(new Set(['DeleteObject']));
    await page.click('#requests tbody button');
    expect(await textOf('#requests')).toContain('x-oss-delete-marker: true');
    await shot('requests');
    await go('/controls');
    await page.waitForSelector('input[name=offsetSeconds]');
    await page.$eval('input[name=offsetSeconds]', (el) => { (el as HTMLInputElement).value = '3600'; });
    await page.click('form[aria-label="Clock"] button[type=submit]');
    await page.waitForFunction(() => (document.querySelector('input[name=offsetSeconds]') as HTMLInputElement | null)?.value === '3600' && document.querySelector('#faults'));
    const clock = await (await fetch(`${emu.url}/-/clock`)).json() as { offsetSeconds: number };
    expect(clock.offsetSeconds).toBe(3600);
    await shot('controls');
  });

  it('shows a conformance JSON report as a scenario × driver table with its differences', async () => {
    const report = {
      target: { name: 'emulator', endpoint: emu.url },
      results: [
        { scenario: 'copy-replace', title: 'REPLACE directive', driver: 'client', status: 'pass', ms: 1 },
        { scenario: 'copy-replace', title: 'REPLACE directive', driver: 'ali-oss', status: 'fail', reason: 'etag differs', ms: 1 },
      ],
      comparison: { differences: [{ scenario: 'copy-replace', driver: 'ali-oss', path: 'answers[0].status', recorded: 200, actual: 409 }], notCompared: [] },
    };
    const file = new URL('report.json', ARTIFACTS).pathname;
    writeFileSync(file, JSON.stringify(report));
    await go('/report');
    const input = await page.waitForSelector('.drop input[type=file]');
    await input!.uploadFile(file);
    await page.waitForSelector('#report');
    const heads = await page.$$eval('#report thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(['Scenario', 'client', 'ali-oss']);
    const text = await textOf('#report');
    expect(text).toContain('answers[0].status: recorded 200, actual 409');
    expect(text).toContain('etag differs');
    await shot('report');
  });

  it('is usable from the keyboard: skip link first, then the sections; every form control has a label', async () => {
    await go('/buckets');
    await page.waitForSelector('#buckets');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Buckets');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#requests');
    const unlabelled = await page.$$eval('input, select, textarea', (els) => els.filter((el) => !el.closest('label')).length);
    expect(unlabelled).toBe(0);
  });
});
