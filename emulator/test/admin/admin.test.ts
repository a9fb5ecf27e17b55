// The admin API (issue 23 item 3, README "Admin API"): POST /-/reset, /-/faults, GET /-/requests, over raw HTTP
// and through ali-oss, whose retry option is exercised against injected faults.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { parsePolicy } from '../../src/domain/policy.js';
import { isLoopback } from '../../src/admin/admin.js';
import { injectedError } from '../../src/admin/faults.js';
import { errorCode, raw, startTestEmulator, xmlValue, createPublicBucket } from '../http/support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
const ram = { accessKeyId: 'ak-reader', accessKeySecret: 'secret-reader' };

beforeAll(async () => {
  emu = await startTestEmulator({
    config: {
      accountId: '1000000000000000',
      users: [
        {
          kind: 'user',
          name: 'reader',
          uid: '200000000000001',
          ...ram,
          policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*', 'kms:*'], Resource: '*' }] })],
        },
      ],
      sts: [],
      kms: { keys: [{ keyId: 'key-a', enabled: true }] },
    },
  });
});
afterAll(() => emu.close());
beforeEach(async () => {
  expect((await admin('POST', '/-/reset')).status).toBe(200);
});

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(emu.url + path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

function aliClient(options: Record<string, unknown> = {}) {
  return new OSS({
    region: `oss-${emu.region}`,
    endpoint: emu.url,
    accessKeyId: emu.accessKeyId,
    accessKeySecret: emu.accessKeySecret,
    bucket: 'admin-bucket',
    ...options,
  });
}

describe('POST /-/reset', () => {
  it('removes every bucket, object, version, upload and bucket configuration, and keeps identities', async () => {
    await raw(emu, { method: 'PUT', bucket: 'keep-name' });
    await raw(emu, {
      method: 'PUT',
      bucket: 'keep-name',
      query: [['versioning', undefined]],
      body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
    });
    await raw(emu, { method: 'PUT', bucket: 'keep-name', key: 'a.txt', body: 'one' });
    await raw(emu, { method: 'PUT', bucket: 'keep-name', key: 'a.txt', body: 'two', headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'key-a' } });
    const init = await raw(emu, { method: 'POST', bucket: 'keep-name', key: 'big', query: [['uploads', undefined]] });
    const uploadId = xmlValue(init.text, 'UploadId')!;
    await raw(emu, { method: 'PUT', bucket: 'keep-name', key: 'big', query: [['partNumber', '1'], ['uploadId', uploadId]], body: 'part' });
    await createPublicBucket(emu, 'other', 'public-read');

    const res = await admin('POST', '/-/reset');
    expect(res.json).toEqual({ reset: true, removed: { buckets: 2, objects: 2, uploads: 1 } });

    const list = await raw(emu, { method: 'GET' });
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('<Bucket>');
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'keep-name', key: 'a.txt' }))).toBe('NoSuchBucket');
    // Every byte is gone too, not only the rows that name it.
    for (const table of ['chunks', 'contents', 'extents', 'objects', 'uploads', 'parts', 'buckets', 'data_keys']) {
      expect(emu.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    // The same name can be created again and starts plain: no versioning, private.
    expect((await raw(emu, { method: 'PUT', bucket: 'keep-name' })).status).toBe(200);
    const versioning = await raw(emu, { method: 'GET', bucket: 'keep-name', query: [['versioning', undefined]] });
    expect(versioning.text).not.toContain('<Status>');
    // Identities and KMS keys stay: the RAM user still signs, the declared key still encrypts.
    const put = await raw(emu, {
      method: 'PUT',
      bucket: 'keep-name',
      key: 'again',
      body: 'x',
      credentials: ram,
      headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'key-a' },
    });
    expect(put.status).toBe(200);
  });

  it('lets a GET that is still streaming finish with the bytes it started', async () => {
    await createPublicBucket(emu, 'stream', 'public-read');
    const body = Buffer.alloc(5 * 1024 * 1024, 7);
    await raw(emu, { method: 'PUT', bucket: 'stream', key: 'big', body });
    const get = await fetch(`${emu.url}/stream/big`);
    const reader = get.body!.getReader();
    const first = await reader.read();
    expect((await admin('POST', '/-/reset')).status).toBe(200);
    let size = first.value!.length;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      expect(value.every((b) => b === 7)).toBe(true);
      size += value.length;
    }
    expect(size).toBe(body.length);
    // Reclaimed once the reader let go.
    // Both files: whole chunks live in the attached blobs file (store/db.ts; its one empty row is a marker).
    expect(emu.store.db.prepare("SELECT (SELECT count(*) FROM chunks) + (SELECT count(*) FROM blobs.chunks WHERE data != x'')").pluck().get()).toBe(0);
  });
});

