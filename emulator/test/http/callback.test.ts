// Upload callbacks (behaviour §9.14) end to end: a loopback HTTP server receives the callback of PutObject and
// CompleteMultipartUpload (raw HTTP, our client, ali-oss), verifies its RSA signature with the public key fetched
// from x-oss-pub-key-url, and its answer comes back to the uploader; failures are 203 CallbackFailed with the object
// stored; bad callback documents are OSS's 400s and store nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, verifyCallbackSignature, xmlValue } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let emu: RunningEmulator;
let server: Server;
let port: number;
let received: Received[] = [];
/** How the callback server answers the next requests. */
let answer: (res: ServerResponse) => void;
const ok = (res: ServerResponse) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ Status: 'OK', from: 'app' }));
};

const bucket = 'cb-bucket';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');

beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  answer = ok;
});

function put(key: string, headers: Record<string, string>, body = 'hello', query: [string, string | undefined][] = []) {
  return raw(emu, { method: 'PUT', bucket, key, headers, body, query });
}

describe('upload callbacks', () => {
  it('PutObject: POSTs the form body with its variables, signed; the answer is the callback server\'s JSON', async () => {
    const callback = b64({
      callbackUrl: `http://127.0.0.1:${port}/notify/a%20b?from=oss`,
      callbackHost: 'app.example.com',
      callbackBody: 'bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}&crc=${crc64}&md5=${contentMd5}&op=${operation}&my=${x:my_var}',
    });
    const res = await put('dir/a b.txt', { 'x-oss-callback': callback, 'x-oss-callback-var': b64({ 'x:my_var': 'v&1' }), 'content-type': 'text/plain' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(res.text)).toEqual({ Status: 'OK', from: 'app' });
    expect(res.headers.get('etag')).toBe('"5D41402ABC4B2A76B9719D911017C592"');
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/notify/a%20b?from=oss');
    expect(r.headers.host).toBe('app.example.com');
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const crc = res.headers.get('x-oss-hash-crc64ecma')!;
    expect(r.body).toBe(
      `bucket=cb-bucket&object=dir%2Fa%20b.txt&etag=5D41402ABC4B2A76B9719D911017C592&size=5&mimeType=text%2Fplain&crc=${crc}` +
        `&md5=${encodeURIComponent('XUFAKrxLKna5cZ2REBfFkg==')}&op=PutObject&my=v%261`,
    );
    expect(await verifyCallbackSignature(r)).toBe(true);
    expect((await raw(emu, { method: 'GET', bucket, key: 'dir/a b.txt' })).text).toBe('hello');
  });

  it('a JSON body gets JSON values: strings quoted and escaped, size a number', async () => {
    const callback = b64({
      callbackUrl: `http://127.0.0.1:${port}/`,
      callbackBody: '{"object":${object},"size":${size},"var":${x:v},"none":${imageInfo.height}}',
      callbackBodyType: 'application/json',
    });
    const res = await put('q"uote.txt', { 'x-oss-callback': callback, 'x-oss-callback-var': b64({ 'x:v': 'a"b' }) });
    expect(res.status).toBe(200);
    const r = received[0]!;
    expect(r.headers['content-type']).toBe('application/json');
    expect(JSON.parse(r.body)).toEqual({ object: 'q"uote.txt', size: 5, var: 'a"b', none: '' });
    expect(await verifyCallbackSignature(r)).toBe(true);
  });

  it('fails with 203 CallbackFailed, the object stored: a non-200 status, a body that is not JSON, no Content-Length, a refused connection', async () => {
    const cases: [(res: ServerResponse) => void, string][] = [
      [(res) => { res.statusCode = 500; res.end('{}'); }, 'Error status : 500.'],
      [(res) => res.end('OK'), 'Response body is not valid json format.'],
      [(res) => { res.write('{"a":'); res.end('1}'); }, 'Error status : 400.User server missing content-length.'],
    ];
    for (const [how, message] of cases) {
      answer = how;
      const res = await put('failed.txt', { 'x-oss-callback': b64({ callbackUrl: `127.0.0.1:${port}`, callbackBody: 'k=${object}' }) }, message);
      expect(res.status, message).toBe(203);
      expect(errorCode(res)).toBe('CallbackFailed');
      expect(xmlValue(res.text, 'Message')).toBe(message);
      expect(res.headers.get('etag')).not.toBeNull();
      expect((await raw(emu, { method: 'GET', bucket, key: 'failed.txt' })).text).toBe(message);
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await put('refused.txt', { 'x-oss-callback': b64({ callbackUrl: `http://127.0.0.1:${closedPort}/`, callbackBody: 'a=1' }) });
    expect(refused.status).toBe(203);
    expect(xmlValue(refused.text, 'Message')).toBe('Error status : -1.OSS can not connect to your callbackUrl, please check it.');
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'refused.txt' })).status).toBe(200);
    // The non-JSON answer's EC (EC page 0007-00000205).
    answer = (res) => res.end('plain');
    const notJson = await put('ec.txt', { 'x-oss-callback': b64({ callbackUrl: `http://127.0.0.1:${port}/`, callbackBody: 'a=1' }) });
    expect(notJson.headers.get('x-oss-ec')).toBe('0007-00000205');
  });

  it('waits 5 s for the callback server, then answers 203 with the timeout message', async () => {
    answer = () => {}; // never answers
    const res = await put('slow.txt', { 'x-oss-callback': b64({ callbackUrl: `http://127.0.0.1:${port}/slow`, callbackBody: 'a=1' }) });
    expect(res.status).toBe(203);
    expect(xmlValue(res.text, 'Message')).toBe(`Error status : -1 127.0.0.1:${port} reply timeout, cost:5000ms, timeout:5000ms`);
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'slow.txt' })).status).toBe(200);
  }, 15_000);

  it('a callbackHost no header can carry is a failed callback, not a server error', async () => {
    const res = await put('bad-host.txt', { 'x-oss-callback': b64({ callbackUrl: `http://127.0.0.1:${port}/`, callbackHost: 'a\r\nX-Evil: 1', callbackBody: 'a=1' }) });
    expect(res.status).toBe(203);
    expect(errorCode(res)).toBe('CallbackFailed');
    expect(received).toHaveLength(0);
  });

  it('tries the URLs in order until one succeeds', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const callback = b64({ callbackUrl: `http://127.0.0.1:${closedPort}/;http://127.0.0.1:${port}/second`, callbackBody: 'a=1' });
    const res = await put('two-urls.txt', { 'x-oss-callback': callback });
    expect(res.status).toBe(200);
    expect(received.map((r) => r.url)).toEqual(['/second']);
  });

  it('CompleteMultipartUpload sends the callback of the whole object and answers with its body', async () => {
    const init = await raw(emu, { method: 'POST', bucket, key: 'mp.bin', query: [['uploads', undefined]] });
    const id = xmlValue(init.text, 'UploadId')!;
    const p1 = await raw(emu, { method: 'PUT', bucket, key: 'mp.bin', query: [['partNumber', '1'], ['uploadId', id]], body: 'part one' });
    const res = await raw(emu, {
      method: 'POST',
      bucket,
      key: 'mp.bin',
      query: [['uploadId', id]],
      headers: { 'x-oss-callback': b64({ callbackUrl: `http://127.0.0.1:${port}/mp`, callbackBody: 'size=${size}&etag=${etag}&op=${operation}' }) },
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${p1.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ Status: 'OK', from: 'app' });
    const etag = res.headers.get('etag')!.replace(/"/g, '');
    expect(received[0]!.body).toBe(`size=8&etag=${etag}&op=CompleteMultipartUpload`);
    expect(await verifyCallbackSignature(received[0]!)).toBe(true);
  });

  it('takes the callback from a presigned URL\'s query (oss2 test_sign_url_with_callback) and from a bucket callback policy', async () => {
    const res = await put('query.txt', {}, 'q', [
      ['callback', b64({ callbackUrl: `http://127.0.0.1:${port}/q`, callbackBody: 'v=${x:my_var1}' })],
      ['callback-var', b64({ 'x:my_var1': 'my_val1' })],
    ]);
    expect(res.status).toBe(200);
    expect(received[0]!.body).toBe('v=my_val1');
    const policy =
      `<BucketCallbackPolicy><PolicyItem><PolicyName>p1</PolicyName><Callback>${b64({ callbackUrl: `http://127.0.0.1:${port}/policy`, callbackBody: 'o=${object}&v=${x:a}' })}</Callback>` +
      `<CallbackVar>${b64({ 'x:a': 'from-policy' })}</CallbackVar></PolicyItem></BucketCallbackPolicy>`;
    expect((await raw(emu, { method: 'PUT', bucket, query: [['policy', undefined], ['comp', 'callback']], body: policy })).status).toBe(200);
    const viaPolicy = await put('policy.txt', { 'x-oss-callback': b64({ callbackPolicy: 'p1' }) });
    expect(viaPolicy.status).toBe(200);
    expect(received[1]).toMatchObject({ url: '/policy', body: 'o=policy.txt&v=from-policy' });
  });

  it('refuses a bad callback document with OSS\'s 400 before storing anything', async () => {
    const before = snapshot(emu);
    const url = `http://127.0.0.1:${port}/`;
    const cases: [Record<string, string>, string, string | undefined, [string, string][]?][] = [
      [{ 'x-oss-callback': 'x123-*&' }, 'The callback configuration is not base64 encoded.', '0007-00000002'],
      [{ 'x-oss-callback': b64('{"callbackUrl":') }, 'The callback configuration is not json format.', '0007-00000003'],
      [{ 'x-oss-callback': b64({ callbackUrl: 'ftp://host/x', callbackBody: 'a' }) }, 'The callback url is invalid.', '0007-00000004'],
      [{ 'x-oss-callback': b64({ callbackUrl: 'a;b;c;d;e;f', callbackBody: 'a' }) }, 'The callback url is invalid.', '0007-00000004'],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: '' }) }, 'The callback body is empty.', undefined],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: [1, 2] }) }, 'The callback body is not a string.', undefined],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'size=${size}&my_var=$x:my_var}' }) }, 'Left brace must be adjacent to dollar sign.', '0007-00000105'],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: '{"a":${bucket}', callbackBodyType: 'application/json' }) }, 'The callback configuration is not json format.', '0007-00000003'],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'a', callbackBodyType: 'text/plain' }) }, 'The callback body type is not supported.', undefined],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'a' }), 'x-oss-callback-var': '***' }, 'The callback var is not base64 encoded.', '0007-00000102'],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'a' }), 'x-oss-callback-var': b64('{"x:a":') }, 'The callback var is not json format.', '0007-00000103'],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'a' }), 'x-oss-callback-var': b64({ 'x:Upper': '1' }) }, 'The callback var key must start with x: and be lower case.', undefined],
      [{ 'x-oss-callback': b64({ callbackPolicy: 'missing' }) }, 'The callback policy does not exist.', undefined],
      [{ 'x-oss-callback': b64({ callbackUrl: url, callbackBody: 'a' }) }, 'Only one of the x-oss-callback header and the callback parameter may be given.', '0007-00000027', [['callback', 'x']]],
    ];
    for (const [headers, message, ec, query] of cases) {
      const res = await put('refused-doc.txt', headers, 'x', query);
      expect(res.status, message).toBe(400);
      expect(errorCode(res), message).toBe('InvalidArgument');
      expect(xmlValue(res.text, 'Message'), JSON.stringify(headers)).toBe(message);
      expect(res.headers.get('x-oss-ec') ?? undefined, message).toBe(ec);
    }
    expect(received).toHaveLength(0);
    expect(snapshot(emu)).toBe(before);
  });

  it('ignores callback-var keys without x: (oss2 live test_sign_url_with_callback sends the callback document as callback-var)', async () => {
    const doc = { callbackUrl: `http://127.0.0.1:${port}/`, callbackBody: 'o=${object}' };
    const res = await put('var-keys.txt', { 'x-oss-callback': b64(doc), 'x-oss-callback-var': b64(doc) });
    expect(res.status).toBe(200);
    expect(received[0]!.body).toBe('o=var-keys.txt');
  });

  it('no callbackUrl means no callback: the upload is answered as usual', async () => {
    const res = await put('no-url.txt', { 'x-oss-callback': b64({ callbackBody: 'a=1' }) });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(received).toHaveLength(0);
  });

  it('through our client: putObject and completeMultipartUpload return callbackResult; a failure throws CallbackFailed', async () => {
    const client = ownerClient(emu);
    const callback = b64({ callbackUrl: `http://127.0.0.1:${port}/c`, callbackBody: 'o=${object}' });
    const put1 = await client.putObject({ bucket, key: 'client.txt', body: 'abc', callback });
    expect(put1.callbackResult).toEqual({ Status: 'OK', from: 'app' });
    expect(put1.etag).toBe('"900150983CD24FB0D6963F7D28E17F72"');
    const { uploadId } = await client.initiateMultipartUpload({ bucket, key: 'client-mp.txt' });
    const part = await client.uploadPart({ bucket, key: 'client-mp.txt', uploadId, partNumber: 1, body: 'abc' });
    const done = await client.completeMultipartUpload({ bucket, key: 'client-mp.txt', uploadId, parts: [{ partNumber: 1, etag: part.etag! }], callback });
    expect(done.callbackResult).toEqual({ Status: 'OK', from: 'app' });
    answer = (res) => res.end('not json');
    await expect(client.putObject({ bucket, key: 'client-fail.txt', body: 'abc', callback })).rejects.toMatchObject({ status: 203, code: 'CallbackFailed' });
    expect((await client.headObject({ bucket, key: 'client-fail.txt' })).contentLength).toBe(3);
  });

  it('through ali-oss: put(name, body, { callback }) gets the callback server\'s answer as data', async () => {
    const client = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket });
    const result = await client.put('ali.txt', Buffer.from('ali'), {
      callback: { url: `http://127.0.0.1:${port}/ali`, body: 'object=${object}&v=${x:var1}', contentType: 'application/x-www-form-urlencoded', customValue: { var1: 'one' } },
    });
    expect(result.data).toEqual({ Status: 'OK', from: 'app' });
    expect(received[0]).toMatchObject({ url: '/ali', body: 'object=ali.txt&v=one' });
    expect(await verifyCallbackSignature(received[0]!)).toBe(true);
    // multipartUpload sends the callback on its CompleteMultipartUpload (lib/common/multipart.js).
    const mp = await client.multipartUpload('ali-mp.bin', Buffer.alloc(200 * 1024, 'm'), {
      partSize: 100 * 1024,
      callback: { url: `http://127.0.0.1:${port}/ali-mp`, body: 'size=${size}&op=${operation}' },
    });
    expect(mp.data).toEqual({ Status: 'OK', from: 'app' });
    expect(received[1]).toMatchObject({ url: '/ali-mp', body: 'size=204800&op=CompleteMultipartUpload' });
    answer = (res) => { res.statusCode = 404; res.end('{}'); };
    await expect(client.put('ali-fail.txt', Buffer.from('x'), { callback: { url: `http://127.0.0.1:${port}/`, body: 'a=1' } })).rejects.toMatchObject({ code: 'CallbackFailed' });
  });

  it('serves the public key at the URL it names, without credentials', async () => {
    const res = await fetch(`${emu.url}/-/callback/public-key.pem`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('is sent through the proxy the environment names (HTTP_PROXY), as an absolute-form POST', async () => {
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.host}`);
      req.resume();
      req.on('end', () => {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"via":"proxy"}');
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    process.env.NO_PROXY = '';
    try {
      // An unresolvable name (RFC 6761 .invalid): only the proxy can answer it.
      const res = await put('proxied.txt', { 'x-oss-callback': b64({ callbackUrl: 'http://app.invalid/cb', callbackBody: 'o=${object}' }) });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ via: 'proxy' });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await new Promise((resolve) => proxy.close(resolve));
    }
    expect(seen).toEqual(['POST http://app.invalid/cb app.invalid']);
  });
});
