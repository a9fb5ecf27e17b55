// x-oss-process image strings (domain/imageProcess.ts): parsing, the resize box, OSS's errors.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import {
  averageHue,
  circleBox,
  cornerRadius,
  cropBox,
  indexCropBox,
  infoFormat,
  parseImageProcess,
  resizeBox,
  type IndexCropOp,
  type ResizeOp,
} from '../../src/domain/imageProcess.js';
import { pairLayout, parseWatermark, watermarkOrigin } from '../../src/domain/imageWatermark.js';

function thrown(fn: () => unknown): OssError | undefined {
  try {
    fn();
  } catch (err) {
    return err as OssError;
  }
  return undefined;
}

const resize = (r: Partial<ResizeOp>): ResizeOp => ({ op: 'resize', mode: 'lfit', limit: true, color: 'FFFFFF', ...r });

describe('parseImageProcess', () => {
  it('chains actions in order', () => {
    expect(parseImageProcess('image/resize,m_fixed,w_100,h_100/format,png/quality,q_80/info')).toEqual([
      resize({ mode: 'fixed', w: 100, h: 100 }),
      { op: 'format', format: 'png' },
      { op: 'quality', q: 80, Q: undefined },
      { op: 'info' },
    ]);
    expect(parseImageProcess('image/format,jpeg')).toEqual([{ op: 'format', format: 'jpg' }]);
  });

  it('OSS ECs for format and resize; unserved actions NotImplemented', () => {
    expect(thrown(() => parseImageProcess('image/format,dng'))?.ec).toBe('0040-00000206');
    expect(thrown(() => parseImageProcess('image/format'))?.ec).toBe('0040-00000207');
    expect(thrown(() => parseImageProcess('image/resize'))?.ec).toBe('0040-00000322');
    expect(thrown(() => parseImageProcess('image/resize,w_0,h_0'))?.ec).toBe('0040-00000321');
    expect(thrown(() => parseImageProcess('image/resize,w_abc'))?.code).toBe('BadRequest');
    // blindwatermark needs OSS's IMM binding: not served.
    expect(thrown(() => parseImageProcess('image/blindwatermark,content_SGk'))?.code).toBe('NotImplemented');
    expect(thrown(() => parseImageProcess('image/rotate,400'))?.code).toBe('BadRequest');
    expect(thrown(() => parseImageProcess('video/snapshot'))?.code).toBe('NotImplemented');
  });
});

describe('resizeBox', () => {
  const src = { width: 400, height: 200 };
  it('one side scales the other; l/s are the long/short side; p a percentage; limit_1 never enlarges', () => {
    expect(resizeBox(resize({ w: 100 }), src)).toEqual({ width: 100, height: 50, fit: 'inside' });
    expect(resizeBox(resize({ l: 100 }), src)).toEqual({ width: 100, height: 50, fit: 'inside' });
    expect(resizeBox(resize({ s: 50 }), src)).toEqual({ width: 100, height: 50, fit: 'inside' });
    expect(resizeBox(resize({ p: 50 }), src)).toEqual({ width: 200, height: 100, fit: 'fill' });
    expect(resizeBox(resize({ w: 800 }), src)).toEqual({ width: 400, height: 200, fit: 'fill' });
    expect(resizeBox(resize({ w: 800, limit: false }), src)).toEqual({ width: 800, height: 400, fit: 'inside' });
    expect(resizeBox(resize({ mode: 'fixed', w: 100, h: 100 }), src).fit).toBe('fill');
    expect(resizeBox(resize({ mode: 'pad', w: 100, h: 100 }), src).fit).toBe('contain');
  });
  it('info names JPEG jpg', () => {
    expect([infoFormat('jpeg'), infoFormat('png')]).toEqual(['jpg', 'png']);
  });
});

describe('cropBox', () => {
  const src = { width: 400, height: 200 };
  it('gravity picks the origin; x/y offset; clipped at the edge; an origin outside is BadRequest', () => {
    expect(cropBox({ op: 'crop', w: 100, h: 100, x: 100, y: 100, g: 'nw' }, src)).toEqual({ left: 100, top: 100, width: 100, height: 100 });
    expect(cropBox({ op: 'crop', w: 100, h: 100, x: 0, y: 0, g: 'center' }, src)).toEqual({ left: 150, top: 50, width: 100, height: 100 });
    expect(cropBox({ op: 'crop', w: 100, h: 100, x: 10, y: 10, g: 'se' }, src)).toEqual({ left: 310, top: 110, width: 90, height: 90 });
    expect(cropBox({ op: 'crop', x: 350, y: 0, g: 'nw' }, src)).toEqual({ left: 350, top: 0, width: 50, height: 200 });
    expect(thrown(() => cropBox({ op: 'crop', x: 400, y: 0, g: 'nw' }, src))?.code).toBe('BadRequest');
  });
});

