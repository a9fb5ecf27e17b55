import { describe, expect, it } from 'vitest';
import { isValidBucketName, validateObjectKey } from '../../src/domain/objectName.js';

const message = (key: string) => {
  try {
    validateObjectKey(key);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('names (behaviour §3.2, §8.6)', () => {
  it('object keys: 1–1023 bytes, not starting with / or \\', () => {
    expect(message('a')).toBe('ok');
    expect(message('中'.repeat(341))).toBe('ok'); // 1023 bytes
    expect(message('中'.repeat(342))).toBe('The Length of Object name must be less than 1024.');
    expect(message('')).toBe('The Object name can not be empty.');
    expect(message('/a')).toBe('The specified object is not valid.');
    expect(message('\\a')).toBe('The specified object is not valid.');
    expect(message('a\ud800')).toBe('The specified object is not valid.');
  });

  it('bucket names: 3–63 of a-z 0-9 -, no leading or trailing -', () => {
    expect(['abc', 'a-b-c', 'a'.repeat(63)].every(isValidBucketName)).toBe(true);
    expect(['ab', 'a'.repeat(64), '-abc', 'abc-', 'ABC', 'a_b', 'a.b'].some(isValidBucketName)).toBe(false);
  });
});
