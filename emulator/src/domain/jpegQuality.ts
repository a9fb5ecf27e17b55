// The quality of a processed JPEG (behaviour §16.1): OSS encodes at the source's own quality unless `quality` says
// otherwise, `q_` relative to it and `Q_` capped by it (OSS "Quality transformation": q_90 of an 80 % image is 72 %,
// Q_90 of an 80 % image stays 80 %). Evidence for the default: oss2 live tests/test_image.py test_rotate expects
// 20998 bytes for image/rotate,90 of its example.jpg, a libjpeg quality-82 file; libvips at quality 82 writes
// 20980 bytes of those pixels, and the 18 left are the JFIF APP0 segment OSS's file carries and libvips omits.
//
// A JPEG's quality is not stored in it: it is read back as the libjpeg quality whose scaled standard tables
// (ITU-T T.81 Annex K, libjpeg jcparam.c jpeg_quality_scaling) are the file's; a file made by another encoder
// gets the nearest one [I].

/** ITU-T T.81 Table K.1 (luminance) and K.2 (chrominance), in natural (row-major) order. */
const LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMINANCE = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];

/** libjpeg's jpeg_natural_order: the natural index of the k-th coefficient in zigzag order, DQT's order. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** libjpeg's table for a quality (jpeg_quality_scaling, baseline: values clamped to 1..255), natural order. */
function scaledTable(base: number[], quality: number): number[] {
  const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
  return base.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

/** The quantization tables of a JPEG's header, by table id, in natural order; undefined for another file. */
export function quantizationTables(bytes: Buffer): Map<number, number[]> | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const tables = new Map<number, number[]>();
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: the header is over
    const end = i + 2 + bytes.readUInt16BE(i + 2);
    if (marker === 0xdb) {
      let j = i + 4;
      while (j < end && j < bytes.length) {
        const precision = bytes[j]! >> 4;
        const id = bytes[j]! & 0x0f;
        j++;
        const table = new Array<number>(64);
        for (let k = 0; k < 64; k++) {
          if (j + (precision ? 2 : 1) > bytes.length) return tables.size > 0 ? tables : undefined;
          table[ZIGZAG[k]!] = precision ? bytes.readUInt16BE(j) : bytes[j]!;
          j += precision ? 2 : 1;
        }
        tables.set(id, table);
      }
    }
    i = end;
  }
  return tables.size > 0 ? tables : undefined;
}

/** The libjpeg quality (1–100) a JPEG was encoded at, or the nearest; undefined for a file without tables. */
export function jpegQuality(bytes: Buffer): number | undefined {
  const tables = quantizationTables(bytes);
  const luminance = tables?.get(0);
  if (tables === undefined || luminance === undefined) return undefined;
  const chrominance = tables.get(1);
  let best = { quality: 0, distance: Infinity };
  for (let quality = 100; quality >= 1; quality--) {
    let distance = distanceOf(luminance, scaledTable(LUMINANCE, quality));
    if (chrominance !== undefined) distance += distanceOf(chrominance, scaledTable(CHROMINANCE, quality));
    if (distance < best.distance) best = { quality, distance };
    if (distance === 0) break;
  }
  return best.quality;
}

function distanceOf(a: number[], b: number[]): number {
  let d = 0;
  for (let k = 0; k < 64; k++) d += Math.abs(a[k]! - b[k]!);
  return d;
}

/**
 * The quality a JPEG output is encoded at: Q_ (capped by the source's quality), else q_ (a percentage of it), else
 * the source's own. A source that is no JPEG has no quality: Q_ or q_ as given, else 80 (libvips' default) [I].
 */
export function outputJpegQuality(source: number | undefined, asked: { q?: number; Q?: number }): number {
  if (asked.Q !== undefined) return source !== undefined ? Math.min(asked.Q, source) : asked.Q;
  if (asked.q !== undefined) return source !== undefined ? Math.max(1, Math.round((source * asked.q) / 100)) : asked.q;
  return source ?? 80;
}

/**
 * The JFIF APP0 segment (version 1.01, no units, 1:1 density, no thumbnail: libjpeg's defaults) placed after SOI
 * when the encoder wrote none; OSS's JPEGs carry one (the 18 bytes of test_rotate above), libvips' do not. Its field
 * values are [I].
 */
export function withJfifSegment(jpeg: Buffer): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8 || (jpeg[2] === 0xff && jpeg[3] === 0xe0)) return jpeg;
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(2)]);
}
