// Issue 10: SSE-KMS content is encrypted at rest (envelope encryption, one data key per writer), while sizes,
// CRC-64, MD5 and extents keep describing the plaintext, so ranged reads and extent-only copies work unchanged.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc64, crc64ToString } from '@local-oss/client';
import { CHUNK_SIZE } from '../../src/store/contentWriter.js';
import { migrations } from '../../src/store/schema.js';
import { Store } from '../../src/store/store.js';
import { MARKER, count, patterned, putContent, readContent, tempDataDir } from './support.js';

const KMS = { encryption: { keyId: 'test-key' } };
const SIZE = 2 * CHUNK_SIZE + 300_000; // three chunks, the last one short
const body = patterned(SIZE);

function rawChunks(store: Store): Array<{ data: Buffer; data_key_id: number | null }> {
  return store.db.prepare('SELECT data, data_key_id FROM chunks ORDER BY id').all() as Array<{
    data: Buffer;
    data_key_id: number | null;
  }>;
}

describe('encrypted content at rest', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(undefined);
  });
  afterEach(() => store.close());

  it('stores no plaintext: every chunk blob is sealed under one data key of the writer', () => {
    putContent(store, body, KMS);
    const chunks = rawChunks(store);
    expect(chunks.map((c) => c.data.length)).toEqual([CHUNK_SIZE + 28, CHUNK_SIZE + 28, 300_000 + 28]);
    for (const c of chunks) {
      expect(c.data.includes(MARKER)).toBe(false);
      expect(c.data_key_id).toBe(chunks[0]!.data_key_id);
    }
    const keys = store.db.prepare('SELECT kms_key_id, wrapped FROM data_keys').all() as Array<{ kms_key_id: string; wrapped: Buffer }>;
    expect(keys).toHaveLength(1);
    expect(keys[0]!.kms_key_id).toBe('test-key');
    expect(keys[0]!.wrapped).toHaveLength(32 + 28);

    // The control: the same bytes without encryption are visible in the table.
    putContent(store, body);
    expect(rawChunks(store).some((c) => c.data_key_id === null && c.data.includes(MARKER))).toBe(true);
  });

  it('keeps CRC-64 and MD5 of the plaintext', () => {
    const writer = store.content.createWriter(KMS);
    writer.write(body);
    const pending = writer.finish();
    expect(pending.size).toBe(SIZE);
    expect(pending.crc64).toBe(crc64(body));
    expect(pending.md5).toEqual(createHash('md5').update(body).digest());
    const id = store.tx(() => store.content.commit(pending));
    expect(store.content.info(id)).toMatchObject({ size: SIZE, crc64: crc64ToString(crc64(body)) });
  });

  it('reads back whole and in ranges across chunk boundaries', async () => {
    const id = putContent(store, body, KMS);
    expect((await readContent(store, id)).equals(body)).toBe(true);
    const ranges: Array<[number, number]> = [
      [0, 1],
      [CHUNK_SIZE - 10, CHUNK_SIZE + 10],
      [CHUNK_SIZE, 2 * CHUNK_SIZE],
      [5, 2 * CHUNK_SIZE + 7],
      [CHUNK_SIZE - 1, SIZE],
      [SIZE - 1, SIZE],
    ];
    for (const [start, end] of ranges) {
      expect((await readContent(store, id, start, end)).equals(body.subarray(start, end)), `${start}-${end}`).toBe(true);
    }
  });

  it('composes copies from encrypted and plain slices by extents only, with the right bytes and CRC-64', async () => {
    const sealed = putContent(store, body, KMS);
    const plainBody = patterned(CHUNK_SIZE + 5);
    const plain = putContent(store, plainBody);
    const chunksBefore = count(store, 'chunks');
    const copy = store.tx(() => {
      const id = store.content.compose([
        { contentId: sealed, start: 1000, end: CHUNK_SIZE + 5000 },
        { contentId: plain, start: 3, end: CHUNK_SIZE + 1 },
        { contentId: sealed, start: 2 * CHUNK_SIZE + 1, end: SIZE },
      ]);
      store.content.ref(id);
      return id;
    });
    expect(count(store, 'chunks')).toBe(chunksBefore); // no byte copied
    const expected = Buffer.concat([
      body.subarray(1000, CHUNK_SIZE + 5000),
      plainBody.subarray(3, CHUNK_SIZE + 1),
      body.subarray(2 * CHUNK_SIZE + 1),
    ]);
    expect((await readContent(store, copy)).equals(expected)).toBe(true);
    expect(store.content.info(copy)?.crc64).toBe(crc64ToString(crc64(expected)));

    // AppendObject onto an encrypted base: the new bytes follow under their own data key.
    const tail = patterned(70_000);
    const writer = store.content.createWriter({ encryption: { keyId: 'another-key' } });
    writer.write(tail);
    const appended = store.tx(() => store.content.append(copy, writer.finish()));
    const all = Buffer.concat([expected, tail]);
    expect((await readContent(store, appended)).equals(all)).toBe(true);
    expect(store.content.info(appended)?.crc64).toBe(crc64ToString(crc64(all)));
    expect(count(store, 'data_keys')).toBe(2);
  });

  it('fails GCM authentication on a tampered chunk instead of returning wrong bytes', async () => {
    const id = putContent(store, body, KMS);
    const [, second] = store.db.prepare('SELECT id, data FROM chunks ORDER BY id').all() as Array<{ id: number; data: Buffer }>;
    const tampered = Buffer.from(second!.data);
    tampered[5000]! ^= 0x01;
    store.db.prepare('UPDATE chunks SET data = ? WHERE id = ?').run(tampered, second!.id);
    await expect(readContent(store, id, 0, 10)).resolves.toEqual(body.subarray(0, 10));
    await expect(readContent(store, id)).rejects.toThrow(/authenticate/);
    await expect(readContent(store, id, CHUNK_SIZE + 1, CHUNK_SIZE + 2)).rejects.toThrow(/authenticate/);
  });

  it('decrypts whatever the KMS key enabled flag (refusing reads is the HTTP layer job)', async () => {
    const id = putContent(store, body, KMS);
    store.kms.setEnabled('test-key', false);
    expect((await readContent(store, id, CHUNK_SIZE - 3, CHUNK_SIZE + 3)).equals(body.subarray(CHUNK_SIZE - 3, CHUNK_SIZE + 3))).toBe(true);
  });

  it('creates an unknown KMS key on first use and keeps a declared key master key', async () => {
    expect(store.kms.get('test-key')).toBeUndefined();
    const id = putContent(store, body, KMS);
    const created = store.kms.get('test-key')!;
    expect(created.enabled).toBe(true);
    store.kms.declare('test-key', { enabled: true });
    expect(store.kms.get('test-key')!.masterKey).toEqual(created.masterKey);
    expect((await readContent(store, id)).equals(body)).toBe(true);
  });

  it('reclaims data keys with their last chunk: unref, copies sharing chunks, abort, discard, empty bodies', () => {
    const a = putContent(store, body, KMS);
    const copy = store.tx(() => {
      const id = store.content.compose([{ contentId: a, start: 10, end: 20 }]);
      store.content.ref(id);
      return id;
    });
    store.tx(() => store.content.unref(a));
    expect(count(store, 'chunks')).toBe(1); // the copy still holds the first chunk
    expect(count(store, 'data_keys')).toBe(1);
    store.tx(() => store.content.unref(copy));
    expect(count(store, 'chunks')).toBe(0);
    expect(count(store, 'data_keys')).toBe(0);

    const aborted = store.content.createWriter(KMS);
    aborted.write(body);
    expect(count(store, 'data_keys')).toBe(1);
    aborted.abort();
    expect([count(store, 'chunks'), count(store, 'data_keys')]).toEqual([0, 0]);

    const refused = store.content.createWriter(KMS);
    refused.write(body);
    store.content.discard(refused.finish());
    expect([count(store, 'chunks'), count(store, 'data_keys')]).toEqual([0, 0]);

    const empty = putContent(store, Buffer.alloc(0), KMS);
    expect(store.content.info(empty)?.size).toBe(0);
    expect(count(store, 'data_keys')).toBe(0);
  });

  it('defers reclaiming a data key until a running read finishes', async () => {
    const id = putContent(store, body, KMS);
    const stream = store.content.openReadStream(id, 0, SIZE);
    store.tx(() => store.content.unref(id));
    expect(count(store, 'data_keys')).toBe(1);
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    expect(Buffer.concat(parts).equals(body)).toBe(true);
    expect([count(store, 'chunks'), count(store, 'data_keys')]).toEqual([0, 0]);
  });
});