describe('the operations of issue 21 item 1', () => {
  const src = { width: 400, height: 200 };
  it('parses interlace, bright, contrast, circle, rounded-corners, indexcrop, average-hue with their ranges', () => {
    expect(parseImageProcess('image/interlace,1/bright,-20/contrast,100/circle,r_30/rounded-corners,r_5/indexcrop,x_10,i_2/average-hue')).toEqual([
      { op: 'interlace', on: true },
      { op: 'bright', value: -20 },
      { op: 'contrast', value: 100 },
      { op: 'circle', r: 30 },
      { op: 'rounded-corners', r: 5 },
      { op: 'indexcrop', axis: 'x', size: 10, i: 2 },
      { op: 'average-hue' },
    ]);
    for (const bad of ['image/interlace,2', 'image/bright,-101', 'image/contrast,x', 'image/circle,r_4097', 'image/rounded-corners', 'image/indexcrop,i_1', 'image/indexcrop,x_0']) {
      expect([bad, thrown(() => parseImageProcess(bad))?.code]).toEqual([bad, 'BadRequest']);
    }
    expect(parseImageProcess('image/indexcrop,x_10,y_20')).toEqual([{ op: 'indexcrop', axis: 'y', size: 20, i: 0 }]);
    expect(parseImageProcess('image/format,bmp')).toEqual([{ op: 'format', format: 'bmp' }]);
  });

  it('indexcrop slices, circle caps its radius at (short side - 1) / 2, rounded corners at half the short side', () => {
    const slice = (op: Partial<IndexCropOp>) => indexCropBox({ op: 'indexcrop', axis: 'x', size: 150, i: 0, ...op }, src);
    expect(slice({ i: 2 })).toEqual({ left: 300, top: 0, width: 100, height: 200 });
    expect(slice({ i: 3 })).toBeUndefined();
    expect(slice({ axis: 'y', size: 500 })).toEqual({ left: 0, top: 0, width: 400, height: 200 });
    expect(circleBox(50, src)).toEqual({ r: 50, left: 149, top: 49, size: 101 });
    expect(circleBox(500, src)).toEqual({ r: 99, left: 100, top: 0, size: 199 });
    expect(cornerRadius(500, src)).toBe(100);
  });

  it('average-hue is 0xrrggbb of the channel means (grey images repeat the one channel)', () => {
    expect(averageHue([187, 205, 127])).toEqual({ RGB: '0xbbcd7f' });
    expect(averageHue([16])).toEqual({ RGB: '0x101010' });
  });

  it('resize P_ is a watermark image\'s percent of the main image, refused elsewhere', () => {
    expect(resizeBox(resize({ P: 50 }), { width: 40, height: 20 }, src)).toEqual({ width: 200, height: 100, fit: 'fill' });
    expect(parseImageProcess('image/resize,P_30', true)).toEqual([resize({ P: 30 })]);
    expect(thrown(() => parseImageProcess('image/resize,P_30'))?.code).toBe('BadRequest');
    expect(thrown(() => parseImageProcess('image/watermark,text_SGk', true))?.code).toBe('BadRequest');
  });
});

describe('watermarks', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  it('defaults: t 100, g se, x/y 10, voffset 0, wqy-zenhei black 40 px; image keys carry their own process', () => {
    expect(parseWatermark([`text_${b64('Hi')}`])).toEqual({
      op: 'watermark', t: 100, g: 'se', x: 10, y: 10, voffset: 0, fill: false, padx: 0, pady: 0, order: 0, align: 2, interval: 0,
      text: { text: 'Hi', font: 'wqy-zenhei', color: '000000', size: 40, shadow: 0, rotate: 0 },
    });
    expect(parseWatermark([`image_${b64('a/logo.png?x-oss-process=image/resize,P_20')}`, 't_50']).image).toEqual({ key: 'a/logo.png', process: 'image/resize,P_20' });
    expect(thrown(() => parseImageProcess(`image/watermark,image_${b64('a')}/watermark,image_${b64('b')}/watermark,image_${b64('c')}/watermark,image_${b64('d')}`))?.code).toBe('BadRequest');
  });

  it('places by gravity: x from the left/right edge, y from the top/bottom, voffset off the middle line', () => {
    const main = { width: 400, height: 200 };
    const mark = { width: 40, height: 20 };
    const at = (g: 'nw' | 'north' | 'se' | 'east' | 'center', voffset = 0) => watermarkOrigin({ g, x: 10, y: 5, voffset }, main, mark);
    expect([at('nw'), at('north'), at('se'), at('east'), at('center', 30)]).toEqual([
      { left: 10, top: 5 },
      { left: 180, top: 5 },
      { left: 350, top: 175 },
      { left: 350, top: 90 },
      { left: 180, top: 60 },
    ]);
  });

  it('image and text side by side: order, align, interval', () => {
    const layout = pairLayout({ order: 1, align: 1, interval: 5 }, { width: 40, height: 20 }, { width: 30, height: 40 });
    expect(layout).toEqual({ size: { width: 75, height: 40 }, text: { left: 0, top: 0 }, image: { left: 35, top: 10 } });
  });
});

describe('parseSaveAs', () => {
  it('reads oss2/PY2 bodies as sent and ali-oss form-encoded ones with standard base64 names', async () => {
    const { parseSaveAs } = await import('../../src/domain/imageProcess.js');
    const b64url = Buffer.from('a/b~?.jpg').toString('base64url');
    expect(parseSaveAs(`x-oss-process=image/resize,w_10|sys/saveas,o_${b64url}`)).toEqual({ process: 'image/resize,w_10', key: 'a/b~?.jpg' });
    const std = Buffer.from('a/b~?.jpg').toString('base64');
    const form = new URLSearchParams({ 'x-oss-process': `image/resize,w_10|sys/saveas,o_${std},b_${Buffer.from('bk').toString('base64')}` }).toString();
    expect(parseSaveAs(form)).toEqual({ process: 'image/resize,w_10', key: 'a/b~?.jpg', bucket: 'bk' });
    expect(thrown(() => parseSaveAs('x-oss-process=%E0%A4%A'))?.code).toBe('BadRequest');
  });
});
