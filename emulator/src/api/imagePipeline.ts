// The image operations of x-oss-process (behaviour §16.1) run with sharp, in the order given. Between operations
// the image travels as a lossless PNG (no re-encoding loss, and circle's and rounded-corners' transparency
// survives); the last step encodes the output format. Parsing and geometry are domain/imageProcess.ts's.
import type { Metadata, Sharp } from 'sharp';
import { sharp } from './lazySharp.js';
import { OssError } from '../domain/errors.js';
import {
  averageHue,
  circleBox,
  cornerRadius,
  cropBox,
  indexCropBox,
  infoFormat,
  resizeBox,
  type ImageOp,
  type OutputFormat,
  type Size,
} from '../domain/imageProcess.js';
import { jpegQuality, outputJpegQuality, withJfifSegment } from '../domain/jpegQuality.js';
import { bmpToPng, encodeBmp, isBmp } from './bmp.js';
import { applyWatermark, type WatermarkSource } from './imageWatermark.js';

export const MIME: Record<OutputFormat, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
};

export interface SourceImage {
  /** The image as sharp reads it (a BMP source already converted to PNG). */
  source: Buffer;
  meta: Metadata;
  /** The format OSS names for the source (info's Format, and the output format without format,…). */
  format: string;
  /** The stored object's size (info's FileSize of an unprocessed image). */
  size: number;
  /** A JPEG source's quality, which a JPEG output keeps by default (domain/jpegQuality.ts). */
  quality?: number;
}

/** An object's bytes as an image; not one sharp (or, for BMP, bmp-ts) reads: 400 ImageFormatUnsupported. */
export async function readImage(bytes: Buffer): Promise<SourceImage> {
  try {
    if (isBmp(bytes)) {
      const source = await bmpToPng(bytes);
      return { source, meta: await sharp(source).metadata(), format: 'bmp', size: bytes.length };
    }
    const meta = await sharp(bytes).metadata();
    const quality = meta.format === 'jpeg' ? jpegQuality(bytes) : undefined;
    return { source: bytes, meta, format: infoFormat(meta.format), size: bytes.length, ...(quality !== undefined ? { quality } : {}) };
  } catch {
    throw new OssError('ImageFormatUnsupported');
  }
}

const PNG_STEP = { compressionLevel: 0 } as const;

/** One step's result: the image as PNG and its size. */
async function step(img: Sharp): Promise<{ data: Buffer; size: Size }> {
  const { data, info } = await img.png(PNG_STEP).toBuffer({ resolveWithObject: true });
  return { data, size: { width: info.width, height: info.height } };
}

