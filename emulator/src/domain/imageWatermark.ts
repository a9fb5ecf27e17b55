// x-oss-process `watermark,…` (behaviour §16.1): the parameters of a text, image or image-and-text watermark and
// where it lands on the image, pure. api/imageWatermark.ts renders and composites it with sharp. Parameters, ranges
// and defaults: OSS "Add watermarks" (basic parameters t, g, x, y, voffset, fill, padx, pady; image watermarks
// image, P; text watermarks text, type, color, size, shadow, rotate; image-and-text order, align, interval).
import { OssError } from './errors.js';
import type { Size } from './imageProcess.js';
import { badParam, intIn, params, type Gravity } from './imageParams.js';

/**
 * OSS's watermark fonts (`type_`, base64url; default wqy-zenhei) and the Debian font files that hold them: the
 * WenQuanYi and Droid fonts are packaged (fonts-wqy-zenhei, fonts-wqy-microhei, fonts-droid-fallback; Dockerfile and
 * .ci/run install them). The FangZheng fonts are commercial and not packaged: refused (NotImplemented), never drawn
 * in another face.
 */
export const WATERMARK_FONTS: Record<string, { family: string; file: string } | undefined> = {
  'wqy-zenhei': { family: 'WenQuanYi Zen Hei', file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' },
  'wqy-microhei': { family: 'WenQuanYi Micro Hei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
  droidsansfallback: { family: 'Droid Sans Fallback', file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  fangzhengshusong: undefined,
  fangzhengkaiti: undefined,
  fangzhengheiti: undefined,
  fangzhengfangsong: undefined,
};

export interface TextMark {
  text: string;
  font: string;
  /** RRGGBB. */
  color: string;
  /** Pixels, (0, 1000]. */
  size: number;
  /** Shadow opacity, [0, 100]; 0: no shadow. */
  shadow: number;
  /** Clockwise degrees, [0, 360]. */
  rotate: number;
}

export interface WatermarkOp {
  op: 'watermark';
  /** Opacity, [0, 100]. */
  t: number;
  g: Gravity;
  x: number;
  y: number;
  voffset: number;
  /** Tile the watermark over the whole image. */
  fill: boolean;
  padx: number;
  pady: number;
  /** The watermark image: a key in the same bucket and its own image process (may hold resize,P_). */
  image?: { key: string; process?: string };
  text?: TextMark;
  /** Image and text: 0 image first, 1 text first. */
  order: 0 | 1;
  /** Image and text: 0 top, 1 middle, 2 bottom. */
  align: 0 | 1 | 2;
  interval: number;
}

const GRAVITIES: Gravity[] = ['nw', 'north', 'ne', 'west', 'center', 'east', 'sw', 'south', 'se'];

/** URL-safe base64, padded or not (OSS "Add watermarks": text, type and image are url_safe_base64_encode'd). */
function base64url(value: string, name: string): string {
  if (!/^[A-Za-z0-9_=-]+$/.test(value)) throw badParam('watermark', `${name}_${value}`);
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** The parameters after `watermark,` (OSS "Add watermarks"). */
export function parseWatermark(parts: string[]): WatermarkOp {
  const p = params(parts);
  const num = (name: string, min: number, max: number, dflt: number) => (p.has(name) ? intIn('watermark', name, p.get(name)!, min, max) : dflt);
  const g = (p.get('g') ?? 'se') as Gravity;
  if (!GRAVITIES.includes(g)) throw badParam('watermark', `g_${g}`);
  const op: WatermarkOp = {
    op: 'watermark',
    t: num('t', 0, 100, 100),
    g,
    x: num('x', 0, 4096, 10),
    y: num('y', 0, 4096, 10),
    voffset: num('voffset', -1000, 1000, 0),
    fill: num('fill', 0, 1, 0) === 1,
    padx: num('padx', 0, 4096, 0),
    pady: num('pady', 0, 4096, 0),
    order: num('order', 0, 1, 0) as 0 | 1,
    align: num('align', 0, 2, 2) as 0 | 1 | 2,
    interval: num('interval', 0, 1000, 0),
  };
  if (p.has('image')) {
    const value = base64url(p.get('image')!, 'image');
    const q = value.indexOf('?x-oss-process=');
    const key = q < 0 ? value : value.slice(0, q);
    if (key === '') throw badParam('watermark', 'image');
    op.image = q < 0 ? { key } : { key, process: value.slice(q + '?x-oss-process='.length) };
  }
  if (p.has('text')) {
    const encoded = p.get('text')!;
    // The encoded text is at most 64 characters (OSS "Add watermarks", text).
    if (encoded === '' || encoded.length > 64) throw badParam('watermark', 'text');
    const text = base64url(encoded, 'text');
    const font = p.has('type') ? base64url(p.get('type')!, 'type') : 'wqy-zenhei';
    if (!(font in WATERMARK_FONTS)) throw badParam('watermark', `type_${p.get('type')}`);
    if (WATERMARK_FONTS[font] === undefined) throw new OssError('NotImplemented', { Header: 'x-oss-process' });
    const color = p.get('color') ?? '000000';
    if (!/^[0-9A-Fa-f]{6}$/.test(color)) throw badParam('watermark', `color_${color}`);
    op.text = { text, font, color, size: num('size', 1, 1000, 40), shadow: num('shadow', 0, 100, 0), rotate: num('rotate', 0, 360, 0) };
  }
  if (op.image === undefined && op.text === undefined) throw badParam('watermark', 'image or text');
  return op;
}

/**
 * Where a watermark of `mark` lands on `main` (OSS "Add watermarks", basic parameters): g picks a cell of the
 * 3×3 grid; x is the margin from the left or right edge (not for north, center, south); y from the top or bottom
 * edge (not for west, center, east); voffset moves a west/center/east watermark off the middle line, positive
 * upwards [I: OSS does not say which way]. The result may lie partly outside the image (the compositor clips).
 */
export function watermarkOrigin(op: Pick<WatermarkOp, 'g' | 'x' | 'y' | 'voffset'>, main: Size, mark: Size): { left: number; top: number } {
  const col = op.g === 'nw' || op.g === 'west' || op.g === 'sw' ? 0 : op.g === 'north' || op.g === 'center' || op.g === 'south' ? 1 : 2;
  const row = op.g === 'nw' || op.g === 'north' || op.g === 'ne' ? 0 : op.g === 'west' || op.g === 'center' || op.g === 'east' ? 1 : 2;
  const left = col === 0 ? op.x : col === 1 ? Math.floor((main.width - mark.width) / 2) : main.width - mark.width - op.x;
  const top = row === 0 ? op.y : row === 1 ? Math.floor((main.height - mark.height) / 2) - op.voffset : main.height - mark.height - op.y;
  return { left, top };
}

/**
 * An image-and-text watermark's layout: the two side by side, `order` first, `interval` apart, aligned by `align`
 * (OSS "Add watermarks", image-and-text parameters).
 */
export function pairLayout(op: Pick<WatermarkOp, 'order' | 'align' | 'interval'>, image: Size, text: Size): { size: Size; image: { left: number; top: number }; text: { left: number; top: number } } {
  const height = Math.max(image.height, text.height);
  const topOf = (h: number) => (op.align === 0 ? 0 : op.align === 1 ? Math.floor((height - h) / 2) : height - h);
  const [first, second] = op.order === 0 ? [image, text] : [text, image];
  const firstAt = { left: 0, top: topOf(first.height) };
  const secondAt = { left: first.width + op.interval, top: topOf(second.height) };
  const size = { width: first.width + op.interval + second.width, height };
  return op.order === 0 ? { size, image: firstAt, text: secondAt } : { size, image: secondAt, text: firstAt };
}
