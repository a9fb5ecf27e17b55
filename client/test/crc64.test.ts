// CRC-64/XZ: the behaviour §7 check values (fixtures/crc64), an independent bit-by-bit reference, crc64-ecma182.js,
// streaming, and the GF(2) combine up to 2^40-byte parts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Crc64Hasher, crc64, crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';

const ecma182 = createRequire(import.meta.url)('crc64-ecma182.js') as { crc64(buf: Buffer, prev?: string): string };

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/crc64/crc64-xz-vectors.json', import.meta.url), 'utf8'),
) as { vectors: { input?: string; zeroBytes?: number; crc: string }[] };

const bytesOf = (v: { input?: string; zeroBytes?: number }) =>
  v.zeroBytes !== undefined ? Buffer.alloc(v.zeroBytes) : Buffer.from(v.input!, 'utf8');

/** CRC-64/XZ one bit at a time from its definition (reflected poly, init and xorout all ones): no shared code. */
function reference(data: Uint8Array): bigint {
  let crc = 0xffffffffffffffffn;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let i = 0; i < 8; i++) crc = crc & 1n ? (crc >> 1n) ^ 0xc96c5795d7870f42n : crc >> 1n;
  }
  return crc ^ 0xffffffffffffffffn;
}

describe('crc64', () => {
  it('matches the brief vectors', () => {
    expect(crc64('')).toBe(0n);
    expect(crc64('123456789')).toBe(11051210869376104954n);
    expect(crc64('hello world')).toBe(5981764153023615706n);
  });

  for (const v of fixture.vectors) {
    it(`gives ${v.crc} for ${v.zeroBytes !== undefined ? `${v.zeroBytes} zero bytes` : JSON.stringify(v.input)}`, () => {
      expect(crc64ToString(crc64(bytesOf(v)))).toBe(v.crc);
      expect(reference(bytesOf(v))).toBe(BigInt(v.crc));
    });
  }

  it('agrees with the bit-by-bit reference on random data', () => {
    for (const size of [1, 7, 8, 255, 4096, 65_537]) {
      const data = randomBytes(size);
      expect(crc64(data)).toBe(reference(data));
    }
  });

  it('reads a Uint8Array view at its own offset, not its whole buffer', () => {
    const whole = Buffer.from('xx123456789yy');
    expect(crc64(new Uint8Array(whole.buffer, whole.byteOffset + 2, 9))).toBe(11051210869376104954n);
  });

  it('continues from a previous final CRC', () => {
    expect(crc64('456789', crc64('123'))).toBe(11051210869376104954n);
  });

  it('agrees with crc64-ecma182.js (the implementation it replaced) on a 20 MiB buffer in one call', () => {
    const big = randomBytes(20 * 1024 * 1024);
    // That library's emscripten heap takes at most 16 MiB per call: feed it slices with its running value.
    let expected = '0';
    for (let at = 0; at < big.length; at += 1024 * 1024) expected = ecma182.crc64(big.subarray(at, at + 1024 * 1024), expected);
    expect(crc64(big)).toBe(BigInt(expected));
  });

  it('streams a buffer larger than 16 MiB in uneven pieces', () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4093) big[i] = i & 0xff;
    const hasher = new Crc64Hasher();
    for (let at = 0; at < big.length; at += 3_000_017) hasher.update(big.subarray(at, at + 3_000_017));
    const whole = crc64(big);
    expect(hasher.digest()).toBe(whole);
    expect(hasher.length).toBe(big.length);
    // 20 MiB through the reference is slow; its last MiB checks the sliced path continued correctly instead.
    const tail = big.subarray(19 * 1024 * 1024);
    expect(crc64(tail, crc64(big.subarray(0, 19 * 1024 * 1024)))).toBe(whole);
  });

  it('streams strings and bytes alike', () => {
    const hasher = new Crc64Hasher().update('hello').update(Buffer.from(' ')).update('world');
    expect(hasher.digest()).toBe(5981764153023615706n);
    expect(hasher.length).toBe(11);
    expect(new Crc64Hasher().digest()).toBe(0n);
  });
});

describe('crc64Combine', () => {
  it('gives the CRC of a concatenation from the CRCs of its parts', () => {
    const a = Buffer.from('123456789');
    const b = Buffer.from('This is a test of the emergency broadcast system.');
    expect(crc64Combine(crc64(a), crc64(b), b.length)).toBe(7672622622872733320n);
    expect(crc64Combine(crc64('hello '), crc64('world'), 5)).toBe(5981764153023615706n);
    expect(crc64Combine(crc64('abc'), 14085117335336199948n, 1024n)).toBe(crc64(Buffer.concat([Buffer.from('abc'), Buffer.alloc(1024)])));
  });

  it('treats empty parts as neutral', () => {
    const x = crc64('hello world');
    expect(crc64Combine(x, 0n, 0)).toBe(x);
    expect(crc64Combine(0n, x, 11)).toBe(x);
    expect(crc64Combine(0n, 0n, 0)).toBe(0n);
  });

  it('combines a 3 MiB buffer cut anywhere, including at its ends', () => {
    const big = randomBytes(3 * 1024 * 1024 + 7);
    const whole = crc64(big);
    for (const cut of [0, 1, 1024 * 1024, 1024 * 1024 + 3, big.length - 1, big.length]) {
      expect(crc64Combine(crc64(big.subarray(0, cut)), crc64(big.subarray(cut)), big.length - cut)).toBe(whole);
    }
    // Three parts folded left to right, as the emulator folds multipart uploads.
    const parts = [big.subarray(0, 1000), big.subarray(1000, 2 * 1024 * 1024), big.subarray(2 * 1024 * 1024)];
    const folded = parts.reduce((crc, p) => crc64Combine(crc, crc64(p), p.length), 0n);
    expect(folded).toBe(whole);
  });

  it('handles a 16 MiB run of zeros computed both ways', () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    expect(crc64Combine(crc64('abc'), crc64(zeros), zeros.length)).toBe(crc64(zeros, crc64('abc')));
  });

  it('works for parts up to 2^40 bytes, quickly', () => {
    const a = 0x0123456789abcdefn;
    const b = 0xfedcba9876543210n;
    const c = 11051210869376104954n;
    const lenB = 2n ** 40n - 3n;
    const lenC = 2n ** 39n + 12345n;
    const started = performance.now();
    // Appending zeros is linear: Z^lenC(Z^lenB a ^ b) ^ c == Z^(lenB+lenC) a ^ (Z^lenC b ^ c).
    const left = crc64Combine(crc64Combine(a, b, lenB), c, lenC);
    const right = crc64Combine(a, crc64Combine(b, c, lenC), lenB + lenC);
    expect(left).toBe(right);
    expect(left).not.toBe(a ^ b ^ c);
    expect(crc64Combine(a, b, Number(lenB))).toBe(crc64Combine(a, b, lenB));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('decimal form', () => {
  it('prints unsigned decimal and parses it back', () => {
    expect(crc64ToString(11051210869376104954n)).toBe('11051210869376104954');
    expect(crc64ToString(0n)).toBe('0');
    expect(crc64ToString(-1n)).toBe('18446744073709551615');
    expect(parseCrc64('11051210869376104954')).toBe(11051210869376104954n);
    expect(parseCrc64('18446744073709551615')).toBe(2n ** 64n - 1n);
    expect(parseCrc64('0')).toBe(0n);
  });

  it('refuses anything but a 64-bit unsigned decimal', () => {
    for (const bad of ['18446744073709551616', '-1', '0x10', '', ' 1', '1.0', '1e3', '١٢']) {
      expect(parseCrc64(bad)).toBeUndefined();
    }
  });
});
