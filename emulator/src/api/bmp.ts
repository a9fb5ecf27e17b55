// BMP in and out of image processing (behaviour §16.1): libvips, and so sharp, neither reads nor writes BMP (sharp's
// prebuilt libvips has no magick loader), so bmp-ts (a typed BMP encoder/decoder, the one jimp uses) converts
// between BMP files and sharp's raw RGBA pixels.
import * as bmp from 'bmp-ts';
import { sharp } from './lazySharp.js';

/** Whether a source is a BMP file ("BM" signature). */
export function isBmp(source: Buffer): boolean {
  return source.length > 26 && source[0] === 0x42 && source[1] === 0x4d;
}

/** A BMP source as a lossless PNG for sharp. Throws when bmp-ts cannot read it. */
export async function bmpToPng(source: Buffer): Promise<Buffer> {
  const image = bmp.decode(source, { toRGBA: true });
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).png({ compressionLevel: 0 }).toBuffer();
}

/**
 * An image as BMP: 24 bits, or 32 with the alpha channel where the image has transparent pixels (OSS keeps circle's
 * and rounded-corners' outside transparent in BMP: "Incircle", "Rounded rectangle").
 */
export async function encodeBmp(image: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  // bmp-ts reads pixels as A, B, G, R.
  const abgr = Buffer.alloc(data.length);
  let transparent = false;
  for (let i = 0; i < data.length; i += 4) {
    abgr[i] = data[i + 3]!;
    abgr[i + 1] = data[i + 2]!;
    abgr[i + 2] = data[i + 1]!;
    abgr[i + 3] = data[i]!;
    if (data[i + 3]! < 255) transparent = true;
  }
  return bmp.encode({ data: abgr, width: info.width, height: info.height, bitPP: transparent ? 32 : 24 }).data;
}
