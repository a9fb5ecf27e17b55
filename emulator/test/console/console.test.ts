// The web console (issue 24) in a real headless browser (harness.ts): the flows the issue names for its tests —
// create a bucket, upload, copy with REPLACE directives and see the new metadata, page through 2,000 keys, see a
// version list, see a refused copy's error — with screenshots of the main pages in test-artifacts/console.
// pages.test.ts checks each page's remaining items.
import { describe, expect, it } from 'vitest';
import { ownerClient } from '../http/support.js';
import { browserPresent, useConsole } from './harness.js';

describe.skipIf(!browserPresent)('web console in headless chromium', () => {
  const c = useConsole();
  const { go, shot, textOf } = c;

  it('creates a bucket from the bucket page', async () => {
    await go('/buckets');
    await c.page.waitForSelector('form[aria-label="Create bucket"] input[name=name]');
    await c.page.type('form[aria-label="Create bucket"] input[name=name]', 'console-one');
    await c.page.click('form[aria-label="Create bucket"] button[type=submit]');
    await c.page.waitForFunction(() => document.querySelector('#buckets')?.textContent?.includes('console-one'));
    expect(await textOf('#buckets')).toContain('console-one');
    expect((await ownerClient(c.emu).listBuckets({})).buckets?.map((b) => b.name)).toContain('console-one');
    await shot('buckets');
  });

  it('uploads by drag and drop, then copies with REPLACE directives and shows the new metadata, tags and storage class', async () => {
    await go('/b/console-one?prefix=');
    await c.page.waitForSelector('#objects');
    await c.drop([{ name: 'hello.txt', type: 'text/plain', content: 'hello console\n' }]);
    await c.page.waitForFunction(() => document.querySelector('#objects')?.textContent?.includes('hello.txt'));
    await c.page.click('#objects a[href*="key=hello.txt"]');
    await c.page.waitForSelector('#headers');
    expect(await textOf('#preview')).toContain('hello console');
    expect(await textOf('#headers')).toContain('x-oss-hash-crc64ecma');
    // An object without retention says so (GetObjectRetention answers an empty Retention document).
    const retention = await c.page.evaluate(() => [...document.querySelectorAll('section')].find((el) => el.querySelector('h3')?.textContent === 'Retention')?.lastChild?.textContent);
    expect(retention).toBe('none');
    await shot('object');

    await c.page.select('select[name=metadataDirective]', 'REPLACE');
    await c.page.type('textarea[name=metadata]', 'colour: blue');
    await c.page.select('select[name=taggingDirective]', 'Replace');
    await c.page.type('input[name=tagging]', 'team=qa');
    await c.page.select('form[aria-label="Copy object"] select[name=storageClass]', 'IA');
    await c.page.click('form[aria-label="Copy object"] button[type=submit]');
    await c.page.waitForSelector('#copy-result .ok a');
    await c.page.click('#copy-result .ok a');
    await c.page.waitForFunction(() => document.querySelector('h2')?.textContent?.includes('hello.txt.copy') && document.querySelector('#metadata'));
    expect(await textOf('#metadata')).toMatch(/colour\s+blue/);
    expect(await textOf('#tags')).toMatch(/team\s+qa/);
    expect(await textOf('#headers')).toMatch(/x-oss-storage-class\s+IA/);
    const copy = await ownerClient(c.emu).headObject({ bucket: 'console-one', key: 'hello.txt.copy' });
    expect([copy.metadata, copy.storageClass]).toEqual([{ colour: 'blue' }, 'IA']);
    await shot('object-copy'); // README's docs/console.png
  });

  it("shows a refused copy's error as OSS answered it", async () => {
    await ownerClient(c.emu).putObject({ bucket: 'console-one', key: 'taken', body: 'x' });
    await go(`/o/console-one?key=hello.txt`);
    await c.page.waitForSelector('input[name=destKey]');
    await c.page.$eval('input[name=destKey]', (el) => { (el as HTMLInputElement).value = 'taken'; });
    await c.page.click('input[name=forbidOverwrite]');
    await c.page.click('form[aria-label="Copy object"] button[type=submit]');
    await c.page.waitForSelector('#copy-result .error');
    const text = await textOf('#copy-result .error');
    expect(text).toContain('409 FileAlreadyExists');
    expect(text).toContain('<Code>FileAlreadyExists</Code>');
    await shot('copy-refused');
  });

  it('pages through 2,000 keys', async () => {
    const client = ownerClient(c.emu);
    await client.putBucket({ bucket: 'console-many' });
    const keys = Array.from({ length: 2000 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key) => client.putObject({ bucket: 'console-many', key, body: '' })));
    }
    await go('/b/console-many?prefix=');
    const seen = new Set<string>();
    for (let pageNo = 0; ; pageNo++) {
      await c.page.waitForSelector('#objects');
      const listed = await c.page.$$eval('#objects tbody a', (as) => as.map((a) => a.textContent ?? ''));
      for (const k of listed) seen.add(k);
      const next = await c.page.$('#next-page');
      if (!next) break;
      expect(pageNo).toBeLessThan(25);
      const before = listed[0];
      await next.click();
      await c.page.waitForFunction((b) => document.querySelector('#objects tbody a')?.textContent !== b, {}, before);
    }
    expect(seen.size).toBe(2000);
    expect([...seen].sort()).toEqual(keys);
  });

  it('turns versioning on and lists versions and delete markers', async () => {
    await go('/b/console-one?prefix=');
    await c.page.waitForSelector('#objects');
    const button = await c.page.waitForSelector('xpath///button[contains(., "Enable versioning")]');
    await button!.click();
    await c.page.waitForFunction(() => document.body.innerText.includes('Versioning: Enabled'));
    const client = ownerClient(c.emu);
    await client.putObject({ bucket: 'console-one', key: 'v.txt', body: 'one' });
    await client.putObject({ bucket: 'console-one', key: 'v.txt', body: 'two' });
    await client.deleteObject({ bucket: 'console-one', key: 'v.txt' });
    await go('/b/console-one?prefix=v&versions=1');
    await c.page.waitForSelector('#versions');
    const rows = await c.page.$$eval('#versions tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    expect(rows.filter((r) => r.startsWith('v.txt'))).toHaveLength(3);
    expect(rows.filter((r) => r.includes('delete marker'))).toHaveLength(1);
    await shot('versions');

    // Delete one version from its page: DeleteObject with its versionId, so the others stay.
    const listed = await client.listObjectVersions({ bucket: 'console-one', prefix: 'v.txt' });
    const oldest = listed.versions!.find((v) => !v.isLatest)!;
    await c.page.click(`#versions a[href*="versionId=${encodeURIComponent(oldest.versionId!)}"]`);
    const del = await c.page.waitForSelector('xpath///button[. = "Delete this version"]');
    await del!.click();
    await c.page.waitForSelector('#delete-result .ok');
    expect(await textOf('#delete-result')).toContain('204 deleted');
    const after = await client.listObjectVersions({ bucket: 'console-one', prefix: 'v.txt' });
    expect(after.versions!.map((v) => v.versionId)).not.toContain(oldest.versionId);
    expect([after.versions!.length, after.deleteMarkers!.length]).toEqual([1, 1]);
  });

  it('shows the request log with headers, and the clock and fault rules', async () => {
    await go('/requests');
    await c.page.waitForSelector('#requests tbody tr');
    await c.page.type('input[name=api]', 'DeleteObject');
    const apis = await c.page.$$eval('#requests tbody tr:not([hidden]) td:nth-child(4)', (tds) => tds.map((td) => td.textContent));
    expect(apis.length).toBeGreaterThan(0);
    expect(new Set(apis)).toEqual(new Set(['DeleteObject']));
    // The DeleteObject without a version id, which added the delete marker.
    const [row] = await c.page.$$('xpath///table[@id="requests"]//tr[td[3] = "/console-one/v.txt"]');
    await (await row!.$('button'))!.click();
    expect(await textOf('#requests')).toContain('x-oss-delete-marker: true');
    await shot('requests');
    await go('/controls');
    await c.page.waitForSelector('input[name=offsetSeconds]');
    await c.page.$eval('input[name=offsetSeconds]', (el) => { (el as HTMLInputElement).value = '3600'; });
    await c.page.click('form[aria-label="Clock"] button[type=submit]');
    await c.page.waitForFunction(() => (document.querySelector('input[name=offsetSeconds]') as HTMLInputElement | null)?.value === '3600' && document.querySelector('#faults'));
    const clock = await (await fetch(`${c.emu.url}/-/clock`)).json() as { offsetSeconds: number };
    expect(clock.offsetSeconds).toBe(3600);
    await shot('controls');
  });

  it('shows a conformance JSON report dropped on the page as a scenario × driver table with its differences', async () => {
    const report = {
      target: { name: 'emulator', endpoint: c.emu.url },
      results: [
        { scenario: 'copy-replace', title: 'REPLACE directive', driver: 'client', status: 'pass', ms: 1 },
        { scenario: 'copy-replace', title: 'REPLACE directive', driver: 'ali-oss', status: 'fail', reason: 'etag differs', ms: 1 },
      ],
      comparison: { differences: [{ scenario: 'copy-replace', driver: 'ali-oss', path: 'answers[0].status', recorded: 200, actual: 409 }], notCompared: [] },
    };
    await go('/report');
    await c.drop([{ name: 'report.json', type: 'application/json', content: JSON.stringify(report) }]);
    await c.page.waitForSelector('#report');
    const heads = await c.page.$$eval('#report thead th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toEqual(['Scenario', 'client', 'ali-oss']);
    const text = await textOf('#report');
    expect(text).toContain('answers[0].status: recorded 200, actual 409');
    expect(text).toContain('etag differs');
    await shot('report');
  });

  it('is usable from the keyboard: skip link first, then the sections; every form control has a label', async () => {
    await go('/buckets');
    await c.page.waitForSelector('#buckets');
    await c.page.keyboard.press('Tab');
    expect(await c.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await c.page.keyboard.press('Tab');
    expect(await c.page.evaluate(() => document.activeElement?.textContent)).toBe('Buckets');
    await c.page.keyboard.press('Tab');
    await c.page.keyboard.press('Enter');
    await c.page.waitForSelector('#requests');
    const unlabelled = await c.page.$$eval('input, select, textarea', (els) => els.filter((el) => !el.closest('label')).length);
    expect(unlabelled).toBe(0);
  });
});
