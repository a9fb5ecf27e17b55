// Renders an x-oss-process watermark (behaviour §16.1; parameters and placement: domain/imageWatermark.ts) and
// composites it onto the image with sharp. Text is drawn by sharp's Pango with the font file OSS's `type_` names
// (Debian's WenQuanYi and Droid fonts); a font not installed here is refused, never drawn in another face.
import { existsSync } from 'node:fs';
import type { Sharp } from 'sharp';
import { sharp } from './lazySharp.js';
import { OssError } from '../domain/errors.js';
import type { Size } from '../domain/imageProcess.js';
import { WATERMARK_FONTS, pairLayout, watermarkOrigin, type TextMark, type WatermarkOp } from '../domain/imageWatermark.js';

/** Reads a watermark image (a key in the bucket and its own process) and returns it processed, as PNG. */
export type WatermarkSource = (image: NonNullable<WatermarkOp['image']>, main: Size) => Promise<{ data: Buffer; size: Size }>;

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

async function rendered(img: Sharp): Promise<{ data: Buffer; size: Size }> {
  const { data, info } = await img.png({ compressionLevel: 0 }).toBuffer({ resolveWithObject: true });
  return { data, size: { width: info.width, height: info.height } };
}

function drawText(mark: TextMark, color: string, alpha: number): Sharp {
  const font = WATERMARK_FONTS[mark.font]!;
  const markup = `<span foreground="#${color}" alpha="${Math.max(1, Math.round(alpha))}%">${escapeMarkup(mark.text)}</span>`;
  return sharp({ text: { text: markup, font: `${font.family} ${mark.size}px`, fontfile: font.file, rgba: true } });
}

/**
 * The text, in its colour and size, over its shadow (black at `shadow`% opacity, offset down-right by a twentieth
 * of the size [I: OSS does not give the offset]), then rotated clockwise.
 */
async function textMark(mark: TextMark): Promise<{ data: Buffer; size: Size }> {
  const font = WATERMARK_FONTS[mark.font]!;
  if (!existsSync(font.file)) throw new OssError('NotImplemented', { Header: 'x-oss-process' });
  let out = await rendered(drawText(mark, mark.color, 100));
  if (mark.shadow > 0) {
    const offset = Math.max(1, Math.round(mark.size / 20));
    const shadow = await drawText(mark, '000000', mark.shadow).png().toBuffer();
    out = await rendered(
      sharp({ create: { width: out.size.width + offset, height: out.size.height + offset, channels: 4, background: TRANSPARENT } }).composite([
        { input: shadow, left: offset, top: offset },
        { input: out.data, left: 0, top: 0 },
      ]),
    );
  }
  if (mark.rotate % 360 !== 0) out = await rendered(sharp(out.data).rotate(mark.rotate, { background: TRANSPARENT }));
  return out;
}

/** The watermark (image, text, or both side by side) at opacity t, as PNG. */
async function markOf(op: WatermarkOp, main: Size, source: WatermarkSource): Promise<{ data: Buffer; size: Size }> {
  const image = op.image !== undefined ? await source(op.image, main) : undefined;
  const text = op.text !== undefined ? await textMark(op.text) : undefined;
  let mark = image ?? text!;
  if (image !== undefined && text !== undefined) {
    const layout = pairLayout(op, image.size, text.size);
    mark = await rendered(
      sharp({ create: { width: layout.size.width, height: layout.size.height, channels: 4, background: TRANSPARENT } }).composite([
        { input: image.data, ...layout.image },
        { input: text.data, ...layout.text },
      ]),
    );
  }
  if (op.t < 100) {
    const withAlpha = await sharp(mark.data).ensureAlpha().png({ compressionLevel: 0 }).toBuffer();
    mark = await rendered(sharp(withAlpha).linear([1, 1, 1, op.t / 100], [0, 0, 0, 0]));
  }
  return mark;
}

/**
 * The image with the watermark composited: tiled over the whole image with fill_1 (padx/pady apart), else at its
 * place, clipped to the image (a watermark wholly outside it draws nothing [I]).
 */
export async function applyWatermark(data: Buffer, main: Size, op: WatermarkOp, source: WatermarkSource): Promise<Sharp> {
  const mark = await markOf(op, main, source);
  if (op.fill) {
    const tile = await sharp(mark.data).extend({ right: op.padx, bottom: op.pady, background: TRANSPARENT }).png().toBuffer();
    return sharp(data).composite([{ input: tile, tile: true, gravity: 'northwest' }]);
  }
  const at = watermarkOrigin(op, main, mark.size);
  const left = Math.max(0, at.left);
  const top = Math.max(0, at.top);
  const width = Math.min(main.width, at.left + mark.size.width) - left;
  const height = Math.min(main.height, at.top + mark.size.height) - top;
  if (width <= 0 || height <= 0) return sharp(data);
  const visible = await sharp(mark.data)
    .extract({ left: left - at.left, top: top - at.top, width, height })
    .png()
    .toBuffer();
  return sharp(data).composite([{ input: visible, left, top }]);
}