describe('encrypted content on disk', () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => data.remove());

  it('still decrypts after the store is reopened on the same file', async () => {
    let store = Store.open(data.dir);
    const id = putContent(store, body, KMS);
    const master = store.kms.get('test-key')!.masterKey;
    store.close();
    store = Store.open(data.dir);
    try {
      expect(store.kms.get('test-key')!.masterKey).toEqual(master);
      expect((await readContent(store, id)).equals(body)).toBe(true);
      expect((await readContent(store, id, CHUNK_SIZE - 1, CHUNK_SIZE + 1)).equals(body.subarray(CHUNK_SIZE - 1, CHUNK_SIZE + 1))).toBe(true);
    } finally {
      store.close();
    }
  });

  it('sweeps on restart the chunks and data keys of a writer cut off mid-body', () => {
    let store = Store.open(data.dir);
    const kept = putContent(store, body, KMS);
    const cutOff = store.content.createWriter(KMS);
    cutOff.write(body); // two full chunks flushed, never committed: the process "dies" here
    // A writer killed between storing its data key and its first chunk leaves a key row alone.
    store.db.prepare('INSERT INTO data_keys (kms_key_id, wrapped) VALUES (?, ?)').run('test-key', Buffer.alloc(60));
    expect([count(store, 'chunks'), count(store, 'data_keys')]).toEqual([5, 3]);
    store.close();
    store = Store.open(data.dir);
    try {
      expect([count(store, 'chunks'), count(store, 'data_keys')]).toEqual([3, 1]);
      expect(store.content.info(kept)?.size).toBe(SIZE);
    } finally {
      store.close();
    }
  });

  it('upgrades a database written before encryption: its chunks stay plaintext and readable', async () => {
    const db = new Database(join(data.dir, 'local-oss.sqlite'));
    db.pragma('page_size = 65536');
    db.exec(migrations[0]!);
    db.pragma('user_version = 1');
    const old = Buffer.from('written by an older local-oss');
    const chunk = db.prepare('INSERT INTO chunks (data, refs) VALUES (?, 1)').run(old).lastInsertRowid;
    const content = db.prepare('INSERT INTO contents (size, crc64, refs) VALUES (?, ?, 1)').run(old.length, crc64ToString(crc64(old))).lastInsertRowid;
    db.prepare('INSERT INTO extents VALUES (?, 0, ?, 0, ?, ?)').run(content, chunk, old.length, crc64ToString(crc64(old)));
    db.close();

    const store = Store.open(data.dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(await readContent(store, Number(content), 8, 10)).toEqual(old.subarray(8, 10));
      expect((await readContent(store, putContent(store, body, KMS))).equals(body)).toBe(true);
    } finally {
      store.close();
    }
  });
});
