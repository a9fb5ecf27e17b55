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

// ListObjectVersions reads one ordered range of rows (key, newest version first) in batches of 256 and, after a jump
// past a common prefix, one key (store/listing.ts versions): a key with more versions than a batch, folders of
// versioned keys, delete markers and plain keys between them, walked with key-marker + version-id-marker.
describe('a versions listing walked page by page', () => {
  const VKEYS = ['a/1', 'a/2', 'b', 'c/x/1', 'many', 'n/only', 'o1', 'o2', 'p/q'];
  const versions = new Map<string, string[]>(); // key -> version ids, newest first
  beforeAll(async () => {
    const c = ownerClient(emu);
    await c.putBucket({ bucket: 'walkv' });
    await c.putBucketVersioning({ bucket: 'walkv', versioningConfiguration: { status: 'Enabled' } });
    for (const key of VKEYS) {
      const count = key === 'many' ? 300 : key.startsWith('o') ? 1 : 3;
      for (let i = 0; i < count; i++) {
        const r = await c.putObject({ bucket: 'walkv', key, body: Buffer.from(String(i)) });
        versions.set(key, [r.versionId!, ...(versions.get(key) ?? [])]);
      }
      if (key === 'b' || key === 'a/2' || key === 'many') {
        const d = await c.deleteObject({ bucket: 'walkv', key });
        expect(d.deleteMarker).toBe(true);
        versions.set(key, [d.versionId!, ...versions.get(key)!]);
      }
    }
  }, 60_000);

  function vmodel(prefix: string, delimiter: string): string[] {
    const out: string[] = [];
    for (const k of [...VKEYS].sort()) {
      if (!k.startsWith(prefix)) continue;
      const at = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
      if (at >= 0) {
        const cp = k.slice(0, at + delimiter.length);
        if (out[out.length - 1] !== cp) out.push(cp);
      } else out.push(...versions.get(k)!.map((v) => `${k}#${v}`));
    }
    return out;
  }

  for (const [prefix, delimiter] of [['', ''], ['', '/'], ['a/', '/'], ['m', ''], ['c', '/']] as const) {
    for (const maxKeys of [1, 7, 256, 1000]) {
      it(`prefix "${prefix}", delimiter "${delimiter}", ${maxKeys} per page: every version and prefix once, newest first`, async () => {
        const c = ownerClient(emu);
        const expected = vmodel(prefix, delimiter);
        const seen: string[] = [];
        let keyMarker = '';
        let versionIdMarker = '';
        for (let pages = 0; pages < 2000; pages++) {
          const page = await c.listObjectVersions({ bucket: 'walkv', prefix, delimiter, keyMarker, versionIdMarker, maxKeys });
          const entries = [
            ...[...page.versions, ...page.deleteMarkers].map((o) => `${o.key}#${o.versionId}`),
            ...page.commonPrefixes.map((p) => p.prefix!),
          ].sort((x, y) => expected.indexOf(x) - expected.indexOf(y));
          expect(entries.length).toBeLessThanOrEqual(maxKeys);
          seen.push(...entries);
          if (!page.isTruncated) break;
          keyMarker = page.nextKeyMarker!;
          versionIdMarker = page.nextVersionIdMarker ?? '';
        }
        expect(seen).toEqual(expected);
      });
    }
  }
});
