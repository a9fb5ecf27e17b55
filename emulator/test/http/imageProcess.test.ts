// x-oss-process image processing on GetObject (behaviour §16.1): a PNG uploaded through ali-oss comes back resized,
// converted to JPEG and described by image/info, through GetObject, a presigned URL and a bucket style; bad
// parameters and non-images get OSS's errors; actions not served are NotImplemented.
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, rawHttp, startTestEmulator } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ali: any;
let png: Buffer;

beforeAll(async () => {
  emu = await startTestEmulator();
  ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket: 'img' });
  await ali.putBucket('img');
  png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#3366cc' } }).png().toBuffer();
  await ali.put('photo.png', png);
  await ali.put('notes.txt', Buffer.from('not an image'));
});
afterAll(() => emu.close());

const get = (key: string, process: string) => raw(emu, { method: 'GET', bucket: 'img', key, query: [['x-oss-process', process]] });

describe('image processing on GetObject', () => {
  it('ali-oss get with process: resized (lfit keeps the ratio) and converted to JPEG', async () => {
    const res = await ali.get('photo.png', { process: 'image/resize,w_100/format,jpg' });
    expect(res.res.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(res.content as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 100, 50]);
  });

  it('image/info answers JSON with each field as {value}', async () => {
    const res = await ali.get('photo.png', { process: 'image/info' });
    const info = JSON.parse((res.content as Buffer).toString('utf8'));
    expect(info).toEqual({ FileSize: { value: String(png.length) }, Format: { value: 'png' }, ImageHeight: { value: '200' }, ImageWidth: { value: '400' } });
    const after = JSON.parse((await get('photo.png', 'image/resize,m_fixed,w_100,h_100/format,jpg/info')).text);
    expect([after.Format.value, after.ImageWidth.value, after.ImageHeight.value]).toEqual(['jpg', '100', '100']);
  });

  it('a presigned URL with process (ali-oss signatureUrl) answers the processed image', async () => {
    // ali-oss signs URLs only for a host name (virtual-hosted under localhost; see test/sdk/ali-oss.test.ts).
    const named = new OSS({ region: `oss-${emu.region}`, endpoint: `http://localhost:${emu.port}`, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket: 'img' });
    const url = new URL(named.signatureUrl('photo.png', { expires: 600, process: 'image/resize,h_50/format,jpg' }));
    expect(url.searchParams.get('x-oss-process')).toBe('image/resize,h_50/format,jpg');
    const res = await rawHttp(`${emu.url}${url.pathname}${url.search}`, 'GET', { host: url.host });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const meta = await sharp(res.body).metadata();
    expect([meta.width, meta.height]).toEqual([100, 50]);
  });

  it('style/<name> applies the bucket style; a missing style is NoSuchStyle', async () => {
    await raw(emu, { method: 'PUT', bucket: 'img', query: [['style', undefined], ['styleName', 'thumb']], body: '<Style><Content>image/resize,w_40/format,webp</Content></Style>' });
    const res = await get('photo.png', 'style/thumb');
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/webp']);
    expect((await sharp(res.body).metadata()).width).toBe(40);
    const missing = await get('photo.png', 'style/nope');
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NoSuchStyle']);
  });

  it('limit_1 (the default) never enlarges; m_pad pads to the box', async () => {
    const big = await get('photo.png', 'image/resize,w_800');
    expect((await sharp(big.body).metadata()).width).toBe(400);
    const pad = await get('photo.png', 'image/resize,m_pad,w_100,h_100');
    const meta = await sharp(pad.body).metadata();
    expect([meta.width, meta.height]).toEqual([100, 100]);
  });

  it('rotate, crop (with gravity), sharpen, blur, auto-orient', async () => {
    const rotated = await sharp((await get('photo.png', 'image/rotate,90')).body).metadata();
    expect([rotated.width, rotated.height]).toEqual([200, 400]);
    const cropped = await sharp((await get('photo.png', 'image/crop,w_100,h_100,x_10,y_10,g_se')).body).metadata();
    expect([cropped.width, cropped.height]).toEqual([90, 90]);
    for (const process of ['image/sharpen,100', 'image/blur,r_3,s_2', 'image/auto-orient,1']) {
      const res = await get('photo.png', process);
      expect([process, res.status, (await sharp(res.body).metadata()).width]).toEqual([process, 200, 400]);
    }
  });

  it('bad parameters and non-images: 400 BadRequest with the EC; unserved actions NotImplemented', async () => {
    for (const [process, ec] of [['image/format,dng', '0040-00000206'], ['image/format', '0040-00000207'], ['image/resize', '0040-00000322'], ['image/resize,w_0,h_0', '0040-00000321']]) {
      const res = await get('photo.png', process!);
      expect([process, res.status, errorCode(res), res.headers.get('x-oss-ec')]).toEqual([process, 400, 'BadRequest', ec]);
    }
    const text = await get('notes.txt', 'image/resize,w_10');
    expect([text.status, errorCode(text)]).toEqual([400, 'BadRequest']);
    const blind = await get('photo.png', 'image/blindwatermark,content_SGVsbG8');
    expect([blind.status, errorCode(blind)]).toEqual([400, 'NotImplemented']);
    const other = await get('photo.png', 'video/snapshot,t_0');
    expect([other.status, errorCode(other)]).toEqual([400, 'NotImplemented']);
    // SelectObject's values on POST are not ProcessObject's: SelectObject answers (a request without an Expression).
    const select = await raw(emu, { method: 'POST', bucket: 'img', key: 'notes.txt', query: [['x-oss-process', 'csv/select']], body: '<SelectRequest/>' });
    expect([select.status, errorCode(select)]).toEqual([400, 'InvalidArgument']);
    expect(select.body.toString()).not.toContain('sys/saveas');
  });
});

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const saveas = (key: string, body: string) => raw(emu, { method: 'POST', bucket: 'img', key, query: [['x-oss-process', undefined]], body });

