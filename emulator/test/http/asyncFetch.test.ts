// AsyncFetchTask against a loopback source (behaviour §17.5). oss2's own live tests use a public endpoint (they run
// through HTTP_PROXY, docs/sdk-suites.md (c)); these cover what they assert, with servers of our own: the source, a
// callback server that verifies the task's callback as an app would, and an HTTP proxy.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, snapshot, startTestEmulator, verifyCallbackSignature, xmlValue } from './support.js';

let emu: RunningEmulator;
let source: Server;
let sourceUrl: string;
let sourceRequests = 0;
/** The callback server: what it received, and how it answers. */
let callbackServer: Server;
let callbackPort: number;
let callbacks: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
let answer: (res: ServerResponse) => void;
const okAnswer = (res: ServerResponse) => {
  res.setHeader('Content-Type', 'application/json');
  res.end('{"Status":"OK"}');
};
const B = 'fetch-bucket';
const BODY = 'fetched content '.repeat(1000);

beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: B });
  source = createServer((req, res) => {
    sourceRequests++;
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
  callbackServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      callbacks.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackPort = (callbackServer.address() as AddressInfo).port;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => source.close(resolve));
  await new Promise((resolve) => callbackServer.close(resolve));
});
beforeEach(() => {
  callbacks = [];
  answer = okAnswer;
});

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');

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

  it('refuses a bad configuration and an unknown task id', async () => {
    expect(errorCode(await put(config('<Url>ftp://x/y</Url><Object>a</Object>')))).toBe('InvalidArgument');
    expect(errorCode(await put(config(`<Url>${sourceUrl}/file.txt</Url>`)))).toBe('InvalidArgument');
    expect(errorCode(await put('<Nope/>'))).toBe('MalformedXML');
    const unknown = await get('0123');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('NoSuchAsyncFetchTask');
  });
});

describe('AsyncFetchTask with a Callback (the upload callback document, sent once the object has landed)', () => {
  it('POSTs the landed object\'s variables to the callback server, signed as an upload callback; the task is Success', async () => {
    const callback = b64({
      callbackUrl: `http://127.0.0.1:${callbackPort}/notify?from=fetch`,
      callbackBody: 'bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&crc=${crc64}&md5=${contentMd5}&op=${operation}',
    });
    const id = xmlValue((await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>cb/a b.txt</Object><Callback>${callback}</Callback>`))).text, 'TaskId')!;
    const info = await ended(id);
    expect(xmlValue(info, 'State')).toBe('Success');
    expect(xmlValue(info, 'ErrorMsg')).toBe('');
    expect(xmlValue(info, 'Callback')).toBe(callback);
    const head = await raw(emu, { method: 'HEAD', bucket: B, key: 'cb/a b.txt' });
    expect(callbacks).toHaveLength(1);
    const r = callbacks[0]!;
    expect(r.url).toBe('/notify?from=fetch');
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const md5 = createHash('md5').update(BODY).digest();
    expect(r.body).toBe(
      `bucket=${B}&object=cb%2Fa%20b.txt&etag=${md5.toString('hex').toUpperCase()}&size=${BODY.length}&mimeType=text%2Fplain` +
        `&crc=${head.headers.get('x-oss-hash-crc64ecma')}&md5=${encodeURIComponent(md5.toString('base64'))}&op=PutAsyncFetchTask`,
    );
    expect(await verifyCallbackSignature(r)).toBe(true);
  });

  it('a callback that fails leaves the object landed and the task FetchSuccessCallbackFailed with the callback\'s error', async () => {
    answer = (res) => {
      res.statusCode = 500;
      res.end('{}');
    };
    const failing = b64({ callbackUrl: `http://127.0.0.1:${callbackPort}/`, callbackBody: '${etag}' });
    const refused = b64({ callbackUrl: 'http://127.0.0.1:1/callback', callbackBody: '${etag}' });
    const cases: [string, string, string][] = [
      [failing, 'failing.txt', 'Error status : 500.'],
      [refused, 'refused.txt', 'Error status : -1.OSS can not connect to your callbackUrl, please check it.'],
    ];
    for (const [callback, key, message] of cases) {
      const id = xmlValue((await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>${key}</Object><Callback>${callback}</Callback><CallbackWhenFailed>false</CallbackWhenFailed>`))).text, 'TaskId')!;
      const info = await ended(id);
      expect(xmlValue(info, 'State')).toBe('FetchSuccessCallbackFailed');
      expect(xmlValue(info, 'ErrorMsg')).toBe(message);
      expect(xmlValue(info, 'Callback')).toBe(callback);
      expect((await raw(emu, { method: 'GET', bucket: B, key })).text).toBe(BODY);
    }
  });

  it('refuses a bad callback document as x-oss-callback is refused, storing and fetching nothing', async () => {
    const before = snapshot(emu);
    const fetched = sourceRequests;
    const cases: [string, string][] = [
      ['not base64!', '0007-00000002'],
      [b64('not json'), '0007-00000003'],
      [b64({ callbackUrl: 'ftp://x/y', callbackBody: 'a' }), '0007-00000004'],
    ];
    for (const [callback, ec] of cases) {
      const res = await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>bad-cb.txt</Object><Callback>${callback}</Callback>`));
      expect(res.status).toBe(400);
      expect(errorCode(res)).toBe('InvalidArgument');
      expect(res.headers.get('x-oss-ec')).toBe(ec);
    }
    const whenFailed = await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>bad-cb.txt</Object><Callback>${b64({ callbackUrl: 'http://127.0.0.1:1/', callbackBody: 'a' })}</Callback><CallbackWhenFailed>true</CallbackWhenFailed>`));
    expect(errorCode(whenFailed)).toBe('NotImplemented');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(snapshot(emu)).toBe(before);
    expect(sourceRequests).toBe(fetched);
    expect(callbacks).toHaveLength(0);
  });
});

describe('AsyncFetchTask through the proxy the environment names (HTTP_PROXY, NO_PROXY)', () => {
  it('sends the fetch to the proxy as an absolute-form request; a loopback URL goes direct', async () => {
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.host}`);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('via proxy');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    process.env.NO_PROXY = '';
    try {
      // An unresolvable name (RFC 6761 .invalid): only the proxy can answer it.
      const id = xmlValue((await put(config('<Url>http://source.invalid/p.txt</Url><Object>proxied.txt</Object>'))).text, 'TaskId')!;
      expect(xmlValue(await ended(id), 'State')).toBe('Success');
      // A loopback source is reached directly, proxy or not.
      const direct = xmlValue((await put(config(`<Url>${sourceUrl}/file.txt</Url><Object>direct.txt</Object>`))).text, 'TaskId')!;
      expect(xmlValue(await ended(direct), 'State')).toBe('Success');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await new Promise((resolve) => proxy.close(resolve));
    }
    expect(seen).toEqual(['GET http://source.invalid/p.txt source.invalid']);
    expect((await raw(emu, { method: 'GET', bucket: B, key: 'proxied.txt' })).text).toBe('via proxy');
    expect((await raw(emu, { method: 'GET', bucket: B, key: 'direct.txt' })).text).toBe(BODY);
  });
});
