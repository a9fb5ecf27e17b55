// The x-oss-process image operations beyond resize/crop/format (behaviour §16.1): interlace, bright, contrast,
// circle, rounded-corners, indexcrop, average-hue, bmp output, text and image watermarks, and HEAD with a process;
// through raw HTTP and ali-oss. Results are compared on dimensions, format, alpha and pixels, not bytes.
import { createRequire } from 'node:module';
import * as bmp from 'bmp-ts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { jpegQuality } from '../../src/domain/jpegQuality.js';
import { errorCode, raw, startTestEmulator } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ali: any;

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const get = (key: string, process: string) => raw(emu, { method: 'GET', bucket: 'ops', key, query: [['x-oss-process', process]] });
const pixel = async (image: Buffer, left: number, top: number) => {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (top * info.width + left) * 4;
  return [...data.subarray(i, i + 4)];
};

beforeAll(async () => {
  emu = await startTestEmulator();
  ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket: 'ops' });
  await ali.putBucket('ops');
  // 400×200: left half red, right half blue.
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer();
  const photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0000ff' } }).composite([{ input: red, left: 0, top: 0 }]).png().toBuffer();
  await ali.put('photo.png', photo);
  await ali.put('grey.jpg', await sharp({ create: { width: 100, height: 100, channels: 3, background: '#808080' } }).jpeg().toBuffer());
  await ali.put('q82.jpg', await sharp(photo).jpeg({ quality: 82 }).toBuffer());
  await ali.put('logo.png', await sharp({ create: { width: 40, height: 20, channels: 3, background: '#00ff00' } }).png().toBuffer());
});
afterAll(() => emu.close());

