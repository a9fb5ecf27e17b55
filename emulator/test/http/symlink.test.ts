// Symlinks (behaviour §9.12) through raw HTTP and ali-oss: PutSymlink / GetSymlink, reads through the link,
// a missing target, forbid-overwrite, listing Type, tagging and delete of the link itself, copies of a link.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
const bucket = 'symlink-bucket';

const putLink = (key: string, target: string, headers: Record<string, string> = {}) =>
  raw(emu, { method: 'PUT', bucket, key, query: [['symlink', undefined]], headers: { 'x-oss-symlink-target': encodeURIComponent(target), ...headers } });

beforeAll(async () => {
  emu = await startTestEmulator();
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
  expect((await raw(emu, { method: 'PUT', bucket, key: 'dir/目标.txt', body: 'hello' })).status).toBe(200);
});

afterAll(() => emu?.close());

describe('PutSymlink / GetSymlink', () => {
  it('reads through the link: the target bytes and ETag, the link metadata and type', async () => {
    const put = await putLink('link', 'dir/目标.txt', { 'x-oss-meta-who': 'link', 'x-oss-tagging': 'a=1' });
    expect(put.status).toBe(200);
    const get = await raw(emu, { method: 'GET', bucket, key: 'link' });
    expect(get.status).toBe(200);
    expect(get.text).toBe('hello');
    expect(get.headers.get('etag')).toBe('"5D41402ABC4B2A76B9719D911017C592"');
    expect(get.headers.get('x-oss-meta-who')).toBe('link');
    expect(get.headers.get('x-oss-object-type')).toBe('Symlink');
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'link' });
    expect(head.headers.get('content-length')).toBe('5');
    const sym = await raw(emu, { method: 'GET', bucket, key: 'link', query: [['symlink', undefined]] });
    expect(sym.status).toBe(200);
    expect(decodeURIComponent(sym.headers.get('x-oss-symlink-target')!)).toBe('dir/目标.txt');
    const tags = await raw(emu, { method: 'GET', bucket, key: 'link', query: [['tagging', undefined]] });
    expect(tags.text).toContain('<Key>a</Key>');
  });

  it('a missing target is 404; GetSymlink of a plain object is NotSymlink; forbid-overwrite applies', async () => {
    expect((await putLink('dangling', 'nowhere')).status).toBe(200);
    const get = await raw(emu, { method: 'GET', bucket, key: 'dangling' });
    expect(get.status).toBe(404);
    expect(errorCode(get)).toBe('NoSuchKey');
    const notLink = await raw(emu, { method: 'GET', bucket, key: 'dir/目标.txt', query: [['symlink', undefined]] });
    expect(notLink.status).toBe(400);
    expect(errorCode(notLink)).toBe('NotSymlink');
    const forbid = await putLink('dangling', 'dir/目标.txt', { 'x-oss-forbid-overwrite': 'true' });
    expect(forbid.status).toBe(409);
    expect(errorCode(forbid)).toBe('FileAlreadyExists');
    expect(errorCode(await raw(emu, { method: 'PUT', bucket, key: 'x', query: [['symlink', undefined]] }))).toBe('MissingArgument');
  });

  it('lists a link as Type Symlink; a copy is a link; deleting the link keeps the target', async () => {
    expect((await putLink('list-link', 'dir/目标.txt')).status).toBe(200);
    const list = await raw(emu, { method: 'GET', bucket, query: [['prefix', 'list-link']] });
    expect(list.text).toContain('<Type>Symlink</Type>');
    const copy = await raw(emu, { method: 'PUT', bucket, key: 'copied-link', headers: { 'x-oss-copy-source': `/${bucket}/list-link` } });
    expect(copy.status).toBe(200);
    const sym = await raw(emu, { method: 'GET', bucket, key: 'copied-link', query: [['symlink', undefined]] });
    expect(decodeURIComponent(sym.headers.get('x-oss-symlink-target')!)).toBe('dir/目标.txt');
    expect((await raw(emu, { method: 'DELETE', bucket, key: 'list-link' })).status).toBe(204);
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'list-link' })).status).toBe(404);
    expect((await raw(emu, { method: 'GET', bucket, key: 'dir/目标.txt' })).text).toBe('hello');
  });

  it('ali-oss putSymlink / getSymlink / get', async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket });
    await ali.putSymlink('ali-link', 'dir/目标.txt');
    const r = await ali.getSymlink('ali-link');
    expect(r.targetName).toBe('dir/目标.txt');
    expect((await ali.get('ali-link')).content.toString()).toBe('hello');
  });
});

describe('UploadPartCopy from a symlink', () => {
  it('is refused (NotImplemented), not a copy of zero bytes', async () => {
    expect((await putLink('part-link', 'dir/目标.txt')).status).toBe(200);
    const init = await raw(emu, { method: 'POST', bucket, key: 'mp', query: [['uploads', undefined]] });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)![1]!;
    const part = await raw(emu, {
      method: 'PUT',
      bucket,
      key: 'mp',
      query: [['partNumber', '1'], ['uploadId', uploadId]],
      headers: { 'x-oss-copy-source': `/${bucket}/part-link` },
    });
    expect(part.status).toBe(400);
    expect(errorCode(part)).toBe('NotImplemented');
  });
});