describe('ProcessObject (sys/saveas)', () => {
  it('writes the processed image as a new object; JSON result; b_ names another bucket, without it bucket is ""', async () => {
    const res = await saveas('photo.png', `x-oss-process=image/resize,w_100/format,jpg|sys/saveas,o_${b64url('thumbs/a.jpg')}`);
    expect(res.status).toBe(200);
    const result = JSON.parse(res.text);
    const saved = await ali.get('thumbs/a.jpg');
    expect(result).toEqual({ bucket: '', fileSize: saved.content.length, object: 'thumbs/a.jpg', status: 'OK' });
    expect(saved.res.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(saved.content as Buffer).metadata()).width).toBe(100);
    await ali.putBucket('img-out');
    const other = await saveas('photo.png', `x-oss-process=image/resize,w_50|sys/saveas,o_${b64url('b.png')},b_${b64url('img-out')}`);
    expect(JSON.parse(other.text)).toMatchObject({ bucket: 'img-out', object: 'b.png', status: 'OK' });
    const head = await raw(emu, { method: 'HEAD', bucket: 'img-out', key: 'b.png' });
    expect([head.status, head.headers.get('content-type')]).toEqual([200, 'image/png']);
  });

  it('forbid-overwrite rules apply (the landing funnel); bad bodies are BadRequest; nothing written', async () => {
    await raw(emu, {
      method: 'PUT',
      bucket: 'img',
      query: [['overwriteConfig', undefined]],
      body: '<OverwriteConfiguration><Rule><ID>r</ID><Action>forbid</Action><Prefix>locked/</Prefix></Rule></OverwriteConfiguration>',
    });
    await ali.put('locked/x.jpg', Buffer.from('first'));
    const refused = await saveas('photo.png', `x-oss-process=image/resize,w_10|sys/saveas,o_${b64url('locked/x.jpg')}`);
    expect([refused.status, errorCode(refused)]).toEqual([409, 'FileAlreadyExists']);
    expect((await ali.get('locked/x.jpg')).content.toString()).toBe('first');
    for (const body of ['x-oss-process=image/resize,w_10', 'image/resize,w_10|sys/saveas,o_eA', 'x-oss-process=image/resize,w_10|sys/saveas']) {
      const res = await saveas('photo.png', body);
      expect([body, res.status, errorCode(res)]).toEqual([body, 400, 'BadRequest']);
    }
  });
});

describe('our client', () => {
  it('getObject with process, processObject with sys/saveas', async () => {
    const client = ownerClient(emu);
    const got = await client.getObject({ bucket: 'img', key: 'photo.png', process: 'image/resize,w_20/format,jpg' });
    expect(got.contentType).toBe('image/jpeg');
    expect((await sharp(await got.content()).metadata()).width).toBe(20);
    const saved = await client.processObject({ bucket: 'img', key: 'photo.png', process: `image/resize,w_30|sys/saveas,o_${b64url('c.png')},b_${b64url('img')}` });
    expect([saved.statusCode, saved.bucket, saved.key, saved.processStatus]).toEqual([200, 'img', 'c.png', 'OK']);
    const head = await client.headObject({ bucket: 'img', key: 'c.png' });
    expect(head.contentLength).toBe(saved.fileSize);
  });
});