describe('image operations', () => {
  it('a JPEG keeps its source\'s quality, q_ relative to it, Q_ capped by it, with a JFIF segment (oss2 live test_rotate)', async () => {
    const cases: [string, string, number][] = [
      ['q82.jpg', 'image/rotate,90', 82],
      ['q82.jpg', 'image/rotate,90/quality,Q_90', 82],
      ['q82.jpg', 'image/rotate,90/quality,Q_50', 50],
      ['q82.jpg', 'image/rotate,90/quality,q_50', 41],
      ['photo.png', 'image/format,jpg', 80],
      ['photo.png', 'image/format,jpg/quality,q_60', 60],
    ];
    for (const [key, process, quality] of cases) {
      const res = await get(key, process);
      expect([process, res.status, jpegQuality(res.body)]).toEqual([process, 200, quality]);
      expect(res.body.subarray(2, 11).toString('latin1')).toBe('\xff\xe0\x00\x10JFIF\x00');
      const meta = await sharp(res.body).metadata();
      expect(meta.format).toBe('jpeg');
    }
  });

  it('interlace,1 makes a progressive JPEG; interlace,0 a baseline one', async () => {
    const progressive = await sharp((await get('photo.png', 'image/format,jpg/interlace,1')).body).metadata();
    const baseline = await sharp((await get('photo.png', 'image/format,jpg/interlace,0')).body).metadata();
    expect([progressive.format, progressive.isProgressive, baseline.isProgressive]).toEqual(['jpeg', true, false]);
  });

  it('bright and contrast move the pixels; their ranges are [-100, 100]', async () => {
    const [r] = await pixel((await get('grey.jpg', 'image/bright,50/format,png')).body, 50, 50);
    expect(r).toBeGreaterThan(180);
    const [dark] = await pixel((await get('grey.jpg', 'image/bright,-50/format,png')).body, 50, 50);
    expect(dark).toBeLessThan(20);
    const [flat] = await pixel((await get('photo.png', 'image/contrast,-100')).body, 10, 10);
    expect(flat).toBe(128);
    for (const process of ['image/bright,101', 'image/contrast,-101', 'image/bright']) {
      const res = await get('grey.jpg', process);
      expect([process, res.status, errorCode(res)]).toEqual([process, 400, 'BadRequest']);
    }
  });

  it('circle: a (2r+1) square, transparent outside in PNG, white in JPEG; r past the short side is capped', async () => {
    const png = (await get('photo.png', 'image/circle,r_50/format,png')).body;
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([101, 101, true]);
    expect((await pixel(png, 0, 0))[3]).toBe(0);
    expect((await pixel(png, 50, 50))[3]).toBe(255);
    const jpg = (await get('photo.png', 'image/circle,r_50/format,jpg')).body;
    expect((await pixel(jpg, 0, 0)).slice(0, 3).every((v) => v > 245)).toBe(true);
    const capped = await sharp((await get('photo.png', 'image/circle,r_4000/format,png')).body).metadata();
    expect([capped.width, capped.height]).toEqual([199, 199]);
    expect((await get('photo.png', 'image/circle,r_0')).status).toBe(400);
  });

  it('rounded-corners keeps the size, corners transparent', async () => {
    const png = (await get('photo.png', 'image/rounded-corners,r_30/format,png')).body;
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([400, 200]);
    expect((await pixel(png, 0, 0))[3]).toBe(0);
    expect((await pixel(png, 200, 100))[3]).toBe(255);
  });

  it('indexcrop: the i-th slice along x or y (y wins); an index past the slices returns the source', async () => {
    const x = await sharp((await get('photo.png', 'image/indexcrop,x_150,i_2')).body).metadata();
    expect([x.width, x.height]).toEqual([100, 200]);
    const y = await sharp((await get('photo.png', 'image/indexcrop,x_150,y_60,i_1')).body).metadata();
    expect([y.width, y.height]).toEqual([400, 60]);
    const past = await sharp((await get('photo.png', 'image/indexcrop,y_100,i_10')).body).metadata();
    expect([past.width, past.height]).toEqual([400, 200]);
    expect((await get('photo.png', 'image/indexcrop,i_1')).status).toBe(400);
  });

  it('average-hue answers {"RGB": "0x…"} of the processed image, through ali-oss', async () => {
    const res = await ali.get('photo.png', { process: 'image/crop,w_100,h_100/average-hue' });
    expect(JSON.parse(res.content.toString())).toEqual({ RGB: '0xff0000' });
    const whole = JSON.parse((await get('photo.png', 'image/average-hue')).text);
    expect(whole).toEqual({ RGB: '0x800080' });
  });

  it('format,bmp writes a BMP (image/bmp) that reads back; a BMP source is processed and described', async () => {
    const res = await get('photo.png', 'image/resize,w_40/format,bmp');
    expect([res.status, res.headers.get('content-type'), res.body.subarray(0, 2).toString()]).toEqual([200, 'image/bmp', 'BM']);
    const decoded = bmp.decode(res.body, { toRGBA: true });
    expect([decoded.width, decoded.height, [...decoded.data.subarray(0, 3)]]).toEqual([40, 20, [255, 0, 0]]);
    await ali.put('photo.bmp', res.body);
    const info = JSON.parse((await get('photo.bmp', 'image/info')).text);
    expect([info.Format.value, info.ImageWidth.value, info.ImageHeight.value]).toEqual(['bmp', '40', '20']);
    const converted = await sharp((await get('photo.bmp', 'image/format,png')).body).metadata();
    expect([converted.format, converted.width]).toEqual(['png', 40]);
  });

  it('HEAD with a process answers the processed image headers, no body', async () => {
    const head = await raw(emu, { method: 'HEAD', bucket: 'ops', key: 'photo.png', query: [['x-oss-process', 'image/resize,w_100/format,jpg']] });
    const got = await get('photo.png', 'image/resize,w_100/format,jpg');
    expect([head.status, head.headers.get('content-type'), head.headers.get('content-length'), head.body.length]).toEqual([200, 'image/jpeg', String(got.body.length), 0]);
  });
});

