// A JPEG's quality read back from its tables, the quality of a processed JPEG, the JFIF segment (behaviour §16.1).
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegQuality, outputJpegQuality, withJfifSegment } from '../../src/domain/jpegQuality.js';

const image = () => sharp({ create: { width: 32, height: 16, channels: 3, background: '#336699' } });
let byQuality: Map<number, Buffer>;

beforeAll(async () => {
  byQuality = new Map();
  for (const q of [1, 10, 49, 50, 51, 75, 82, 99, 100]) byQuality.set(q, await image().jpeg({ quality: q }).toBuffer());
});

describe('jpegQuality', () => {
  it('reads back the libjpeg quality a file was encoded at, on both sides of 50', () => {
    for (const [q, file] of byQuality) expect([q, jpegQuality(file)]).toEqual([q, q]);
  });

  it('is undefined for a file that is no JPEG or has no tables', async () => {
    expect(jpegQuality(await image().png().toBuffer())).toBeUndefined();
    expect(jpegQuality(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
    expect(jpegQuality(byQuality.get(82)!.subarray(0, 10))).toBeUndefined();
  });
});

describe('outputJpegQuality (OSS "Quality transformation")', () => {
  it('keeps the source\'s quality; q_ is a percentage of it; Q_ is capped by it and wins over q_', () => {
    expect(outputJpegQuality(82, {})).toBe(82);
    expect(outputJpegQuality(80, { q: 90 })).toBe(72);
    expect(outputJpegQuality(80, { Q: 90 })).toBe(80);
    expect(outputJpegQuality(95, { Q: 90 })).toBe(90);
    expect(outputJpegQuality(95, { q: 50, Q: 90 })).toBe(90);
    expect(outputJpegQuality(3, { q: 10 })).toBe(1);
  });

  it('a source that is no JPEG: q_ or Q_ as given, else 80', () => {
    expect(outputJpegQuality(undefined, {})).toBe(80);
    expect(outputJpegQuality(undefined, { q: 60 })).toBe(60);
    expect(outputJpegQuality(undefined, { Q: 70 })).toBe(70);
  });
});

describe('withJfifSegment', () => {
  it('puts an 18-byte JFIF APP0 after SOI once, and leaves a file that has one alone', () => {
    const plain = byQuality.get(82)!;
    expect(plain.subarray(2, 4)).not.toEqual(Buffer.from([0xff, 0xe0]));
    const withJfif = withJfifSegment(plain);
    expect(withJfif.length).toBe(plain.length + 18);
    expect(withJfif.subarray(2, 11).toString('latin1')).toBe('\xff\xe0\x00\x10JFIF\x00');
    expect(withJfifSegment(withJfif)).toBe(withJfif);
    expect(jpegQuality(withJfif)).toBe(82);
  });
});
