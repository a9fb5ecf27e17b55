// AsyncFetchTask against a loopback source (behaviour §17.5). oss2's own live tests use a public endpoint, so they
// cannot run here (docs/sdk-suites.md (c)); these cover what they assert, with a server of our own.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
let source: Server;
let sourceUrl: string;
const B = 'fetch-bucket';
const BODY = 'fetched content '.repeat(1000);

beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: B });
  source = createServer((req, res) => {
    if (req.url === '/file.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(BODY);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  const address = source.address();
  sourceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => source.close(resolve));
});

const config = (inner: string) => `<AsyncFetchTaskConfiguration>${inner}</AsyncFetchTaskConfiguration>`;
const put = (body: string) => raw(emu, { method: 'POST', bucket: B, query: [['asyncFetch', undefined]], body, sign: 'v1' });
const get = (id: string) => raw(emu, { method: 'GET', bucket: B, query: [['asyncFetch', undefined]], headers: { 'x-oss-task-id': id }, sign: 'v1' });

/** Polls until the task has ended (the fetch runs after the answer); no assertion on how long it took. */
async function ended(id: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const res = await get(id);
    if (xmlValue(res.text, 'State') !== 'Running') return res.text;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`task ${id} never ended`);
}

describe('AsyncFetchTask', () => {
  it('fetches the URL into the object and reports Success with the task as configured', async () => {
    const md5 = createHash('md5').update(BODY).digest('base64');
    const res = await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>dest.txt</Object><ContentMD5>${md5}</ContentMD5><IgnoreSameKey>false</IgnoreSameKey>`));
    expect(res.status).toBe(200);
    const id = xmlValue(res.text, 'TaskId')!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const info = await ended(id);
    expect(xmlValue(info, 'State')).toBe('Success');
    expect(info).toContain(`<ErrorMsg></ErrorMsg><TaskInfo><Url>${sourceUrl}/file.txt</Url><Object>dest.txt</Object><Host></Host><ContentMD5>${md5}</ContentMD5><Callback></Callback><IgnoreSameKey>false</IgnoreSameKey></TaskInfo>`);
    const object = await raw(emu, { method: 'GET', bucket: B, key: 'dest.txt' });
    expect(object.text).toBe(BODY);
    expect(object.headers.get('content-type')).toBe('text/plain');
    expect(object.headers.get('content-md5')).toBe(md5);
  });

  it('fails a task whose source is missing or whose content is not the ContentMD5, landing nothing', async () => {
    const missing = xmlValue((await put(config(`<Url>${sourceUrl}/none</Url><Object>none.txt</Object>`))).text, 'TaskId')!;
    const wrongMd5 = xmlValue((await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>bad.txt</Object><ContentMD5>1B2M2Y8AsgTpgAmY7PhCfg==</ContentMD5>`))).text, 'TaskId')!;
    const unreachable = xmlValue((await put(config(`<Url>http://127.0.0.1:1/x</Url><Object>x.txt</Object>`))).text, 'TaskId')!;
    for (const id of [missing, wrongMd5, unreachable]) {
      const info = await ended(id);
      expect(xmlValue(info, 'State')).toBe('Failed');
      expect(xmlValue(info, 'ErrorMsg')).not.toBe('');
      // IgnoreSameKey reads back true when not sent (oss2 live test_async_fetch_task_with_few_argument).
      expect(xmlValue(info, 'IgnoreSameKey')).toBe('true');
    }
    for (const key of ['none.txt', 'bad.txt', 'x.txt']) expect((await raw(emu, { method: 'HEAD', bucket: B, key })).status).toBe(404);
  });

  it('refuses a task onto an existing object unless IgnoreSameKey is false (oss2 live test_ignore_same_key)', async () => {
    await raw(emu, { method: 'PUT', bucket: B, key: 'exists.txt', body: 'old' });
    const before = snapshot(emu);
    for (const flag of ['<IgnoreSameKey>true</IgnoreSameKey>', '']) {
      const res = await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>exists.txt</Object>${flag}`));
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('ObjectAlreadyExists');
    }
    expect(snapshot(emu)).toBe(before);
    const id = xmlValue((await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>exists.txt</Object><IgnoreSameKey>false</IgnoreSameKey>`))).text, 'TaskId')!;
    expect(xmlValue(await ended(id), 'State')).toBe('Success');
    expect((await raw(emu, { method: 'GET', bucket: B, key: 'exists.txt' })).text).toBe(BODY);
  });

  it('refuses a bad configuration, a callback (not served), and an unknown task id', async () => {
    expect(errorCode(await put(config('<Url>ftp://x/y</Url><Object>a</Object>')))).toBe('InvalidArgument');
    expect(errorCode(await put(config(`<Url>${sourceUrl}/file.txt</Url>`)))).toBe('InvalidArgument');
    expect(errorCode(await put('<Nope/>'))).toBe('MalformedXML');
    expect(errorCode(await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>cb.txt</Object><Callback>eyJ9</Callback>`)))).toBe('NotImplemented');
    const unknown = await get('0123');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('NoSuchAsyncFetchTask');
  });
});
