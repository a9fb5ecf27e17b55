// Bucket tag limits (domain/bucketTags.ts): not an object's.
import { describe, expect, it } from 'vitest';
import { keysToDelete, remainingTags, validateBucketTags } from '../../src/domain/bucketTags.js';
import { OssError } from '../../src/domain/errors.js';

function ecOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OssError);
    return (err as OssError).ec ?? 'none';
  }
  return undefined;
}

describe('validateBucketTags', () => {
  it("accepts what an object's tags may not: more than 10, any characters", () => {
    expect(ecOf(() => validateBucketTags(Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: '%@!' }))))).toBeUndefined();
  });

  it('refuses the key prefixes case-insensitively, each with its EC', () => {
    expect(ecOf(() => validateBucketTags([{ key: 'ALIYUN', value: '' }]))).toBe('0010-00000207');
    expect(ecOf(() => validateBucketTags([{ key: 'HTTPS://a', value: '' }]))).toBe('0010-00000207');
    expect(ecOf(() => validateBucketTags([{ key: 'ACS:x', value: '' }]))).toBe('0010-00000002');
    // Only a prefix: the words elsewhere are fine.
    expect(ecOf(() => validateBucketTags([{ key: 'my-aliyun-acs', value: '' }]))).toBeUndefined();
  });

  it('counts lengths in characters', () => {
    expect(ecOf(() => validateBucketTags([{ key: '键'.repeat(64), value: '值'.repeat(128) }]))).toBeUndefined();
    expect(ecOf(() => validateBucketTags([{ key: '键'.repeat(65), value: '' }]))).toBe('0010-00000219');
  });
});

describe('DeleteBucketTags keys', () => {
  const tags = [
    { key: 'a', value: '1' },
    { key: 'b', value: '2' },
  ];
  it('a bare ?tagging deletes all; a list only those keys', () => {
    expect(remainingTags(tags, keysToDelete(undefined))).toEqual([]);
    expect(remainingTags(tags, keysToDelete(''))).toEqual([]);
    expect(remainingTags(tags, keysToDelete('b,zz'))).toEqual([{ key: 'a', value: '1' }]);
  });
});
