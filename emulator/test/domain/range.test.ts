import { describe, expect, it } from 'vitest';
import { parseRange } from '../../src/domain/range.js';

describe('Range (DOCS range download, 1000-byte object)', () => {
  it('serves valid single ranges', () => {
    expect(parseRange('bytes=0-499', 1000, false)).toEqual({ start: 0, end: 500 });
    expect(parseRange('bytes=500-', 1000, false)).toEqual({ start: 500, end: 1000 });
    expect(parseRange('bytes=-500', 1000, false)).toEqual({ start: 500, end: 1000 });
    expect(parseRange('bytes=0-499,500-999', 1000, false)).toEqual({ start: 0, end: 500 });
  });

  it('ignores invalid or out-of-range values by default', () => {
    for (const h of ['byte=0-499', 'bytes=0-1000', 'bytes=1000-2000', 'bytes=1000-', 'bytes=-2000', 'bytes=5-1']) {
      expect(parseRange(h, 1000, false), h).toBeUndefined();
    }
  });

  it('with x-oss-range-behavior: standard clips the end and refuses a start past the object', () => {
    expect(parseRange('bytes=500-2000', 1000, true)).toEqual({ start: 500, end: 1000 });
    expect(() => parseRange('bytes=1000-2000', 1000, true)).toThrow(expect.objectContaining({ code: 'InvalidRange', status: 416 }));
  });
});
