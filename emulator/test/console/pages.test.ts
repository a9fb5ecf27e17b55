// The web console's pages item by item (issue 24), in headless chromium (harness.ts): what console.test.ts's flows
// leave out — the bucket list's WORM state, object count and size; folders and search by prefix; an object's
// headers, encryption, download, symlink target, restore state and image preview; the request log's filters and
// live updates; fault rules added and removed; and the accessibility checks the issue names (every control named,
// reachable by Tab with a visible focus ring, text contrast at least 4.5:1).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ownerClient } from '../http/support.js';
import { browserPresent, useConsole } from './harness.js';

/** Rows of a table as lists of cell texts. */
const rowsOf = (c: ReturnType<typeof useConsole>, selector: string) =>
  c.page.$$eval(`${selector} tbody tr:not([hidden])`, (trs) => trs.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())));

describe.skipIf(!browserPresent)('web console pages in headless chromium', () => {
  const c = useConsole();
  const { go, textOf } = c;
  const client = () => ownerClient(c.emu);

  it('lists each bucket with its region, creation date, versioning, WORM state, ACL, tags, object count and size', async () => {
    await client().putBucket({ bucket: 'pages-worm' });
    await client().putObject({ bucket: 'pages-worm', key: 'a', body: 'abc' });
    await client().putObject({ bucket: 'pages-worm', key: 'b', body: 'x'.repeat(1000) });
    await client().putBucketTags({ bucket: 'pages-worm', tagging: { tagSet: [{ key: 'team', value: 'qa' }] } });
    await client().initiateBucketWorm({ bucket: 'pages-worm', retentionPeriodInDays: 1 });
    await go('/buckets');
    await c.page.waitForSelector('#buckets');
    const row = (await rowsOf(c, '#buckets')).find((r) => r[0] === 'pages-worm');
    const created = row?.[2] ?? '';
    expect(row?.slice(0, 9)).toEqual(['pages-worm', `oss-${c.emu.region}`, created, 'never enabled', 'InProgress (1 days)', 'private', 'team=qa', '2', '1003 B']);
    expect(Date.parse(created)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("creates a bucket with the ACL and storage class chosen, and shows OSS's refusal of a bad name", async () => {
    await go('/buckets');
    const form = 'form[aria-label="Create bucket"]';
    await c.page.waitForSelector(`${form} input[name=name]`);
    await c.page.type(`${form} input[name=name]`, 'pages-ia');
    await c.page.select(`${form} select[name=acl]`, 'private');
    await c.page.select(`${form} select[name=storageClass]`, 'IA');
    await c.page.click(`${form} button[type=submit]`);
    await c.page.waitForFunction(() => document.querySelector('#buckets')?.textContent?.includes('pages-ia'));
    const info = (await client().getBucketInfo({ bucket: 'pages-ia' })).bucketInfo;
    expect([info.storageClass, info.acl]).toEqual(['IA', 'private']);

    await c.page.type(`${form} input[name=name]`, 'Bad_Name');
    await c.page.click(`${form} button[type=submit]`);
    await c.page.waitForSelector('#bucket-result .error');
    expect(await textOf('#bucket-result .error')).toMatch(/^400 InvalidBucketName/);
    expect((await client().listBuckets({})).buckets?.map((b) => b.name)).not.toContain('Bad_Name');
  });

  it("deletes an empty bucket from the list, and shows OSS's refusal for one with objects", async () => {
    await client().putBucket({ bucket: 'pages-gone' });
    await go('/buckets');
    await c.page.waitForSelector('#buckets');
    await c.page.click('button[aria-label="Delete bucket pages-gone"]');
    await c.page.waitForFunction(() => !document.querySelector('button[aria-label="Delete bucket pages-gone"]'));
    expect((await client().listBuckets({})).buckets?.map((b) => b.name)).not.toContain('pages-gone');
    await c.page.click('button[aria-label="Delete bucket pages-worm"]');
    await c.page.waitForSelector('#bucket-result .error');
    expect(await textOf('#bucket-result .error')).toContain('409 BucketNotEmpty');
  });

  it('shows folders (delimiter /), opens one, searches by prefix, and uploads through the file input under the prefix', async () => {
    await client().putBucket({ bucket: 'pages-tree' });
    for (const key of ['a/1.txt', 'a/b/2.txt', 'c.txt', 'cat.txt', 'dog.txt']) await client().putObject({ bucket: 'pages-tree', key, body: key });
    await go('/b/pages-tree?prefix=');
    await c.page.waitForSelector('#objects');
    expect((await rowsOf(c, '#objects')).map((r) => [r[0], r[1]])).toEqual([['a/', 'folder'], ['c.txt', 'Normal'], ['cat.txt', 'Normal'], ['dog.txt', 'Normal']]);
    await c.shot('objects');

    await c.page.type('form[role=search] input[name=prefix]', 'ca');
    await c.page.click('form[role=search] button[type=submit]');
    await c.page.waitForFunction(() => !document.querySelector('#objects')?.textContent?.includes('dog.txt'));
    expect((await rowsOf(c, '#objects')).map((r) => r[0])).toEqual(['cat.txt']);

    await go('/b/pages-tree?prefix=');
    await c.page.waitForSelector('#objects');
    await c.page.click('#objects a[href*="prefix=a%2F"]');
    await c.page.waitForFunction(() => document.querySelector('#objects')?.textContent?.includes('a/1.txt'));
    expect((await rowsOf(c, '#objects')).map((r) => r[0])).toEqual(['a/b/', 'a/1.txt']);

    // The drop zone's file input: the same upload from the keyboard.
    const input = await c.page.waitForSelector('.drop input[type=file]');
    await input!.uploadFile(c.artifact('typed.txt', 'typed\n'));
    await c.page.waitForFunction(() => document.querySelector('#objects')?.textContent?.includes('a/typed.txt'));
    expect((await client().getObject({ bucket: 'pages-tree', key: 'a/typed.txt' })).contentType).toBe('text/plain');
  });

  it('pages through a version list (key and version-id markers) and back', async () => {
    const bucket = 'pages-versions';
    await client().putBucket({ bucket });
    await client().putBucketVersioning({ bucket, versioningConfiguration: { status: 'Enabled' } });
    for (let i = 0; i < 3; i++) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => client().putObject({ bucket, key: `v${String(k).padStart(2, '0')}`, body: String(i) })));
    }
    await go(`/b/${bucket}?prefix=&versions=1`);
    await c.page.waitForSelector('#versions');
    const ids = async () => (await rowsOf(c, '#versions')).map((r) => `${r[0]} ${r[2]}`);
    const seen = new Set<string>();
    let pages = 0;
    for (;;) {
      pages++;
      for (const id of await ids()) seen.add(id);
      const next = await c.page.$('#next-page');
      if (!next) break;
      const before = (await ids())[0];
      await next.click();
      await c.page.waitForFunction((b) => {
        const tr = document.querySelector('#versions tbody tr');
        return tr && `${tr.children[0]!.textContent} ${tr.children[2]!.textContent}` !== b;
      }, {}, before);
    }
    expect([seen.size, pages]).toEqual([150, 2]);
    await c.page.click('xpath///a[contains(., "Previous page")]');
    await c.page.waitForFunction(() => document.querySelectorAll('#versions tbody tr').length === 100);
    expect(await ids()).toEqual(expect.arrayContaining([...seen].slice(0, 100)));
  });

  it("shows an object's every header OSS returned (ETag, CRC-64, size, type, storage class, encryption, Last-Modified) and downloads it", async () => {
    await client().putObject({ bucket: 'pages-tree', key: 'sse.txt', body: 'secret words', contentType: 'text/plain', serverSideEncryption: 'AES256', metadata: { owner: 'qa' } });
    const head = await client().headObject({ bucket: 'pages-tree', key: 'sse.txt' });
    await go('/o/pages-tree?key=sse.txt');
    await c.page.waitForSelector('#headers');
    const headers = Object.fromEntries((await rowsOf(c, '#headers')).map(([n, v]) => [n, v]));
    expect(headers).toMatchObject({
      etag: head.etag, 'x-oss-hash-crc64ecma': head.hashCrc64, 'content-length': '12', 'content-type': 'text/plain',
      'x-oss-storage-class': 'Standard', 'x-oss-server-side-encryption': 'AES256', 'last-modified': head.lastModified!.toUTCString(),
      'x-oss-object-type': 'Normal', 'x-oss-meta-owner': 'qa',
    });
    expect(await rowsOf(c, '#metadata')).toEqual([['owner', 'qa']]);
    expect(await c.section('ACL')).toBe('default');
    const href = await c.page.$eval('a[download]', (a) => (a as HTMLAnchorElement).href);
    const got = await c.page.evaluate(async (u) => {
      const r = await fetch(u);
      return [r.headers.get('content-disposition'), await r.text()];
    }, href);
    expect(got).toEqual(['attachment', 'secret words']);
  });

  it('shows retention and legal hold, and OSS refusing to delete the held version from its page', async () => {
    const bucket = 'pages-held';
    await client().putBucket({ bucket });
    await client().putBucketVersioning({ bucket, versioningConfiguration: { status: 'Enabled' } });
    await client().putBucketObjectWormConfiguration({ bucket, objectWormConfiguration: { objectWormEnabled: 'Enabled' } });
    const put = await client().putObject({ bucket, key: 'held.txt', body: 'kept', contentType: 'text/plain' });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await client().putObjectRetention({ bucket, key: 'held.txt', versionId: put.versionId, retention: { mode: 'GOVERNANCE', retainUntilDate: until } });
    await client().putObjectLegalHold({ bucket, key: 'held.txt', versionId: put.versionId, legalHold: { status: 'ON' } });
    await go(`/o/${bucket}?key=held.txt&versionId=${encodeURIComponent(put.versionId!)}`);
    await c.page.waitForSelector('#headers');
    const retention = (await client().getObjectRetention({ bucket, key: 'held.txt', versionId: put.versionId })).retention;
    expect(await c.section('Retention')).toBe(`GOVERNANCE until ${retention.retainUntilDate}`);
    expect(await c.section('Legal hold')).toBe('ON');
    await c.page.click('xpath///button[. = "Delete this version"]');
    await c.page.waitForSelector('#delete-result .error');
    expect(await textOf('#delete-result .error')).toContain('409 FileImmutable');
    expect((await client().headObject({ bucket, key: 'held.txt', versionId: put.versionId })).etag).toBeDefined();
  });

  it('copies another source given on the page, with the encryption chosen there', async () => {
    await go('/o/pages-tree?key=c.txt');
    await c.page.waitForSelector('form[aria-label="Copy object"]');
    const set = (name: string, value: string) => c.page.$eval(`input[name=${name}]`, (el, v) => { (el as HTMLInputElement).value = v; }, value);
    await set('srcKey', 'cat.txt');
    await set('destKey', 'from-cat.txt');
    await c.page.select('select[name=encryption]', 'AES256');
    await c.page.click('form[aria-label="Copy object"] button[type=submit]');
    await c.page.waitForSelector('#copy-result .ok');
    expect(await textOf('#copy-result')).toContain('200 copied');
    const copy = await client().getObject({ bucket: 'pages-tree', key: 'from-cat.txt' });
    expect([copy.serverSideEncryption, copy.metadata, (await copy.content()).toString()]).toEqual(['AES256', {}, 'cat.txt']);
  });

  it("shows HeadObject's refusal of a missing key with the error document OSS put in x-oss-err", async () => {
    await go('/o/pages-tree?key=nothing-here');
    await c.page.waitForSelector('#view .error');
    const text = await textOf('#view .error');
    expect(text).toContain('404 NoSuchKey — The specified key does not exist. (EC 0026-00000001)');
    expect(text).toContain('<Code>NoSuchKey</Code>');
  });

  it("shows a symlink's target", async () => {
    await client().putObject({ bucket: 'pages-tree', key: 'a/target.txt', body: 'pointed at', contentType: 'text/plain' });
    await client().putSymlink({ bucket: 'pages-tree', key: 'link', target: 'a/target.txt' });
    await go('/o/pages-tree?key=link');
    await c.page.waitForSelector('#headers');
    expect(await c.section('Symlink target')).toBe('a/target.txt');
    // HeadObject through the link answers the target's length and ETag (behaviour §9.12).
    const target = await client().headObject({ bucket: 'pages-tree', key: 'a/target.txt' });
    expect(Object.fromEntries(await rowsOf(c, '#headers'))).toMatchObject({ 'x-oss-object-type': 'Symlink', 'content-length': '10', etag: target.etag });
  });

  it("shows an Archive object's restore state, and GetObject's refusal in place of its preview until it is restored", async () => {
    await client().putObject({ bucket: 'pages-tree', key: 'cold.txt', body: 'frozen', contentType: 'text/plain', storageClass: 'Archive' });
    await go('/o/pages-tree?key=cold.txt');
    await c.page.waitForSelector('#headers');
    expect(await c.section('Restore state')).toBe('not restored (no x-oss-restore header)');
    expect(await c.section('Preview')).toContain('403 InvalidObjectState');
    await client().restoreObject({ bucket: 'pages-tree', key: 'cold.txt', restoreRequest: { days: 1 } });
    await go('/o/pages-tree?key=cold.txt');
    await c.page.waitForSelector('#headers');
    expect(await c.section('Restore state')).toBe('ongoing-request="true"');
  });

  it('previews an image', async () => {
    const png = await sharp({ create: { width: 16, height: 8, channels: 3, background: '#3366cc' } }).png().toBuffer();
    await client().putObject({ bucket: 'pages-tree', key: 'pic.png', body: png, contentType: 'image/png' });
    await go('/o/pages-tree?key=pic.png');
    await c.page.waitForSelector('img#preview');
    await c.page.waitForFunction(() => (document.querySelector('img#preview') as HTMLImageElement).complete);
    expect(await c.page.$eval('img#preview', (img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight])).toEqual([16, 8]);
    await c.shot('image-preview');
  });

  it('filters the request log by API and by status, and shows new requests without a reload', async () => {
    await client().getObject({ bucket: 'pages-tree', key: 'missing' }).catch(() => undefined);
    await go('/requests');
    await c.page.waitForSelector('#requests tbody tr');
    const statusIs = async (value: string) => {
      await c.page.$eval('input[name=status]', (el) => { (el as HTMLInputElement).value = ''; });
      await c.page.type('input[name=status]', value);
      return (await rowsOf(c, '#requests')).map((r) => [r[3], r[4], r[5]]);
    };
    const missing = await statusIs('404');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every(([, s]) => s === '404')).toBe(true);
    expect(missing).toContainEqual(['GetObject', '404', 'NoSuchKey']);
    const ok = await statusIs('2xx');
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.every(([, s]) => /^2\d\d$/.test(s!))).toBe(true);
    await c.page.type('input[name=api]', 'GetObject');
    const gets = await statusIs('4xx');
    expect(gets.length).toBeGreaterThan(0);
    expect(new Set(gets.map(([api]) => api))).toEqual(new Set(['GetObject']));
    expect(gets.every(([, s]) => s!.startsWith('4'))).toBe(true);

    await client().getObject({ bucket: 'pages-tree', key: 'live-probe' }).catch(() => undefined);
    await c.page.waitForFunction(() => document.querySelector('#requests tbody')?.textContent?.includes('/pages-tree/live-probe'), { timeout: 10_000 });
  });

  it('adds fault rules, removes one by its button and then every rule', async () => {
    await go('/controls');
    await c.page.waitForSelector('textarea[name=rule]');
    expect(await textOf('#faults')).toContain('No fault rules');
    const addRule = async (json: string) => {
      await c.page.$eval('textarea[name=rule]', (el, v) => { (el as HTMLTextAreaElement).value = v; }, json);
      await c.page.click('form[aria-label="Add fault rule"] button[type=submit]');
    };
    await addRule('{"api": "PutObject", "bucket": "pages-tree", "code": "SlowDown", "status": 503, "count": 2}');
    await c.page.waitForSelector('table#faults');
    await addRule('{"api": "GetObject", "delayMs": 10}');
    await c.page.waitForFunction(() => document.querySelectorAll('table#faults tbody tr').length === 2);
    const rows = await rowsOf(c, 'table#faults');
    expect(rows.map((r) => r.slice(1, 7))).toEqual([['PutObject', 'pages-tree', '', '503 SlowDown', '2', '0'], ['GetObject', '', '', 'wait 10 ms', '1', '0']]);
    await c.shot('faults');

    await c.page.click(`button[aria-label="Remove rule ${rows[0]![0]}"]`);
    await c.page.waitForFunction(() => document.querySelectorAll('table#faults tbody tr').length === 1);
    const live = (await (await fetch(`${c.emu.url}/-/faults`)).json()) as { rules: { id: number; api: string }[] };
    expect(live.rules.map((r) => [String(r.id), r.api])).toEqual([[rows[1]![0], 'GetObject']]);

    await addRule('{"api": "NoSuchApi", "code": "SlowDown", "status": 503}');
    await c.page.waitForSelector('#controls-result .error');
    expect(await textOf('#controls-result .error')).toMatch(/^400\n[\s\S]*<Code>InvalidArgument<\/Code>[\s\S]*<ArgumentName>api<\/ArgumentName>/);

    await c.page.click('xpath///button[. = "Remove every rule"]');
    await c.page.waitForSelector('p#faults');
    expect(((await (await fetch(`${c.emu.url}/-/faults`)).json()) as { rules: unknown[] }).rules).toEqual([]);
  });

  // Every view: each control has an accessible name, Tab reaches every control with a visible focus ring, and
  // text has a contrast ratio of at least 4.5:1 (WCAG 2.x AA) against its background.
  for (const view of ['/buckets', '/b/pages-tree?prefix=', '/b/pages-tree?prefix=&versions=1', '/o/pages-tree?key=sse.txt', '/requests', '/controls', '/report']) {
    it(`is accessible: ${view}`, async () => {
      await go(view);
      await c.page.waitForFunction(() => document.querySelector('#view h2') && !document.querySelector('#view')?.textContent?.includes('Loading'));
      const unnamed = await c.page.$$eval('#view input, #view select, #view textarea, #view button, a[href]', (els) => els.filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        const name = el.getAttribute('aria-label') ?? (labels && labels.length ? labels[0]!.textContent : el.textContent);
        return !name?.trim();
      }).map((el) => el.outerHTML));
      expect(unnamed).toEqual([]);

      const controls = await c.page.$$eval('a[href], button, input, select, textarea', (els) => els.filter((el) => (el as HTMLElement).getClientRects().length > 0).length);
      const reached: { tag: string; outline: string }[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < controls + 2; i++) {
        await c.page.keyboard.press('Tab');
        const at = await c.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          if (!el.dataset.tabSeen) el.dataset.tabSeen = String(document.querySelectorAll('[data-tab-seen]').length);
          const s = getComputedStyle(el);
          return { id: el.dataset.tabSeen, tag: el.tagName, outline: `${s.outlineStyle} ${s.outlineWidth}` };
        });
        if (at === null || seen.has(at.id)) break;
        seen.add(at.id);
        reached.push({ tag: at.tag, outline: at.outline });
      }
      expect(reached.length).toBe(controls);
      expect(reached.filter((r) => r.outline !== 'solid 3px')).toEqual([]);

      const low = await c.page.evaluate(() => {
        const rgb = (v: string) => (v.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const ch = (x: number) => { const s = x / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
        };
        const background = (el: Element | null): number[] => {
          for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent?.trim() || el.getClientRects().length === 0 || el.closest('.skip')) continue;
          const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < 4.5) out.push(`${ratio.toFixed(2)}: ${el.tagName} ${n.textContent.trim().slice(0, 40)}`);
        }
        return out;
      });
      expect(low).toEqual([]);
    });
  }
});
