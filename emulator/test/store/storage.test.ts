// Issue 8: WAL checkpoints run on a worker thread, never inside a request's commit, and the store still ends with
// everything folded into the database file; chunks are kept exactly as long as an extent uses them.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/store/content.js';
import { Store } from '../../src/store/store.js';
import { count, patterned, putContent, readContent, tempDataDir } from './support.js';

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
      const body = patterned(SIZE);
      const id = putContent(store, body);
      const deadline = Date.now() + 10_000;
      while (statSync(file).size < before + SIZE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(statSync(file).size).toBeGreaterThanOrEqual(before + SIZE);
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
