// x-oss-process image strings (domain/imageProcess.ts): parsing, the resize box, OSS's errors.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import { cropBox, infoFormat, parseImageProcess, resizeBox, type ResizeOp } from '../../src/domain/imageProcess.js';

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
    expect(thrown(() => parseImageProcess('image/watermark,text_SGk'))?.code).toBe('NotImplemented');
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
