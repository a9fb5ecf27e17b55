// domain/multipart.ts over plain data: the part range an UploadPartCopy takes.
import { describe, expect, it } from 'vitest';
import { checkSequentialPart, copySourceRange } from '../../src/domain/multipart.js';

describe('x-oss-copy-source-range', () => {
  it('takes first-last, and first- to the end (oss2 live test_upload_part_copy: bytes=102400- of 204800)', () => {
    expect(copySourceRange('bytes=0-102399', 204_800)).toEqual({ start: 0, end: 102_400 });
    expect(copySourceRange('bytes=102400-', 204_800)).toEqual({ start: 102_400, end: 204_800 });
  });

  it('copies the whole source when the range is absent, malformed or past the end', () => {
    for (const header of [undefined, 'bytes=-10', 'bytes=5-2', 'bytes=0-204800', 'items=0-1', 'bytes=204800-']) {
      expect(copySourceRange(header, 204_800), String(header)).toEqual({ start: 0, end: 204_800 });
    }
  });
});

describe('sequential upload part order (behaviour §9.15)', () => {
  it('accepts the first part, the next one and any part sent again; refuses a part that skips ahead', () => {
    expect(() => checkSequentialPart(1, 0)).not.toThrow();
    expect(() => checkSequentialPart(4, 3)).not.toThrow();
    expect(() => checkSequentialPart(2, 3)).not.toThrow();
    expect(() => checkSequentialPart(2, 0)).toThrow(expect.objectContaining({ code: 'PartNotSequential', status: 400 }));
    expect(() => checkSequentialPart(5, 3)).toThrow(expect.objectContaining({ code: 'PartNotSequential' }));
  });
});