describe('watermarks', () => {
  it('text watermark: drawn in its colour at its gravity (default se), t transparency, shadow, rotate', async () => {
    const process = `image/watermark,text_${b64url('Hello 图片')},color_FFFFFF,size_30,g_nw,x_5,y_5/format,png`;
    const res = await get('photo.png', process);
    expect(res.status).toBe(200);
    const { data, info } = await sharp(res.body).raw().toBuffer({ resolveWithObject: true });
    // The white text's box: near the top-left corner (g_nw, x_5, y_5), about 30 px high.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) {
        xs.push((i / info.channels) % info.width);
        ys.push(Math.floor(i / info.channels / info.width));
      }
    }
    expect(xs.length).toBeGreaterThan(0);
    expect([Math.min(...xs) < 15, Math.min(...ys) < 20, Math.max(...ys) < 45, Math.max(...xs) < 250]).toEqual([true, true, true, true]);
    for (const extra of ['t_50,shadow_50,rotate_30', 'fill_1,padx_10,pady_10', `type_${b64url('wqy-microhei')},g_center,voffset_20`, `type_${b64url('droidsansfallback')}`]) {
      const more = await get('photo.png', `image/watermark,text_${b64url('Hi')},${extra}`);
      expect([extra, more.status, (await sharp(more.body).metadata()).width]).toEqual([extra, 200, 400]);
    }
  });

  it('image watermark: an object of the bucket, with its own process and P_ percent of the main image', async () => {
    const plain = (await get('photo.png', `image/watermark,image_${b64url('logo.png')},g_nw,x_0,y_0/format,png`)).body;
    expect(await pixel(plain, 5, 5)).toEqual([0, 255, 0, 255]);
    expect(await pixel(plain, 45, 5)).toEqual([255, 0, 0, 255]);
    // P_50 of a 400×200 image: the 40×20 logo fits 200×100, so 200×100.
    const scaled = (await get('photo.png', `image/watermark,image_${b64url('logo.png?x-oss-process=image/resize,P_50')},g_nw,x_0,y_0/format,png`)).body;
    expect(await pixel(scaled, 190, 90)).toEqual([0, 255, 0, 255]);
    const half = (await get('photo.png', `image/watermark,image_${b64url('logo.png')},t_50,g_se,x_0,y_0/format,png`)).body;
    const [r, g, b] = await pixel(half, 399, 199);
    expect([r, Math.abs(g! - 128) < 3, Math.abs(b! - 127) < 3]).toEqual([0, true, true]);
    const both = await get('photo.png', `image/watermark,image_${b64url('logo.png')},text_${b64url('Hi')},order_1,align_1,interval_5`);
    expect(both.status).toBe(200);
  });

  it('bad watermarks: no text or image, an unknown font, a missing image, a bad colour: 400; FangZheng fonts NotImplemented', async () => {
    for (const process of [
      'image/watermark,t_50',
      `image/watermark,text_${b64url('x')},type_${b64url('comic-sans')}`,
      `image/watermark,image_${b64url('nope.png')}`,
      `image/watermark,text_${b64url('x')},color_red`,
      `image/watermark,text_${b64url('x')},size_0`,
      `image/watermark,text_${b64url('x'.repeat(60))}`,
      `image/resize,P_50`,
    ]) {
      const res = await get('photo.png', process);
      expect([process, res.status, errorCode(res)]).toEqual([process, 400, 'BadRequest']);
    }
    const fz = await get('photo.png', `image/watermark,text_${b64url('x')},type_${b64url('fangzhengkaiti')}`);
    expect([fz.status, errorCode(fz)]).toEqual([400, 'NotImplemented']);
  });
});

describe('a corrupt image', () => {
  it('whose header reads but whose pixels do not: 400 BadRequest, never 500', async () => {
    const good = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } }).jpeg().toBuffer();
    await ali.put('broken.jpg', good.subarray(0, Math.floor(good.length / 3)));
    const res = await get('broken.jpg', 'image/resize,w_10/format,png');
    expect([res.status, errorCode(res)]).toEqual([400, 'BadRequest']);
  });
});

describe('an animated source', () => {
  it('is described by info but not processed frame by frame: NotImplemented rather than its first frame', async () => {
    // Two different frames (the GIF encoder folds identical ones into one).
    const frame = (background: string) => sharp({ create: { width: 20, height: 40, channels: 3, background } }).png().toBuffer();
    const gif = await sharp([await frame('#ff0000'), await frame('#00ff00')], { join: { animated: true } }).gif().toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    await ali.put('anim.gif', gif);
    const info = JSON.parse((await get('anim.gif', 'image/info')).text);
    expect(info.Format.value).toBe('gif');
    const res = await get('anim.gif', 'image/resize,w_10');
    expect([res.status, errorCode(res)]).toEqual([400, 'NotImplemented']);
  });
});
