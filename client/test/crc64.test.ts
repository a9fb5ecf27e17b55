// CRC-64/XZ: the vectors of issue 3 / spec §7, streaming, slices past the native 16 MiB heap, and combine.
import { describe, expect, it } from 'vitest';
import { Crc64Hasher, crc64, crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';

describe('crc64', () => {
  it('matches the published vectors', () => {
    expect(crc64('')).toBe(0n);
    expect(crc64('123456789')).toBe(11051210869376104954n);
    expect(crc64('hello world')).toBe(5981764153023615706n);
  });

  it('handles a buffer larger than the native heap by slicing', () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4093) big[i] = i & 0xff;
    const hasher = new Crc64Hasher();
    for (let at = 0; at < big.length; at += 3_000_017) hasher.update(big.subarray(at, at + 3_000_017));
    expect(hasher.digest()).toBe(crc64(big));
    expect(hasher.length).toBe(big.length);
  });

  it('combines the CRCs of two parts into the CRC of their concatenation', () => {
    const a = Buffer.from('hello ');
    const b = Buffer.from('world');
    expect(crc64Combine(crc64(a), crc64(b), b.length)).toBe(5981764153023615706n);
    expect(crc64Combine(crc64(a), 0n, 0)).toBe(crc64(a));
    expect(crc64Combine(0n, crc64(b), b.length)).toBe(crc64(b));
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x5a);
    const cut = 1024 * 1024 + 3;
    expect(crc64Combine(crc64(big.subarray(0, cut)), crc64(big.subarray(cut)), big.length - cut)).toBe(crc64(big));
  });

  it('prints and parses the decimal form, refusing anything else', () => {
    expect(crc64ToString(11051210869376104954n)).toBe('11051210869376104954');
    expect(parseCrc64('11051210869376104954')).toBe(11051210869376104954n);
    expect(parseCrc64('18446744073709551616')).toBeUndefined();
    expect(parseCrc64('-1')).toBeUndefined();
    expect(parseCrc64('0x10')).toBeUndefined();
  });
});
