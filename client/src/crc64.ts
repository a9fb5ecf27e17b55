// CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones): the checksum OSS sends as
// x-oss-hash-crc64ecma (behaviour §7). Bytes go through hash-wasm's CRC-64, whose default polynomial is this one: it is
// about twice as fast as crc64-ecma182.js on large buffers and far cheaper per small call (bench/README.md,
// "CRC-64"); crc64-ecma182.js stays as the tests' reference implementation. Combining two CRCs without the bytes
// (zlib's crc32_combine method over GF(2)) lets the emulator compute the CRC of a copy, an append or a multipart
// object from its parts' CRCs, and continues a running CRC here.
import { createRequire } from 'node:module';
import type { IHasher } from 'hash-wasm';

// Only the CRC-64 bundle of hash-wasm: its index loads every algorithm, which showed in the emulator's start-up
// (bench/README.md, "Start-up").
const { createCRC64 } = createRequire(import.meta.url)('hash-wasm/dist/crc64.umd.min.js') as {
  createCRC64(): Promise<IHasher>;
};

export type Crc64 = bigint;

const MASK = (1n << 64n) - 1n;
/** ECMA-182 polynomial, bit-reversed. */
const POLY = 0xc96c5795d7870f42n;

// One instance, used synchronously (init, update, digest in one call), so callers never interleave on it.
const hasher = await createCRC64();

/** CRC-64 of `data`; with `prev` (the CRC of earlier bytes), the CRC of those bytes followed by `data`. */
export function crc64(data: Uint8Array | string, prev: Crc64 = 0n): Crc64 {
  hasher.init();
  hasher.update(data);
  const digest = hasher.digest('binary');
  const crc = new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false);
  if (prev === 0n) return crc;
  return crc64Combine(prev, crc, typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength);
}

function gf2Times(mat: bigint[], vec: bigint): bigint {
  let sum = 0n;
  for (let i = 0; vec !== 0n; i++, vec >>= 1n) if (vec & 1n) sum ^= mat[i]!;
  return sum;
}

/** A∘B: the operator applying B, then A (columns are the images of the basis vectors). */
function gf2Compose(a: bigint[], b: bigint[]): bigint[] {
  return b.map((column) => gf2Times(a, column));
}

const IDENTITY = Array.from({ length: 64 }, (_, i) => 1n << BigInt(i));
/** The operator for one zero byte: the one-zero-bit operator squared three times. */
const ONE_BYTE = (() => {
  let op: bigint[] = [POLY];
  for (let i = 1; i < 64; i++) op.push(1n << BigInt(i - 1));
  for (let i = 0; i < 3; i++) op = gf2Compose(op, op);
  return op;
})();

// Object stores combine the same lengths over and over (1 MiB chunks, equal parts): keep their operators.
const operators = new Map<bigint, bigint[]>();
const MAX_CACHED = 256;

/** The operator that appends `len` zero bytes to a CRC register, in O(log len) compositions. */
function zerosOperator(len: bigint): bigint[] {
  const cached = operators.get(len);
  if (cached) return cached;
  let result = IDENTITY;
  let op = ONE_BYTE;
  for (let n = len; n > 0n; n >>= 1n) {
    if (n & 1n) result = gf2Compose(op, result);
    if (n > 1n) op = gf2Compose(op, op);
  }
  if (operators.size >= MAX_CACHED) operators.delete(operators.keys().next().value!);
  operators.set(len, result);
  return result;
}

/** The CRC of A‖B from crc(A), crc(B) and B's length (zlib's crc32_combine method over GF(2)). */
export function crc64Combine(crcA: Crc64, crcB: Crc64, lenB: number | bigint): Crc64 {
  const len = BigInt(lenB);
  if (len <= 0n) return crcA;
  return (gf2Times(zerosOperator(len), crcA) ^ crcB) & MASK;
}

/** Streaming CRC-64 over chunks of any size. */
export class Crc64Hasher {
  private crc: Crc64 = 0n;
  private bytes = 0;

  update(chunk: Uint8Array | string): this {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.crc = crc64(buf, this.crc);
    this.bytes += buf.byteLength;
    return this;
  }

  digest(): Crc64 {
    return this.crc;
  }

  get length(): number {
    return this.bytes;
  }
}

export function crc64ToString(crc: Crc64): string {
  return BigInt.asUintN(64, crc).toString();
}

/** The decimal form OSS sends; undefined for anything else (not a number, or outside 64 bits). */
export function parseCrc64(text: string): Crc64 | undefined {
  if (!/^\d{1,20}$/.test(text)) return undefined;
  const value = BigInt(text);
  return value > MASK ? undefined : value;
}
