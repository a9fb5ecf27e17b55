// Issue 8: the storage layer under load. WAL checkpoints run on a worker thread, never inside a request's commit,
// and the store still ends with everything folded into the database file; chunks live exactly as long as an extent
// uses them; a writer sizes its buffer from the declared length and writes its tail inside the commit.
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/store/checkpointer.js';
import { CHUNK_SIZE } from '../../src/store/contentWriter.js';
import { Store } from '../../src/store/store.js';
import { chunkCounts, count, patterned, putContent, readContent, tempDataDir } from './support.js';

const SIZE = 3 * CHUNK_SIZE;

describe('background checkpoints', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => data.remove());

  it('folds committed pages into the database file while the store stays open, then leaves no WAL at close', async () => {
    const store = Store.open(data.dir);
    const file = join(data.dir, 'local-oss.sqlite');
    try {
      // The writing connection never checkpoints by itself: only the worker can grow the database file.
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(file).size;
      // Less than a chunk: the tail, written into the main file inside the commit (through the WAL).
      const TAIL = CHUNK_SIZE - 100;
      const body = patterned(TAIL);
      const id = putContent(store, body);
      expect(chunkCounts(store)).toEqual([1, 0]);
      const deadline = Date.now() + 10_000;
      while (statSync(file).size < before + TAIL && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(statSync(file).size).toBeGreaterThanOrEqual(before + TAIL);
      expect((await readContent(store, id)).equals(body)).toBe(true);
    } finally {
      store.close();
    }
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reopens after close and after many open/close cycles with the data intact', async () => {
    const body = patterned(CHUNK_SIZE + 10);
    let store = Store.open(data.dir);
    const id = putContent(store, body);
    store.close();
    for (let i = 0; i < 5; i++) {
      store = Store.open(data.dir);
      store.close();
    }
    store = Store.open(data.dir);
    try {
      expect((await readContent(store, id)).equals(body)).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('whole chunks in the blobs file', () => {
  it('writes them once, outside the WAL, and reads them back after a reopen', async () => {
    const data = tempDataDir();
    const wal = join(data.dir, 'local-oss.sqlite-wal');
    const blobs = join(data.dir, 'local-oss.blobs.sqlite');
    try {
      let store = Store.open(data.dir);
      const mainBytes = () => statSync(join(data.dir, 'local-oss.sqlite')).size + (existsSync(wal) ? statSync(wal).size : 0);
      store.db.pragma('wal_checkpoint(TRUNCATE)'); // the new file's schema pages folded in: they are not the PUT's
      const before = mainBytes();
      const body = patterned(SIZE + 7);
      const id = putContent(store, body);
      // Three whole chunks in the blobs file, the 7-byte tail in the main one.
      expect(chunkCounts(store)).toEqual([1, 3]);
      expect(statSync(blobs).size).toBeGreaterThanOrEqual(SIZE);
      // The main file and its WAL took the metadata and the tail (a few pages), not the 3 MiB of whole chunks.
      expect(mainBytes() - before).toBeLessThan(CHUNK_SIZE);
      store.close();
      store = Store.open(data.dir);
      try {
        expect((await readContent(store, id)).equals(body)).toBe(true);
        expect((await readContent(store, id, CHUNK_SIZE - 3, 2 * CHUNK_SIZE + 3)).equals(body.subarray(CHUNK_SIZE - 3, 2 * CHUNK_SIZE + 3))).toBe(true);
        store.tx(() => store.content.unref(id));
        expect(chunkCounts(store)).toEqual([0, 0]);
      } finally {
        store.close();
      }
    } finally {
      data.remove();
    }
  });

  it('sweeps at start the whole chunks of a writer cut off mid-body', () => {
    const data = tempDataDir();
    try {
      let store = Store.open(data.dir);
      const cutOff = store.content.createWriter();
      cutOff.write(patterned(2 * CHUNK_SIZE + 5)); // two whole chunks committed alone, never referenced
      expect(chunkCounts(store)).toEqual([0, 2]);
      store.close();
      store = Store.open(data.dir);
      try {
        expect(chunkCounts(store)).toEqual([0, 0]);
      } finally {
        store.close();
      }
    } finally {
      data.remove();
    }
  });
});

describe('checkpointer failure', () => {
  it('hands checkpoints back to SQLite and never makes a writer wait when its worker cannot start', async () => {
    const data = tempDataDir();
    const file = join(data.dir, 'gone.sqlite');
    const orphan = new Database(file);
    orphan.pragma('journal_mode = WAL');
    rmSync(file); // the worker opens with fileMustExist: it fails at once
    const warnings: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => (warnings.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const checkpointer = startCheckpointer(orphan);
      expect(orphan.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const deadline = Date.now() + 10_000;
      while (orphan.pragma('wal_autocheckpoint', { simple: true }) !== 1000 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(orphan.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(warnings.join('')).toMatch(/background checkpoints stopped/);
      expect(checkpointer.walFull()).toBe(false);
      const t0 = Date.now();
      await checkpointer.settled();
      expect(Date.now() - t0).toBeLessThan(1000);
      checkpointer.stop();
    } finally {
      process.stderr.write = write;
      orphan.close();
      data.remove();
    }
  });
});

describe('chunk lifetime without reference counts', () => {
  it('keeps a chunk while any content uses it and deletes it with the last one', () => {
    const store = Store.open(undefined);
    try {
      const first = putContent(store, patterned(SIZE));
      // A second content sharing the middle chunk (as UploadPartCopy of a range would build it).
      const second = store.tx(() => {
        const id = store.content.compose([{ contentId: first, start: CHUNK_SIZE + 5, end: 2 * CHUNK_SIZE - 5 }]);
        store.content.ref(id);
        return id;
      });
      expect(count(store, 'chunks')).toBe(3);
      store.tx(() => store.content.unref(first));
      expect(count(store, 'chunks')).toBe(1);
      expect(store.content.info(second)?.size).toBe(CHUNK_SIZE - 10);
      store.tx(() => store.content.unref(second));
      expect([count(store, 'chunks'), count(store, 'contents'), count(store, 'extents')]).toEqual([0, 0, 0]);
    } finally {
      store.close();
    }
  });
});

describe('content writer', () => {
  it('starts with a buffer of the declared size and still takes more (a body longer than its hint)', async () => {
    const store = Store.open(undefined);
    try {
      const body = patterned(2 * CHUNK_SIZE + 7);
      const writer = store.content.createWriter({ sizeHint: 10 });
      for (let at = 0; at < body.length; at += 4099) writer.write(body.subarray(at, at + 4099));
      const pending = writer.finish();
      // Whole chunks went to disk as they filled; the short tail waits for the commit's transaction.
      expect([pending.chunks.length, pending.tail?.data.length]).toEqual([2, 7]);
      expect(count(store, 'chunks')).toBe(2);
      const id = store.tx(() => store.content.commit(pending));
      expect(count(store, 'chunks')).toBe(3);
      expect((await readContent(store, id)).equals(body)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('writes nothing of a tail whose commit rolls back', () => {
    const store = Store.open(undefined);
    try {
      const writer = store.content.createWriter({ sizeHint: 5 });
      writer.write(Buffer.from('hello'));
      const pending = writer.finish();
      expect(() =>
        store.tx(() => {
          store.content.commit(pending);
          throw new Error('refused');
        }),
      ).toThrow('refused');
      expect([count(store, 'chunks'), count(store, 'contents'), count(store, 'extents')]).toEqual([0, 0, 0]);
    } finally {
      store.close();
    }
  });
});

describe('bucket rows cache', () => {
  it('serves committed rows, forgets a change on write and never remembers a rolled-back one', () => {
    const store = Store.open(undefined);
    try {
      store.buckets.create({ name: 'cached-bucket', region: 'cn-hangzhou', createdAt: 1, acl: 'private', storageClass: 'Standard', dataRedundancyType: 'LRS' });
      expect(store.buckets.get('cached-bucket')?.acl).toBe('private');
      expect(() =>
        store.tx(() => {
          store.buckets.setAcl('cached-bucket', 'public-read');
          expect(store.buckets.get('cached-bucket')?.acl).toBe('public-read'); // read inside the transaction
          throw new Error('refused');
        }),
      ).toThrow('refused');
      expect(store.buckets.get('cached-bucket')?.acl).toBe('private');
      store.tx(() => store.buckets.setPolicy('cached-bucket', '{"Version":"1","Statement":[]}'));
      expect(store.buckets.getPolicy('cached-bucket')).toBe('{"Version":"1","Statement":[]}');
      store.tx(() => store.buckets.delete('cached-bucket'));
      expect(store.buckets.get('cached-bucket')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
