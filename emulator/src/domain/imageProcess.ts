// x-oss-process `image/...` strings (behaviour §16.1): parsed into a list of operations, pure. The HTTP layer
// (api/imageProcess.ts) runs them with sharp. Served here: resize (w, h, l, s, p, P inside a watermark image,
// m_lfit/mfit/fill/pad/fixed, limit, color), format (jpg, jpeg, png, webp, gif, tiff, bmp), quality (q, Q), info,
// average-hue, rotate, crop, indexcrop, circle, rounded-corners, sharpen, blur, bright, contrast, interlace,
// auto-orient, watermark (domain/imageWatermark.ts). Any other action is refused as NotImplemented rather than
// approximated. Syntax: OSS "Image Processing" overview (actions separated by `/`,
// parameters by `,`, `name_value`).
import { OssError } from './errors.js';
export type { Gravity } from './imageParams.js';
import { badParam, intIn, params, type Gravity } from './imageParams.js';
import { parseWatermark, type WatermarkOp } from './imageWatermark.js';

export type OutputFormat = 'jpg' | 'png' | 'webp' | 'gif' | 'tiff' | 'bmp';

export interface ResizeOp {
  op: 'resize';
  mode: 'lfit' | 'mfit' | 'fill' | 'pad' | 'fixed';
  w?: number;
  h?: number;
  l?: number;
  s?: number;
  p?: number;
  /** P_: a watermark image's size as a percentage of the main image (OSS "Add watermarks", image watermarks). */
  P?: number;
  /** limit_1 (the default): never enlarge. */
  limit: boolean;
  /** pad colour, RRGGBB. */
  color: string;
}

export type ImageOp =
  | ResizeOp
  | { op: 'format'; format: OutputFormat }
  | { op: 'quality'; q?: number; Q?: number }
  | { op: 'info' }
  | { op: 'rotate'; angle: number }
  | CropOp
  | { op: 'sharpen'; value: number }
  | { op: 'blur'; r: number; s: number }
  | { op: 'auto-orient'; on: boolean }
  | { op: 'interlace'; on: boolean }
  | { op: 'bright'; value: number }
  | { op: 'contrast'; value: number }
  | { op: 'circle'; r: number }
  | { op: 'rounded-corners'; r: number }
  | IndexCropOp
  | { op: 'average-hue' }
  | WatermarkOp;

export interface IndexCropOp {
  op: 'indexcrop';
  axis: 'x' | 'y';
  size: number;
  i: number;
}

export interface CropOp {
  op: 'crop';
  w?: number;
  h?: number;
  x: number;
  y: number;
  g: Gravity;
}

/** OSS's source limit for image processing: 20 MB (OSS "Image Processing" overview, Limits). */
export const MAX_IMAGE_SOURCE = 20 * 1024 * 1024;

const FORMATS: Record<string, OutputFormat> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tiff', bmp: 'bmp' };

function parseResize(parts: string[]): ResizeOp {
  // No parameter: EC 0040-00000322; w_0,h_0: EC 0040-00000321 (OSS EC pages).
  if (parts.length === 0) throw badParam('resize', 'no parameter', '0040-00000322');
  const p = params(parts);
  const mode = p.get('m') ?? 'lfit';
  if (!['lfit', 'mfit', 'fill', 'pad', 'fixed'].includes(mode)) throw badParam('resize', `m_${mode}`);
  const dim = (name: string) => (p.has(name) ? intIn('resize', name, p.get(name)!, 0, 16384) : undefined);
  const op: ResizeOp = {
    op: 'resize',
    mode: mode as ResizeOp['mode'],
    w: dim('w'),
    h: dim('h'),
    l: dim('l'),
    s: dim('s'),
    p: p.has('p') ? intIn('resize', 'p', p.get('p')!, 1, 1000) : undefined,
    P: p.has('P') ? intIn('resize', 'P', p.get('P')!, 1, 100) : undefined,
    limit: (p.get('limit') ?? '1') !== '0',
    color: p.get('color') ?? 'FFFFFF',
  };
  if (!/^[0-9A-Fa-f]{6}$/.test(op.color)) throw badParam('resize', `color_${op.color}`);
  const sized = [op.w, op.h, op.l, op.s, op.p, op.P].filter((v) => v !== undefined);
  if (sized.length === 0) throw badParam('resize', 'no size', '0040-00000322');
  if (sized.every((v) => v === 0)) throw badParam('resize', 'w_0,h_0', '0040-00000321');
  return op;
}

