// Paging with a delimiter, walked page by page, against a brute-force model of OSS's listing (behaviour §9.5): every
// key and common prefix exactly once, in order, whatever the page size. The store jumps past a common prefix and
// probes one row before reading a batch again (store/listing.ts PROBE), so folders next to folders, folders next
// to plain keys, and markers inside folders are all walked here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from '../http/support.js';

let emu: RunningEmulator;
const KEYS: string[] = [];
// Deterministic mix: one-key folders, big folders, nested folders, plain keys between and after folders.
for (let i = 0; i < 40; i++) KEYS.push(`f${String(i).padStart(2, '0')}/only`);
for (let i = 0; i < 300; i++) KEYS.push(`g/${String(i).padStart(3, '0')}`);
for (let i = 0; i < 30; i++) KEYS.push(`h${String(i).padStart(2, '0')}`, `h${String(i).padStart(2, '0')}/x/y`);
for (let i = 0; i < 270; i++) KEYS.push(`plain-${String(i).padStart(3, '0')}`);
KEYS.push('z/a', 'z/b/c', 'zz');

function model(prefix: string, delimiter: string): string[] {
  const out: string[] = [];
  for (const k of [...KEYS].sort()) {
    if (!k.startsWith(prefix)) continue;
    const at = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
    const entry = at < 0 ? k : k.slice(0, at + delimiter.length);
    if (out[out.length - 1] !== entry) out.push(entry);
  }
  return out;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  const c = ownerClient(emu);
  await c.putBucket({ bucket: 'walk' });
  for (const key of KEYS) await c.putObject({ bucket: 'walk', key, body: Buffer.from('x') });
});
afterAll(() => emu.close());

describe('a delimiter listing walked page by page', () => {
  for (const [prefix, delimiter] of [['', '/'], ['', ''], ['g/', '/'], ['h', '/'], ['z', '/']] as const) {
    for (const maxKeys of [1, 7, 256, 1000]) {
      it(`prefix "${prefix}", delimiter "${delimiter}", ${maxKeys} per page: every entry once, in order`, async () => {
        const c = ownerClient(emu);
        const seen: string[] = [];
        let marker = '';
        for (let pages = 0; pages < 2000; pages++) {
          const page = await c.listObjects({ bucket: 'walk', prefix, delimiter, marker, maxKeys });
          const entries = [...page.contents.map((o) => o.key), ...page.commonPrefixes.map((p) => p.prefix)].sort();
          expect(entries.length).toBeLessThanOrEqual(maxKeys);
          seen.push(...entries);
          if (!page.isTruncated) break;
          marker = page.nextMarker!;
        }
        expect(seen).toEqual(model(prefix, delimiter));
      });
    }
  }
});
