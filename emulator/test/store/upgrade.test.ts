// Upgrades keep data (issue 26 item 4): each fixtures/schema/v<N>/ holds a data directory written by the code of
// an earlier local-oss version (made-by.json names the commit; emulator/scripts/make-schema-fixture.mjs made it)
// and the facts that version answered about it. The current code opens a copy, migrates it, and must answer the
// same facts: every bucket, version, delete marker, byte, header, tag, ACL and retention.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from 'local-oss';
import { migrations } from '../../src/store/schema.js';
import { ownerClient } from '../http/support.js';
// Plain ESM, shared with the generator script (emulator/scripts/make-schema-fixture.mjs).
import { schemaFacts } from '../../scripts/schemaFacts.mjs';

const FIXTURES = new URL('../../../fixtures/schema/', import.meta.url);
const Database = createRequire(import.meta.url)('better-sqlite3');
const versions = readdirSync(FIXTURES).filter((d) => /^v\d+$/.test(d)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

/** Facts an old version could not give (it did not serve the API) say nothing about the current answer. */
const UNSERVED = new Set(['NotImplemented', 'MethodNotAllowed']);
function comparable(old: unknown, now: unknown): unknown {
  if (old && typeof old === 'object' && !Array.isArray(old)) {
    const o = old as Record<string, unknown>;
    if (typeof o.absent === 'string' && UNSERVED.has(o.absent)) return now;
    const n = (now ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, comparable(v, n[k])]));
  }
  if (Array.isArray(old) && Array.isArray(now)) return old.map((v, i) => comparable(v, now[i]));
  return old;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a data directory written by an earlier schema version', () => {
  it('the fixtures cover every schema version the store has shipped (1, 3, 4, 5, 7, 11: 2 and 8-10 never shipped alone; 6 was left behind without one)', () => {
    expect(versions).toEqual(['v1', 'v3', 'v4', 'v5', 'v7', 'v11']);
    for (const v of versions) {
      const madeBy = JSON.parse(readFileSync(new URL(`${v}/made-by.json`, FIXTURES), 'utf8'));
      expect(madeBy.schemaVersion).toBe(Number(v.slice(1)));
      expect(madeBy.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  for (const v of versions) {
    it(`${v}: opens under the current code, migrates to ${migrations.length}, and answers every fact as ${v}'s code did`, async () => {
      const fixture = new URL(`${v}/local-oss.sqlite`, FIXTURES);
      const before = createHash('sha256').update(readFileSync(fixture)).digest('hex');
      const dir = mkdtempSync(join(tmpdir(), `local-oss-upgrade-${v}-`));
      dirs.push(dir);
      copyFileSync(fixture, join(dir, 'local-oss.sqlite'));
      // From schema 11 the whole chunks are in a second file beside the main one.
      const blobs = new URL(`${v}/local-oss.blobs.sqlite`, FIXTURES);
      if (existsSync(blobs)) copyFileSync(blobs, join(dir, 'local-oss.blobs.sqlite'));

      const emu = await startEmulator({ port: 0, dataDir: dir });
      try {
        const client = ownerClient(emu);
        const expected = JSON.parse(readFileSync(new URL(`${v}/facts.json`, FIXTURES), 'utf8'));
        const now = await schemaFacts(client);
        expect(now.buckets.map((b: { name: string }) => b.name)).toEqual(expected.buckets.map((b: { name: string }) => b.name));
        expect(now).toEqual(comparable(expected, now));

        // The upgraded directory takes writes: a new version over an old key, and a delete of an old object.
        await client.putObject({ bucket: 'fixture-plain', key: 'docs/readme.txt', body: Buffer.from('written after the upgrade') });
        expect((await (await client.getObject({ bucket: 'fixture-plain', key: 'docs/readme.txt' })).content()).toString()).toBe('written after the upgrade');
        await client.deleteObject({ bucket: 'fixture-plain', key: 'big/two-chunks.bin' });
        // The copy shared the deleted object's chunks: its bytes must survive the delete.
        const copy = await (await client.getObject({ bucket: 'fixture-plain', key: 'copies/big-copy.bin' })).content();
        const copyFacts = expected.buckets.find((b: { name: string }) => b.name === 'fixture-plain').objects.find((o: { key: string }) => o.key === 'copies/big-copy.bin');
        expect(createHash('sha256').update(copy).digest('hex')).toBe(copyFacts.sha256);
      } finally {
        await emu.close();
      }
      const db = new Database(join(dir, 'local-oss.sqlite'), { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // The committed fixture itself is never opened, let alone changed.
      expect(createHash('sha256').update(readFileSync(fixture)).digest('hex')).toBe(before);
    });
  }
});