describe('/-/faults', () => {
  it('answers the next `count` matching requests with the OSS error of the rule, then serves normally', async () => {
    await raw(emu, { method: 'PUT', bucket: 'fault-bucket' });
    const added = await admin('POST', '/-/faults', {
      api: 'PutObject',
      bucket: 'fault-bucket',
      status: 503,
      code: 'SlowDown',
      message: 'Please reduce your request rate.',
      ec: '0012-00000000',
      count: 2,
    });
    expect(added.status).toBe(201);
    expect(added.json.rules).toMatchObject([{ id: expect.any(Number), api: 'PutObject', remaining: 2 }]);

    // Another API and another bucket are not matched.
    expect((await raw(emu, { method: 'GET', bucket: 'fault-bucket' })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await raw(emu, { method: 'PUT', bucket: 'fault-bucket', key: 'k', body: 'v' });
      expect(res.status).toBe(503);
      expect(errorCode(res)).toBe('SlowDown');
      expect(xmlValue(res.text, 'Message')).toBe('Please reduce your request rate.');
      expect(xmlValue(res.text, 'RequestId')).toBe(res.headers.get('x-oss-request-id'));
      expect(xmlValue(res.text, 'EC')).toBe('0012-00000000');
      expect(res.headers.get('x-oss-ec')).toBe('0012-00000000');
    }
    expect((await admin('GET', '/-/faults')).json.rules).toEqual([]);
    expect((await raw(emu, { method: 'PUT', bucket: 'fault-bucket', key: 'k', body: 'v' })).status).toBe(200);
    // The faulted PUTs wrote nothing: only the third landed.
    expect(emu.store.db.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(1);
  });

  it('renders a code the catalogue knows from its entry, also on HEAD (x-oss-err)', async () => {
    await raw(emu, { method: 'PUT', bucket: 'fault-bucket' });
    await raw(emu, { method: 'PUT', bucket: 'fault-bucket', key: 'k', body: 'v' });
    await admin('POST', '/-/faults', [
      { api: 'HeadObject', code: 'InternalError', count: 1 },
      { api: 'GetObject', key: 'k', code: 'RequestTimeTooSkewed', count: 1 },
    ]);
    const head = await raw(emu, { method: 'HEAD', bucket: 'fault-bucket', key: 'k' });
    expect(head.status).toBe(500);
    expect(errorCode(head)).toBe('InternalError');
    expect(Buffer.from(head.headers.get('x-oss-err')!, 'base64').toString()).toContain('We encountered an internal error. Please try again.');
    const get = await raw(emu, { method: 'GET', bucket: 'fault-bucket', key: 'k' });
    expect(get.status).toBe(403);
    expect(errorCode(get)).toBe('RequestTimeTooSkewed');
    expect(xmlValue(get.text, 'Message')).toBe('The difference between the request time and the current time is too large.');
    expect((await raw(emu, { method: 'GET', bucket: 'fault-bucket', key: 'k' })).text).toBe('v');
  });

  it('delays a request, then serves it', async () => {
    await raw(emu, { method: 'PUT', bucket: 'fault-bucket' });
    await admin('POST', '/-/faults', { api: 'GetBucketInfo', delayMs: 300 });
    const started = Date.now();
    const res = await raw(emu, { method: 'GET', bucket: 'fault-bucket', query: [['bucketInfo', undefined]] });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const [entry] = (await admin('GET', '/-/requests')).json.requests;
    expect(entry).toMatchObject({ api: 'GetBucketInfo', status: 200 });
    expect(entry.durationMs).toBeGreaterThanOrEqual(290);
  });

  it('refuses malformed rules with 400 InvalidArgument naming the field, and DELETE removes every rule', async () => {
    for (const [rule, field] of [
      [{ api: 'NoSuchApi', code: 'SlowDown', status: 503 }, 'api'],
      [{ api: 'PutObject', code: 'SlowDown' }, 'status'], // a code the catalogue does not know needs its status
      [{ api: 'PutObject', code: 'SlowDown', status: 200 }, 'status'],
      [{ api: 'PutObject', code: 'SlowDown', status: 503, count: 0 }, 'count'],
      [{ api: 'PutObject' }, 'code'],
      [{ api: 'PutObject', code: 'X', status: 503, colour: 'red' }, 'colour'],
    ] as const) {
      const res = await admin('POST', '/-/faults', rule);
      expect(res.status, JSON.stringify(rule)).toBe(400);
      expect(/<ArgumentName>([^<]*)</.exec(res.text)?.[1]).toBe(field);
    }
    expect((await fetch(emu.url + '/-/faults', { method: 'POST', body: '{not json' })).status).toBe(400);
    await admin('POST', '/-/faults', { api: '*', code: 'SlowDown', status: 503, count: 5 });
    expect((await admin('GET', '/-/faults')).json.rules).toHaveLength(1);
    expect((await admin('DELETE', '/-/faults')).status).toBe(204);
    expect((await admin('GET', '/-/faults')).json.rules).toEqual([]);
    expect((await raw(emu, { method: 'GET' })).status).toBe(200);
  });

  it('DELETE /-/faults/<id> removes that rule only, and answers 204 for an id no live rule has', async () => {
    const added = (await admin('POST', '/-/faults', [{ api: 'PutObject', code: 'SlowDown', status: 503 }, { api: 'GetObject', code: 'InternalError' }])).json.rules as { id: number; api: string }[];
    expect((await admin('DELETE', `/-/faults/${added[0]!.id}`)).status).toBe(204);
    expect(((await admin('GET', '/-/faults')).json.rules as { id: number }[]).map((r) => r.id)).toEqual([added[1]!.id]);
    expect((await admin('DELETE', `/-/faults/${added[0]!.id}`)).status).toBe(204);
    expect((await admin('GET', '/-/faults')).json.rules).toHaveLength(1);
    const bad = await admin('DELETE', '/-/faults/x');
    expect([bad.status, xmlValue(bad.text, 'Code')]).toEqual([400, 'NotImplemented']);
  });

  it('builds one OssError for an unknown code, so the one renderer draws it', () => {
    const err = injectedError({ code: 'SlowDown', status: 503, message: 'Please reduce your request rate.' });
    expect(err).toMatchObject({ code: 'SlowDown', status: 503, message: 'Please reduce your request rate.', ec: undefined });
    expect(injectedError({ code: 'SignatureDoesNotMatchV4', status: 403 })).toMatchObject({ code: 'SignatureDoesNotMatch', ec: '0002-00000201' });
  });
});

describe('ali-oss against fault rules', () => {
  it('surfaces a 503 SlowDown with its OSS code; its retryMax does not retry answered errors, so the third call succeeds', async () => {
    const client = aliClient({ retryMax: 3 });
    await client.putBucket('admin-bucket');
    await admin('POST', '/-/faults', { api: 'PutObject', code: 'SlowDown', status: 503, message: 'Please reduce your request rate.', count: 2 });
    // ali-oss retries only requests that got no answer (status -1 / -2, lib/client.js request): a 503 is returned.
    for (let i = 0; i < 2; i++) {
      await expect(client.put('k', Buffer.from('v'))).rejects.toMatchObject({ status: 503, code: 'SlowDown', name: 'SlowDownError' });
    }
    expect((await client.put('k', Buffer.from('v'))).res.status).toBe(200);
    const puts = (await admin('GET', '/-/requests')).json.requests.filter((r: { api: string }) => r.api === 'PutObject');
    expect(puts.map((r: { status: number; errorCode: string | null }) => [r.status, r.errorCode])).toEqual([
      [200, null],
      [503, 'SlowDown'],
      [503, 'SlowDown'],
    ]);
  });

  it('retries dropped connections with retryMax: two cut, then 200 on the third attempt', async () => {
    const client = aliClient({ retryMax: 2 });
    await client.putBucket('admin-bucket');
    await admin('POST', '/-/faults', { api: 'GetObject', key: 'r', dropConnection: true, count: 2 });
    await client.put('r', Buffer.from('retried'));
    const got = await client.get('r');
    expect(got.content.toString()).toBe('retried');
    const gets = (await admin('GET', '/-/requests')).json.requests.filter((r: { api: string }) => r.api === 'GetObject');
    expect(gets.map((r: { status: number }) => r.status)).toEqual([200, 0, 0]);
    // Without retryMax the cut reaches the caller as a request error.
    await admin('POST', '/-/faults', { api: 'GetObject', key: 'r', dropConnection: true });
    await expect(aliClient().get('r')).rejects.toMatchObject({ status: -1 });
  });
});

describe('GET /-/requests', () => {
  it('names the APIs a test called, newest first, with status, error code, EC, request id, key id and duration', async () => {
    const client = aliClient();
    await client.putBucket('admin-bucket');
    await client.put('dir/a.txt', Buffer.from('hello'));
    await client.head('dir/a.txt');
    await client.get('dir/a.txt');
    await client.list({ prefix: 'dir/' });
    await client.copy('dir/b.txt', 'dir/a.txt');
    await expect(client.get('missing')).rejects.toMatchObject({ status: 404 });
    await fetch(`${emu.url}/-/health`);
    const { requests } = (await admin('GET', '/-/requests')).json;
    expect(requests.map((r: { api: string }) => r.api)).toEqual([
      'GetObject',
      'CopyObject',
      'ListObjects',
      'GetObject',
      'HeadObject',
      'PutObject',
      'PutBucket',
    ]);
    const [missing, copy] = requests;
    expect(missing).toMatchObject({
      method: 'GET',
      path: '/missing',
      bucket: 'admin-bucket',
      key: 'missing',
      status: 404,
      errorCode: 'NoSuchKey',
      ec: '0026-00000001',
      accessKeyId: emu.accessKeyId,
    });
    expect(missing.requestId).toMatch(/^[0-9A-F]{24}$/);
    expect(copy).toMatchObject({ status: 200, errorCode: null, ec: null });
    expect(typeof copy.durationMs).toBe('number');
    expect(Date.parse(copy.time)).toBeLessThanOrEqual(Date.parse(missing.time));
    expect((await admin('GET', '/-/requests?limit=2')).json.requests).toHaveLength(2);
  });

  it('names the API of a request refused before the handler, and null before routing decided', async () => {
    await raw(emu, { method: 'GET', bucket: 'nowhere', key: 'x', sign: 'none' });
    // An API local-oss does not serve: no API name; a missing bucket is still answered first, as for any API OSS has.
    await raw(emu, { method: 'GET', bucket: 'nowhere', query: [['dataPipeline', undefined]] });
    const { requests } = (await admin('GET', '/-/requests')).json;
    expect(requests.map((r: { api: string | null; errorCode: string }) => [r.api, r.errorCode])).toEqual([
      [null, 'NoSuchBucket'],
      ['GetObject', 'NoSuchBucket'],
    ]);
    expect(requests[1].accessKeyId).toBeNull();
  });

  it('keeps a bounded ring', async () => {
    const { RequestLog } = await import('../../src/admin/requestLog.js');
    const log = new RequestLog(3) as unknown as { push(e: unknown): void; list(): Array<{ n: number }> };
    for (let n = 0; n < 5; n++) log.push({ n });
    expect(log.list().map((e) => e.n)).toEqual([4, 3, 2]);
  });
});

describe('admin access', () => {
  it('trusts loopback addresses only; anyone else must sign with the owner key (emulator/test/docker)', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['172.17.0.1', '::ffff:10.0.0.1', '192.168.1.2', 'fe80::1', undefined]) expect(isLoopback(a)).toBe(false);
  });

  it('leaves /-/ paths on a bucket host to the bucket', async () => {
    await raw(emu, { method: 'PUT', bucket: 'vh-bucket' });
    const res = await raw(emu, { method: 'PUT', bucket: 'vh-bucket', key: '-/reset', body: 'an object', virtualHost: true });
    expect(res.status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: 'vh-bucket', key: '-/reset' })).text).toBe('an object');
  });
});
