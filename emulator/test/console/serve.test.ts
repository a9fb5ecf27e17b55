// The console's server side over raw HTTP (issue 24): the page and its modules are served, every module is in the
// npm package, an unknown asset is refused (400 NotImplemented, as admin/admin.ts refuses an unknown path), and the
// proxy answers as the OSS API does (status, error document, headers) with the owner's signature.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, startTestEmulator, xmlValue } from '../http/support.js';
import { walkConsoleModules } from './moduleWalk.js';

describe('console server side', () => {
  let emu: RunningEmulator;
  beforeAll(async () => { emu = await startTestEmulator(); });
  afterAll(async () => { await emu.close(); });

  it('serves the page, its style sheet and its compiled modules', async () => {
    const page = await fetch(`${emu.url}/-/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/-/console/ui/main.js');
    const css = await fetch(`${emu.url}/-/console/console.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const js = await fetch(`${emu.url}/-/console/ui/main.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('serves every module main.js imports, transitively (what dist, npm pack and the image must carry)', async () => {
    const names = await walkConsoleModules(async (name) => {
      const res = await fetch(`${emu.url}/-/console/ui/${name}`);
      return { status: res.status, text: await res.text() };
    });
    expect(names).toEqual(['buckets.js', 'controls.js', 'dom.js', 'main.js', 'object.js', 'objects.js', 'oss.js', 'report.js', 'requests.js']);
  });

  it('ships every console module in the npm package (npm pack --dry-run)', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', 'emulator'], { cwd: root });
    const packed = new Set((JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    const modules = readdirSync(new URL('../../src/console/ui/', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => `dist/console/ui/${f.replace(/\.ts$/, '.js')}`);
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((m) => !packed.has(m))).toEqual([]);
    expect(['dist/console/serve.js', 'dist/console/page.js'].filter((m) => !packed.has(m))).toEqual([]);
  });

  it('refuses an asset it does not have, and a write to the page', async () => {
    for (const name of ['nothere.js', 'main.js.map', 'Main.ts']) {
      const missing = await fetch(`${emu.url}/-/console/ui/${name}`);
      expect([name, missing.status, await missing.text()]).toEqual([name, 400, expect.stringContaining("<Code>NotImplemented</Code>")]);
    }
    const post = await fetch(`${emu.url}/-/console`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('proxies to the OSS API signed with the owner key, answering as OSS does', async () => {
    const put = await fetch(`${emu.url}/-/console/oss/proxied/`, { method: 'PUT' });
    expect(put.status).toBe(200);
    const obj = await fetch(`${emu.url}/-/console/oss/proxied/a%20b/c.txt`, { method: 'PUT', body: 'hi', headers: { 'content-type': 'text/plain', 'x-oss-meta-who': 'console' } });
    expect(obj.status).toBe(200);
    const head = await ownerClient(emu).headObject({ bucket: 'proxied', key: 'a b/c.txt' });
    expect(head.metadata).toEqual({ who: 'console' });
    const missing = await fetch(`${emu.url}/-/console/oss/proxied/nope?response-content-type=text%2Fplain`);
    const text = await missing.text();
    expect(missing.status).toBe(404);
    expect(errorCode({ status: missing.status, headers: missing.headers, text, body: Buffer.from(text) })).toBe('NoSuchKey');
    expect(xmlValue(text, 'EC')).toBe('0026-00000001');
    const log = (await (await fetch(`${emu.url}/-/requests?limit=1`)).json()) as { requests: { api: string; accessKeyId: string }[] };
    expect(log.requests[0]).toMatchObject({ api: 'GetObject', accessKeyId: emu.accessKeyId });
  });
});