/** An SVG the size of the image holding the shape to keep (composited with dest-in: outside becomes transparent). */
function maskSvg(width: number, height: number, shape: string): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shape}</svg>`);
}

export interface Processed {
  data: Buffer;
  size: Size;
  format: OutputFormat;
  /** quality,q_/Q_ as asked. */
  quality: { q?: number; Q?: number };
  /** The source's JPEG quality, if it is a JPEG. */
  sourceQuality?: number;
  interlace: boolean;
}

/**
 * Runs the operations over an image, up to (not including) info/average-hue, which the caller answers from the
 * result. `main`: the main image's size when this is a watermark image (resize,P_). The result is not yet encoded.
 */
export async function runOps(src: SourceImage, ops: ImageOp[], watermarks: WatermarkSource, main?: Size): Promise<Processed> {
  return decodingErrors(() => runOpsUnguarded(src, ops, watermarks, main));
}

/**
 * libvips failing on a source it read the header of (truncated or corrupt pixel data) is the source's fault: 400
 * ImageFormatUnsupported, never a 500; OSS's own errors pass through.
 */
async function decodingErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OssError) throw err;
    throw new OssError('ImageFormatUnsupported');
  }
}

async function runOpsUnguarded(src: SourceImage, ops: ImageOp[], watermarks: WatermarkSource, main?: Size): Promise<Processed> {
  // An animated GIF or WebP would come out as its first frame alone: refused rather than approximated (OSS keeps
  // the frames) [I: the answer].
  if ((src.meta.pages ?? 1) > 1 && ops.length > 0) throw new OssError('NotImplemented', { Header: 'x-oss-process' });
  let data = src.source;
  let size: Size = { width: src.meta.width ?? 1, height: src.meta.height ?? 1 };
  const known: OutputFormat[] = ['jpg', 'png', 'webp', 'gif', 'tiff', 'bmp'];
  let format: OutputFormat = (known as string[]).includes(src.format) ? (src.format as OutputFormat) : 'jpg';
  let quality: Processed['quality'] = {};
  let interlace = false;
  const apply = async (img: Sharp) => ({ data, size } = await step(img));
  for (const op of ops) {
    switch (op.op) {
      case 'resize': {
        const box = resizeBox(op, size, main);
        await apply(sharp(data).resize(box.width, box.height, { fit: box.fit, background: `#${op.color}` }));
        break;
      }
      case 'rotate':
        await apply(sharp(data).rotate(op.angle, { background: '#FFFFFF' }));
        break;
      case 'crop':
        await apply(sharp(data).extract(cropBox(op, size)));
        break;
      case 'indexcrop': {
        const box = indexCropBox(op, size);
        if (box !== undefined) await apply(sharp(data).extract(box));
        break;
      }
      // sharpen's 50-399 and blur's r/s onto libvips sigmas: [I] (OSS does not say what the numbers measure).
      case 'sharpen':
        await apply(sharp(data).sharpen({ sigma: op.value / 100 }));
        break;
      case 'blur':
        await apply(sharp(data).blur(Math.max(0.3, op.s)));
        break;
      case 'auto-orient':
        if (op.on) await apply(sharp(data).rotate());
        break;
      // bright: an offset of value% of full scale; contrast: a slope of 1 + value/100 around mid-grey (the alpha
      // channel untouched) [I: OSS does not define either curve].
      case 'bright':
        await apply(sharp(data).linear(1, (op.value * 255) / 100));
        break;
      case 'contrast': {
        const a = 1 + op.value / 100;
        await apply(sharp(data).linear(a, 128 * (1 - a)));
        break;
      }
      case 'circle': {
        const box = circleBox(op.r, size);
        const square = await sharp(data).extract({ left: box.left, top: box.top, width: box.size, height: box.size }).png(PNG_STEP).toBuffer();
        const c = box.size / 2;
        await apply(sharp(square).ensureAlpha().composite([{ input: maskSvg(box.size, box.size, `<circle cx="${c}" cy="${c}" r="${box.r + 0.5}"/>`), blend: 'dest-in' }]));
        break;
      }
      case 'rounded-corners': {
        // Not for GIF (OSS "Rounded rectangle", usage notes) [I: answered BadRequest].
        if (src.format === 'gif') throw new OssError('InvalidImageProcess', { Action: 'rounded-corners', Detail: 'gif' });
        const r = cornerRadius(op.r, size);
        await apply(sharp(data).ensureAlpha().composite([{ input: maskSvg(size.width, size.height, `<rect width="${size.width}" height="${size.height}" rx="${r}" ry="${r}"/>`), blend: 'dest-in' }]));
        break;
      }
      case 'watermark':
        await apply(await applyWatermark(data, size, op, watermarks));
        break;
      case 'format':
        format = op.format;
        break;
      case 'quality':
        quality = { ...(op.q !== undefined ? { q: op.q } : {}), ...(op.Q !== undefined ? { Q: op.Q } : {}) };
        break;
      case 'interlace':
        interlace = op.on;
        break;
      case 'info':
      case 'average-hue':
        break;
    }
  }
  return { data, size, format, quality, ...(src.quality !== undefined ? { sourceQuality: src.quality } : {}), interlace };
}

/**
 * The output file. JPEG has no alpha: transparent areas become white (OSS "Incircle", "Rounded rectangle"). A JPEG
 * is encoded at the source's quality, or as quality asks relative to it, with a JFIF segment (domain/jpegQuality.ts);
 * WebP takes Q_ or q_ as given (OSS "Quality transformation"); interlace applies to JPEG only (OSS "Set an image
 * display mode").
 */
export async function encode(p: Processed): Promise<Buffer> {
  return decodingErrors(() => encodeUnguarded(p));
}

async function encodeUnguarded(p: Processed): Promise<Buffer> {
  const img = sharp(p.data);
  switch (p.format) {
    case 'jpg': {
      const quality = outputJpegQuality(p.sourceQuality, p.quality);
      return withJfifSegment(await img.flatten({ background: '#FFFFFF' }).jpeg({ quality, progressive: p.interlace }).toBuffer());
    }
    case 'webp': {
      const quality = p.quality.Q ?? p.quality.q;
      return img.webp(quality !== undefined ? { quality } : {}).toBuffer();
    }
    case 'png':
      return img.png().toBuffer();
    case 'gif':
      return img.gif().toBuffer();
    case 'tiff':
      return img.tiff().toBuffer();
    case 'bmp':
      return encodeBmp(p.data);
  }
}

/** average-hue over the processed image's colour channels (alpha ignored). */
export async function averageHueOf(data: Buffer): Promise<{ RGB: string }> {
  const stats = await decodingErrors(() => sharp(data).stats());
  const colour = stats.channels.length >= 3 ? stats.channels.slice(0, 3) : stats.channels.slice(0, 1);
  return averageHue(colour.map((c) => c.mean));
}