/** OSS allows up to three image watermarks on one image (OSS "Add watermarks", Limits). */
export const MAX_IMAGE_WATERMARKS = 3;

/**
 * `image/resize,w_100/format,jpg` → operations, in order (OSS applies them in the order given). `watermarkImage`:
 * the process of a watermark image (`image_<key?x-oss-process=…>`), where resize's P_ is allowed and watermarks
 * are not [I: OSS names resize, crop, indexcrop and rotate as a watermark's preprocessing].
 */
export function parseImageProcess(process: string, watermarkImage = false): ImageOp[] {
  if (!process.startsWith('image/')) throw new OssError('NotImplemented', { Header: 'x-oss-process' });
  const actions = process.slice('image/'.length).split('/').filter((a) => a !== '');
  const ops = actions.map((action): ImageOp => {
    const [name, ...parts] = action.split(',');
    switch (name) {
      case 'resize':
        return parseResize(parts);
      case 'format': {
        // No value: EC 0040-00000207; an unknown one: EC 0040-00000206 (OSS EC pages).
        if (parts.length === 0 || parts[0] === '') throw badParam('format', 'no value', '0040-00000207');
        const format = FORMATS[parts[0]!.toLowerCase()];
        if (format === undefined) throw badParam('format', parts[0]!, '0040-00000206');
        return { op: 'format', format };
      }
      case 'quality': {
        const p = params(parts);
        const q = p.has('q') ? intIn('quality', 'q', p.get('q')!, 1, 100) : undefined;
        const Q = p.has('Q') ? intIn('quality', 'Q', p.get('Q')!, 1, 100) : undefined;
        if (q === undefined && Q === undefined) throw badParam('quality', 'no parameter');
        return { op: 'quality', q, Q };
      }
      case 'info':
        return { op: 'info' };
      // rotate,[0-360] clockwise (OSS "Rotate images").
      case 'rotate':
        return { op: 'rotate', angle: intIn('rotate', 'value', parts[0] ?? '', 0, 360) };
      // crop,w_,h_,x_,y_,g_ (OSS "Custom crop"; w/h default to the rest of the image, g to nw).
      case 'crop': {
        const p = params(parts);
        const g = (p.get('g') ?? 'nw') as Gravity;
        if (!['nw', 'north', 'ne', 'west', 'center', 'east', 'sw', 'south', 'se'].includes(g)) throw badParam('crop', `g_${g}`);
        const opt = (name: string) => (p.has(name) ? intIn('crop', name, p.get(name)!, 0, 16384) : undefined);
        return { op: 'crop', w: opt('w') || undefined, h: opt('h') || undefined, x: opt('x') ?? 0, y: opt('y') ?? 0, g };
      }
      // sharpen,[50-399] (OSS "Sharpen"), blur,r_[1-50],s_[1-50] (OSS "Blur").
      case 'sharpen':
        return { op: 'sharpen', value: intIn('sharpen', 'value', parts[0] ?? '', 50, 399) };
      case 'blur': {
        const p = params(parts);
        return { op: 'blur', r: intIn('blur', 'r', p.get('r') ?? '', 1, 50), s: intIn('blur', 's', p.get('s') ?? '', 1, 50) };
      }
      // auto-orient,[0|1] (OSS "Auto-orient").
      case 'auto-orient':
        return { op: 'auto-orient', on: intIn('auto-orient', 'value', parts[0] ?? '', 0, 1) === 1 };
      // interlace,[0|1] (OSS "Set an image display mode": progressive JPEG only).
      case 'interlace':
        return { op: 'interlace', on: intIn('interlace', 'value', parts[0] ?? '', 0, 1) === 1 };
      // bright,[-100,100] and contrast,[-100,100] (OSS "Brightness", "Contrast").
      case 'bright':
        return { op: 'bright', value: intIn('bright', 'value', parts[0] ?? '', -100, 100) };
      case 'contrast':
        return { op: 'contrast', value: intIn('contrast', 'value', parts[0] ?? '', -100, 100) };
      // circle,r_[1,4096] (OSS "Incircle"); rounded-corners,r_[1,4096] (OSS "Rounded rectangle").
      case 'circle':
        return { op: 'circle', r: intIn('circle', 'r', params(parts).get('r') ?? '', 1, 4096) };
      case 'rounded-corners':
        return { op: 'rounded-corners', r: intIn('rounded-corners', 'r', params(parts).get('r') ?? '', 1, 4096) };
      // indexcrop,x_|y_,i_ (OSS "Indexed slice": one of x and y; both given, y takes effect; i defaults to 0).
      case 'indexcrop': {
        const p = params(parts);
        const axis = p.has('y') ? 'y' : p.has('x') ? 'x' : undefined;
        if (axis === undefined) throw badParam('indexcrop', 'x or y');
        const size = intIn('indexcrop', axis, p.get(axis)!, 1, 16384);
        return { op: 'indexcrop', axis, size, i: p.has('i') ? intIn('indexcrop', 'i', p.get('i')!, 0, 16384) : 0 };
      }
      case 'average-hue':
        return { op: 'average-hue' };
      case 'watermark':
        if (watermarkImage) throw badParam('watermark', 'a watermark inside a watermark image');
        return parseWatermark(parts);
      default:
        // Actions OSS has but the emulator does not run, and unknown ones alike.
        throw new OssError('NotImplemented', { Header: 'x-oss-process' });
    }
  });
  if (!watermarkImage && ops.some((op) => op.op === 'resize' && op.P !== undefined)) throw badParam('resize', 'P outside a watermark image');
  const images = ops.filter((op) => op.op === 'watermark' && op.image !== undefined).length;
  if (images > MAX_IMAGE_WATERMARKS) throw badParam('watermark', `more than ${MAX_IMAGE_WATERMARKS} image watermarks`);
  return ops;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The target box of a resize, for a source of `src` (OSS "Resize images": lfit fits inside w×h keeping the ratio,
 * mfit covers it, fill covers then crops, pad fits then pads, fixed forces it; one side alone scales the other; l and
 * s are the long and short side; p a percentage; limit_1 never enlarges).
 */
export function resizeBox(op: ResizeOp, src: Size, main?: Size): { width: number; height: number; fit: 'inside' | 'outside' | 'cover' | 'contain' | 'fill' } {
  // P_: the watermark fits inside P% of the main image, keeping its ratio [I: which sides P measures].
  if (op.P !== undefined && main !== undefined) {
    const f = Math.min((main.width * op.P) / 100 / src.width, (main.height * op.P) / 100 / src.height);
    return { width: Math.max(1, Math.round(src.width * f)), height: Math.max(1, Math.round(src.height * f)), fit: 'fill' };
  }
  if (op.p !== undefined) {
    const f = op.limit && op.p > 100 ? 1 : op.p / 100;
    return { width: Math.max(1, Math.round(src.width * f)), height: Math.max(1, Math.round(src.height * f)), fit: 'fill' };
  }
  const long = src.width >= src.height ? 'w' : 'h';
  let w = op.w || undefined;
  let h = op.h || undefined;
  if (w === undefined && h === undefined) {
    const l = op.l || undefined;
    const s = op.s || undefined;
    if (long === 'w') [w, h] = [l, s];
    else [w, h] = [s, l];
  }
  const ratio = src.width / src.height;
  if (w === undefined) w = Math.round(h! * ratio);
  if (h === undefined) h = Math.round(w / ratio);
  const fit = { lfit: 'inside', mfit: 'outside', fill: 'cover', pad: 'contain', fixed: 'fill' } as const;
  if (op.limit && (w > src.width || h > src.height) && op.mode !== 'pad') return { width: src.width, height: src.height, fit: 'fill' };
  return { width: Math.max(1, w), height: Math.max(1, h), fit: fit[op.mode] };
}

/** The `format` of image/info: OSS names JPEG `jpg` (oss2 live tests/test_image.py __check). */
export function infoFormat(sharpFormat: string | undefined): string {
  if (sharpFormat === 'jpeg') return 'jpg';
  if (sharpFormat === 'heif') return 'heic';
  return sharpFormat ?? '';
}

/**
 * The rectangle a crop keeps, inside the image: the gravity picks the origin, x/y offset from it, w/h default to
 * (and are clipped at) what is left (OSS "Custom crop"). An origin outside the image: BadRequest "Advance cut's
 * position is out of image." (the same page's usage notes).
 */
export function cropBox(op: CropOp, src: Size): { left: number; top: number; width: number; height: number } {
  const w = Math.min(op.w ?? src.width, src.width);
  const h = Math.min(op.h ?? src.height, src.height);
  const col = op.g.endsWith('w') || op.g === 'west' ? 0 : op.g.endsWith('e') || op.g === 'east' ? 2 : 1;
  const row = op.g.startsWith('n') ? 0 : op.g.startsWith('s') ? 2 : 1;
  const baseX = col === 0 ? 0 : col === 1 ? Math.floor((src.width - w) / 2) : src.width - w;
  const baseY = row === 0 ? 0 : row === 1 ? Math.floor((src.height - h) / 2) : src.height - h;
  const left = baseX + op.x;
  const top = baseY + op.y;
  if (left >= src.width || top >= src.height) throw new OssError('CropOutOfImage');
  return { left, top, width: Math.min(w, src.width - left), height: Math.min(h, src.height - top) };
}

/**
 * The partition indexcrop keeps (OSS "Indexed slice": the image cut every `size` pixels along the axis, partition
 * i kept; an index past the last partition returns the source, undefined here). A size past the image is one
 * partition, the whole image [I].
 */
export function indexCropBox(op: IndexCropOp, src: Size): { left: number; top: number; width: number; height: number } | undefined {
  const length = op.axis === 'x' ? src.width : src.height;
  const start = op.i * op.size;
  if (start >= length) return undefined;
  const part = Math.min(op.size, length - start);
  return op.axis === 'x' ? { left: start, top: 0, width: part, height: src.height } : { left: 0, top: start, width: src.width, height: part };
}

/**
 * circle's radius and box: r past half the short side becomes (short side - 1) / 2, and the result is the
 * (2r+1)-pixel square around the centre (OSS "Incircle", usage notes).
 */
export function circleBox(r: number, src: Size): { r: number; left: number; top: number; size: number } {
  const radius = Math.min(r, Math.floor((Math.min(src.width, src.height) - 1) / 2));
  const size = Math.min(2 * radius + 1, src.width, src.height);
  return { r: radius, left: Math.floor((src.width - size) / 2), top: Math.floor((src.height - size) / 2), size };
}

/** rounded-corners' radius: at most half the short side (OSS "Rounded rectangle", usage notes). */
export function cornerRadius(r: number, src: Size): number {
  return Math.min(r, Math.floor(Math.min(src.width, src.height) / 2));
}

/** average-hue's answer: `{"RGB": "0xrrggbb"}` of the mean colour (OSS "Average tone"; apps read `.RGB`). */
export function averageHue(means: number[]): { RGB: string } {
  const hex = means.slice(0, 3).map((m) => Math.round(Math.max(0, Math.min(255, m))).toString(16).padStart(2, '0'));
  while (hex.length < 3) hex.push(hex[0] ?? '00');
  return { RGB: `0x${hex.join('')}` };
}

export interface SaveAs {
  /** The image process before `|sys/saveas`. */
  process: string;
  key: string;
  /** The target bucket as given (b_), or undefined: the source's bucket. */
  bucket?: string;
}

/** saveas's o_ and b_: URL-safe base64 (oss2, PY2) or standard (ali-oss processObjectSave uses js-base64 encode). */
function base64url(value: string, what: string): string {
  if (!/^[A-Za-z0-9_=+/-]+$/.test(value)) throw badParam('saveas', what);
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/**
 * A ProcessObject body: `x-oss-process=<image/...>|sys/saveas,o_<base64url key>[,b_<base64url bucket>]` (oss2 live
 * tests/test_object.py test_process_object; oss2 api.py process_object sends it as is). Without sys/saveas, or
 * without o_: BadRequest [I].
 */
export function parseSaveAs(body: string): SaveAs {
  const text = body.trim();
  if (!text.startsWith('x-oss-process=')) throw badParam('x-oss-process', 'body');
  // ali-oss and oss-client form-encode the body (querystring.stringify); oss2 and PY2 send it as is. Percent-escapes
  // are decoded, `+` is kept (a base64 character, not a space).
  let value: string;
  try {
    value = decodeURIComponent(text.slice('x-oss-process='.length));
  } catch {
    throw badParam('x-oss-process', 'body');
  }
  const bar = value.lastIndexOf('|');
  if (bar < 0) throw badParam('saveas', 'missing sys/saveas');
  const save = value.slice(bar + 1);
  if (!save.startsWith('sys/saveas')) throw badParam('saveas', 'missing sys/saveas');
  const p = params(save.slice('sys/saveas'.length).split(',').filter((x) => x !== ''));
  const o = p.get('o');
  if (o === undefined || o === '') throw badParam('saveas', 'o');
  const key = base64url(o, 'o');
  const b = p.get('b');
  return { process: value.slice(0, bar), key, ...(b !== undefined && b !== '' ? { bucket: base64url(b, 'b') } : {}) };
}
