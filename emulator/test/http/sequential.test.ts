// Sequential multipart uploads (`POST ?uploads&sequential`, behaviour §9.15): parts in order, PartNotSequential for a
// part that skips ahead, Content-MD5 on the completed object; `sequential` on every request of GO2's Uploader.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const bucket = 'seq-bucket';
const KiB = 1024;

beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket });
});
afterAll(() => emu.close());

const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64');
const completeXml = (parts: [number, string][]) =>
  `<CompleteMultipartUpload>${parts.map(([n, e]) => `<Part><PartNumber>${n}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;

async function initiate(key: string, sequential: boolean): Promise<string> {
  const query: [string, string | undefined][] = [['uploads', undefined]];
  if (sequential) query.push(['sequential', undefined]);
  const res = await raw(emu, { method: 'POST', bucket, key, query });
  expect(res.status).toBe(200);
  return xmlValue(res.text, 'UploadId')!;
}

function part(key: string, id: string, n: number, body: Buffer, extra: [string, string | undefined][] = []) {
  return raw(emu, { method: 'PUT', bucket, key, query: [['partNumber', String(n)], ['uploadId', id], ...extra], body });
}

describe('sequential multipart upload', () => {
  it('gives the completed object the Content-MD5 of its bytes; a plain upload has none (oss2 test_multipart_sequential)', async () => {
    const a = Buffer.alloc(100 * KiB, 'a');
    const b = Buffer.from('tail bytes');
    for (const sequential of [false, true]) {
      const key = `obj-${sequential}`;
      const id = await initiate(key, sequential);
      const p1 = await part(key, id, 1, a);
      const p2 = await part(key, id, 2, b);
      const done = await raw(emu, { method: 'POST', bucket, key, query: [['uploadId', id]], body: completeXml([[1, p1.headers.get('etag')!], [2, p2.headers.get('etag')!]]) });
      expect(done.status).toBe(200);
      const head = await raw(emu, { method: 'HEAD', bucket, key });
      expect(head.headers.get('x-oss-object-type')).toBe('Multipart');
      expect(head.headers.get('content-md5')).toBe(sequential ? md5(Buffer.concat([a, b])) : null);
      const get = await raw(emu, { method: 'GET', bucket, key });
      expect(get.body.equals(Buffer.concat([a, b]))).toBe(true);
    }
  });

  it('refuses a part that skips ahead with PartNotSequential and stores nothing; a part sent again is accepted', async () => {
    const id = await initiate('order', true);
    const skip = await part('order', id, 2, Buffer.from('two'));
    expect(skip.status).toBe(400);
    expect(errorCode(skip)).toBe('PartNotSequential');
    const list = await raw(emu, { method: 'GET', bucket, key: 'order', query: [['uploadId', id]] });
    expect(list.text).not.toContain('<Part>');
    expect((await part('order', id, 1, Buffer.alloc(100 * KiB, 'x'))).status).toBe(200);
    expect((await part('order', id, 1, Buffer.alloc(100 * KiB, 'y'))).status).toBe(200);
    expect((await part('order', id, 3, Buffer.from('three'))).status).toBe(400);
    expect((await part('order', id, 2, Buffer.from('two'))).status).toBe(200);
    // A plain upload takes parts in any order.
    const plain = await initiate('any-order', false);
    expect((await part('any-order', plain, 3, Buffer.from('three'))).status).toBe(200);
  });

  it('accepts `sequential` on UploadPart, Complete and Abort as GO2 Uploader sends it, and on a single PutObject', async () => {
    const body = Buffer.alloc(100 * KiB + 5, 'g');
    const id = await initiate('go2', true);
    const p1 = await part('go2', id, 1, body, [['sequential', undefined]]);
    expect(p1.status).toBe(200);
    const done = await raw(emu, { method: 'POST', bucket, key: 'go2', query: [['uploadId', id], ['sequential', undefined]], body: completeXml([[1, p1.headers.get('etag')!]]) });
    expect(done.status).toBe(200);
    const other = await initiate('go2-abort', true);
    expect((await raw(emu, { method: 'DELETE', bucket, key: 'go2-abort', query: [['uploadId', other], ['sequential', undefined]] })).status).toBe(204);
    const put = await raw(emu, { method: 'PUT', bucket, key: 'go2-small', query: [['sequential', undefined]], body: 'small' });
    expect(put.status).toBe(200);
    expect(put.headers.get('content-md5')).toBe(md5(Buffer.from('small')));
  });

  it('our client sends `sequential` on InitiateMultipartUpload', async () => {
    const client = ownerClient(emu);
    const body = Buffer.from('client bytes');
    const { uploadId } = await client.initiateMultipartUpload({ bucket, key: 'client', sequential: true });
    expect((await client.uploadPart({ bucket, key: 'client', uploadId, partNumber: 2, body }).catch((e: { code: string }) => e.code))).toBe('PartNotSequential');
    const p1 = await client.uploadPart({ bucket, key: 'client', uploadId, partNumber: 1, body });
    await client.completeMultipartUpload({ bucket, key: 'client', uploadId, parts: [{ partNumber: 1, etag: p1.etag! }] });
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'client' });
    expect(head.headers.get('content-md5')).toBe(md5(body));
  });
});
