// Object bytes as chunks and reference-counted immutable contents (see schema.ts for the model).
// Writers stream request bodies into ≤ 1 MiB chunks as they arrive, so memory stays bounded whatever the object
// size; a content only becomes visible when the caller's transaction commits its extents. Readers pin a content
// so that an overwrite or delete that drops its last reference defers the reclaim until the read is done.
// SSE-KMS writers seal each chunk under a data key of their own (domain/kms.ts); everything else here (extents,
// offsets, sizes, CRCs) describes the plaintext, so copies, ranges and CRC combination do not know about it.
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc64, crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';
import type { Db } from './db.js';
import type { KmsStore } from './kms.js';
import { decryptChunk, encryptChunk, generateDataKey, unwrapDataKey } from '../domain/kms.js';

export const CHUNK_SIZE = 1024 * 1024;
/** Bodies up to this size are answered from one buffer instead of a stream. */
const SMALL_BODY = 64 * 1024;

export interface WrittenChunk {
  id: number;
  length: number;
  crc64: bigint;
}

/**
 * What a finished writer holds: chunks on disk that no extent uses yet (not part of any content), and the last
 * partial chunk still in memory. The tail is written by commit()/append() inside the caller's transaction: a small
 * object then costs one commit instead of two (issue 8 profile), and its bytes appear atomically with it.
 */
export interface PendingContent {
  chunks: WrittenChunk[];
  tail?: { data: Buffer; crc64: bigint; write(): number };
  size: number;
  crc64: bigint;
  md5: Buffer;
}

/** A slice of an existing content, used to build new contents without copying bytes. */
export interface ContentSlice {
  contentId: number;
  start: number; // inclusive byte offset
  end: number; // exclusive byte offset
}

export interface WriterOptions {
  /** Encrypt the chunks at rest under this KMS key (created on first use when undeclared). */
  encryption?: { keyId: string };
  /** The body's declared length: a small body gets a buffer of its size, not a whole chunk's. */
  sizeHint?: number;
}

/** Where a writer puts its chunks: as they are, or sealed under the writer's data key. */
interface ChunkSink {
  insert(data: Buffer): number;
  remove(chunkId: number): void;
}

interface ExtentRow {
  seq: number;
  chunk_id: number;
  chunk_offset: number;
  length: number;
  crc64: string;
}

export class ContentStore {
  private readonly pins = new Map<number, number>();
  private readonly deferred = new Set<number>();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly kms: KmsStore,
  ) {
    this.stmt = {
      insertChunk: db.prepare('INSERT INTO chunks (data, data_key_id) VALUES (?, ?)'),
      // RETURNING tells which data key may have lost its last chunk (undefined: no row was deleted).
      deleteChunk: db.prepare('DELETE FROM chunks WHERE id = @id RETURNING data_key_id').pluck(),
      // A sealed chunk only decrypts whole (the GCM tag covers all of it); a plain one is sliced by SQLite.
      chunkSlice: db.prepare(
        'SELECT data_key_id, CASE WHEN data_key_id IS NULL THEN substr(data, ?, ?) ELSE data END AS data FROM chunks WHERE id = ?',
      ),
      insertDataKey: db.prepare('INSERT INTO data_keys (kms_key_id, wrapped) VALUES (?, ?)'),
      dataKey: db.prepare('SELECT kms_key_id, wrapped FROM data_keys WHERE id = ?'),
      deleteUnusedDataKey: db.prepare(
        'DELETE FROM data_keys WHERE id = ? AND NOT EXISTS (SELECT 1 FROM chunks WHERE data_key_id = ?)',
      ),
      insertContent: db.prepare('INSERT INTO contents (size, crc64, refs) VALUES (?, ?, 0)'),
      insertExtent: db.prepare(
        'INSERT INTO extents (content_id, seq, chunk_id, chunk_offset, length, crc64) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      extents: db.prepare(
        'SELECT seq, chunk_id, chunk_offset, length, crc64 FROM extents WHERE content_id = ? ORDER BY seq',
      ),
      content: db.prepare('SELECT size, crc64, refs FROM contents WHERE id = ?'),
      refContent: db.prepare('UPDATE contents SET refs = refs + ? WHERE id = ? RETURNING refs').pluck(),
      deleteContent: db.prepare('DELETE FROM contents WHERE id = ?'),
      chunksOf: db.prepare('SELECT DISTINCT chunk_id FROM extents WHERE content_id = ?').pluck(),
      // A chunk is in use while an extent points at it (index extents_by_chunk); see schema.ts migration 4.
      deleteUnusedChunk: db.prepare(
        'DELETE FROM chunks WHERE id = @id AND NOT EXISTS (SELECT 1 FROM extents WHERE chunk_id = @id) RETURNING data_key_id',
      ).pluck(),
    };
  }

  /**
   * A streaming writer; bytes go to disk a chunk at a time. Call abort() if the request fails. With `encryption`
   * the chunks are sealed at rest; whether the KMS key may be used (enabled) is the caller's check.
   */
  createWriter(options: WriterOptions = {}): ContentWriter {
    const sink = options.encryption ? this.sealingSink(options.encryption.keyId) : this.plainSink();
    return new ContentWriter(sink, options.sizeHint);
  }

  /** Turns written chunks into a content (inside the caller's transaction). The content starts with refs 0. */
  commit(pending: PendingContent): number {
    const contentId = Number(
      this.stmt.insertContent.run(pending.size, crc64ToString(pending.crc64)).lastInsertRowid,
    );
    written(pending).forEach((c, seq) => {
      this.stmt.insertExtent.run(contentId, seq, c.id, 0, c.length, crc64ToString(c.crc64));
    });
    return contentId;
  }

  /** Builds a new content from slices of existing ones, writing extent rows only (no byte is copied). */
  compose(slices: ContentSlice[]): number {
    let size = 0;
    let crc = 0n;
    const parts: Array<{ chunkId: number; offset: number; length: number; crc: bigint }> = [];
    for (const slice of slices) {
      for (const part of this.sliceExtents(slice)) {
        parts.push(part);
        crc = crc64Combine(crc, part.crc, part.length);
        size += part.length;
      }
    }
    const contentId = Number(this.stmt.insertContent.run(size, crc64ToString(crc)).lastInsertRowid);
    parts.forEach((p, seq) => {
      this.stmt.insertExtent.run(contentId, seq, p.chunkId, p.offset, p.length, crc64ToString(p.crc));
    });
    return contentId;
  }

  /** A new content: the whole of `baseId` (extent rows only) followed by freshly written chunks (AppendObject). */
  append(baseId: number | null, pending: PendingContent): number {
    const base = baseId === null ? undefined : this.info(baseId);
    const parts = base === undefined ? [] : this.sliceExtents({ contentId: baseId!, start: 0, end: base.size });
    const baseCrc = base === undefined ? 0n : parseCrc64(base.crc64)!;
    const size = (base?.size ?? 0) + pending.size;
    const crc = crc64Combine(baseCrc, pending.crc64, pending.size);
    const contentId = Number(this.stmt.insertContent.run(size, crc64ToString(crc)).lastInsertRowid);
    let seq = 0;
    for (const p of parts) {
      this.stmt.insertExtent.run(contentId, seq++, p.chunkId, p.offset, p.length, crc64ToString(p.crc));
    }
    for (const c of written(pending)) {
      this.stmt.insertExtent.run(contentId, seq++, c.id, 0, c.length, crc64ToString(c.crc64));
    }
    return contentId;
  }

  /** Deletes received chunks that will not be committed (the request was refused after its body arrived). */
  discard(pending: PendingContent): void {
    for (const c of pending.chunks) this.dropChunk(this.stmt.deleteChunk, c.id);
  }

  info(contentId: number): { size: number; crc64: string } | undefined {
    return this.stmt.content.get(contentId) as { size: number; crc64: string } | undefined;
  }

  ref(contentId: number): void {
    this.stmt.refContent.get(1, contentId);
  }

  /** Drops one reference; the last one reclaims the content's chunks (now, or when its readers finish). */
  unref(contentId: number): void {
    const refs = this.stmt.refContent.get(-1, contentId) as number | undefined;
    if (refs !== undefined && refs <= 0) {
      if (this.pins.has(contentId)) this.deferred.add(contentId);
      else this.reclaim(contentId);
    }
  }

  /**
   * Reclaims what a crash left: chunks no extent uses (an upload cut off mid-body), unreferenced contents, and
   * data keys no chunk uses (a writer killed between storing its key and its first chunk).
   */
  sweep(): { chunks: number; contents: number; dataKeys: number } {
    return this.db.transaction(() => {
      const deadContents = this.db.prepare('SELECT id FROM contents WHERE refs <= 0').pluck().all() as number[];
      for (const id of deadContents) this.reclaim(id);
      const chunks = this.db
        .prepare('DELETE FROM chunks WHERE id NOT IN (SELECT chunk_id FROM extents)')
        .run().changes;
      const dataKeys = this.db
        .prepare('DELETE FROM data_keys WHERE id NOT IN (SELECT data_key_id FROM chunks WHERE data_key_id IS NOT NULL)')
        .run().changes;
      return { chunks, contents: deadContents.length, dataKeys };
    })();
  }

  /**
   * Bytes [start, end) of a content, one chunk slice at a time (decrypted), synchronously: the stream below and
   * copies that re-encrypt inside a transaction both read through it. The caller keeps the content alive.
   */
  *slices(contentId: number, start: number, end: number): Generator<Buffer> {
    const extents = this.stmt.extents.all(contentId) as ExtentRow[];
    const keys = this.dataKeys();
    let offset = 0; // content offset at the start of the extent
    for (const e of extents) {
      const eStart = offset;
      const eEnd = offset + e.length;
      offset = eEnd;
      if (eEnd <= start) continue;
      if (eStart >= end) break;
      const from = Math.max(start, eStart) - eStart;
      const to = Math.min(end, eEnd) - eStart;
      const data = this.readChunk(e.chunk_id, e.chunk_offset + from, to - from, keys);
      if (data === undefined) throw new Error(`chunk ${e.chunk_id} of content ${contentId} is missing`);
      yield data;
    }
  }

  /**
   * A response body for bytes [start, end): small ranges are read at once into one buffer (a stream's setup and
   * teardown cost more than the bytes: issue 8 profile of 1 KiB GETs), larger ones are streamed.
   */
  body(contentId: number, start: number, end: number): Buffer | Readable {
    if (end - start > SMALL_BODY) return this.openReadStream(contentId, start, end);
    const parts = [...this.slices(contentId, start, end)];
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** Streams bytes [start, end) of a content, a chunk slice at a time. */
  openReadStream(contentId: number, start: number, end: number): Readable {
    this.pin(contentId);
    const slices = this.slices(contentId, start, end);
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.unpin(contentId);
      }
    };
    return new Readable({
      highWaterMark: CHUNK_SIZE,
      read() {
        try {
          const next = slices.next();
          if (next.done) {
            release();
            this.push(null);
          } else {
            this.push(next.value);
          }
        } catch (err) {
          release();
          this.destroy(err as Error);
        }
      },
      destroy(err, cb) {
        release();
        cb(err);
      },
    });
  }

  private sliceExtents(slice: ContentSlice): Array<{ chunkId: number; offset: number; length: number; crc: bigint }> {
    const out: Array<{ chunkId: number; offset: number; length: number; crc: bigint }> = [];
    const keys = this.dataKeys();
    let offset = 0;
    for (const e of this.stmt.extents.all(slice.contentId) as ExtentRow[]) {
      const eStart = offset;
      const eEnd = offset + e.length;
      offset = eEnd;
      if (eEnd <= slice.start) continue;
      if (eStart >= slice.end) break;
      const from = Math.max(slice.start, eStart) - eStart;
      const to = Math.min(slice.end, eEnd) - eStart;
      const whole = from === 0 && to === e.length;
      // A partial extent needs its own CRC: read just that slice (at most one chunk) to compute it.
      const crc = whole
        ? parseCrc64(e.crc64)!
        : crc64(this.readChunk(e.chunk_id, e.chunk_offset + from, to - from, keys)!);
      out.push({ chunkId: e.chunk_id, offset: e.chunk_offset + from, length: to - from, crc });
    }
    return out;
  }

  private plainSink(): ChunkSink {
    return {
      insert: (data) => Number(this.stmt.insertChunk.run(data, null).lastInsertRowid),
      remove: (chunkId) => this.dropChunk(this.stmt.deleteChunk, chunkId),
    };
  }

  /**
   * Envelope encryption: one data key per writer, stored wrapped under the KMS key's master key. A key per writer
   * also keeps random GCM nonces far from collision (≤ 5 GiB / 1 MiB chunks under one key; SP 800-38D §8.3).
   */
  private sealingSink(keyId: string): ChunkSink {
    const { plaintext: dataKey, wrapped } = generateDataKey(this.kms.getOrCreate(keyId).masterKey);
    // The row is stored with the first chunk, so an empty body leaves no data key behind.
    let dataKeyId: number | undefined;
    const insert = this.db.transaction((data: Buffer) => {
      const keyRow = dataKeyId ?? Number(this.stmt.insertDataKey.run(keyId, wrapped).lastInsertRowid);
      const chunkId = Number(this.stmt.insertChunk.run(encryptChunk(dataKey, data), keyRow).lastInsertRowid);
      dataKeyId = keyRow; // only once both inserts succeeded: a rolled-back insert takes the key row with it
      return chunkId;
    });
    return {
      insert: (data) => insert(data),
      remove: (chunkId) => {
        if (this.dropChunk(this.stmt.deleteChunk, chunkId)) dataKeyId = undefined;
      },
    };
  }

  /** Deletes a chunk, and its data key with it when that was the key's last chunk. True if the key went. */
  private dropChunk(deleteStmt: ReturnType<Db['prepare']>, chunkId: number): boolean {
    const dataKeyId = deleteStmt.get({ id: chunkId }) as number | null | undefined;
    if (typeof dataKeyId !== 'number') return false;
    return this.stmt.deleteUnusedDataKey.run(dataKeyId, dataKeyId).changes > 0;
  }

  /** Plaintext bytes [offset, offset + length) of a chunk; undefined when the chunk is gone. */
  private readChunk(chunkId: number, offset: number, length: number, keys: (id: number) => Buffer): Buffer | undefined {
    const row = this.stmt.chunkSlice.get(offset + 1, length, chunkId) as
      | { data_key_id: number | null; data: Buffer }
      | undefined;
    if (row === undefined || row.data_key_id === null) return row?.data;
    return decryptChunk(keys(row.data_key_id), row.data).subarray(offset, offset + length);
  }

  /**
   * Unwraps data keys for one read, remembering the last (a content's chunks mostly share one writer's key).
   * Not shared between reads: a data key id is reused once its row is deleted, and only a read's own pinned
   * content guarantees its keys stay. The master key is used whether or not the KMS key is enabled.
   */
  private dataKeys(): (dataKeyId: number) => Buffer {
    let lastId: number | undefined;
    let lastKey: Buffer | undefined;
    return (dataKeyId) => {
      if (dataKeyId !== lastId || lastKey === undefined) {
        const row = this.stmt.dataKey.get(dataKeyId) as { kms_key_id: string; wrapped: Buffer } | undefined;
        if (row === undefined) throw new Error(`data key ${dataKeyId} is missing`);
        const key = this.kms.get(row.kms_key_id);
        if (key === undefined) throw new Error(`KMS key ${row.kms_key_id} of data key ${dataKeyId} is missing`);
        lastKey = unwrapDataKey(key.masterKey, row.wrapped);
        lastId = dataKeyId;
      }
      return lastKey;
    };
  }

  private pin(contentId: number): void {
    this.pins.set(contentId, (this.pins.get(contentId) ?? 0) + 1);
  }

  private unpin(contentId: number): void {
    const n = (this.pins.get(contentId) ?? 1) - 1;
    if (n > 0) {
      this.pins.set(contentId, n);
      return;
    }
    this.pins.delete(contentId);
    if (this.deferred.delete(contentId)) {
      if (this.info(contentId) !== undefined) this.db.transaction(() => this.reclaim(contentId))();
    }
  }

  private reclaim(contentId: number): void {
    const chunkIds = this.stmt.chunksOf.all(contentId) as number[];
    this.stmt.deleteContent.run(contentId); // extents go with it (ON DELETE CASCADE)
    for (const id of chunkIds) this.dropChunk(this.stmt.deleteUnusedChunk, id);
  }
}

/** The pending chunks with the tail written now (inside the caller's transaction: a rollback takes it back). */
function written(pending: PendingContent): WrittenChunk[] {
  const { tail } = pending;
  if (tail === undefined) return pending.chunks;
  return [...pending.chunks, { id: tail.write(), length: tail.data.length, crc64: tail.crc64 }];
}

/** Accumulates a request body into ≤ 1 MiB chunks, hashing (MD5, CRC-64) as the bytes pass. */
export class ContentWriter {
  private buffer: Buffer;
  private filled = 0;
  private readonly chunks: WrittenChunk[] = [];
  private readonly md5: Hash = createHash('md5');
  private crc = 0n;
  private size = 0;

  constructor(
    private readonly sink: ChunkSink,
    sizeHint = CHUNK_SIZE,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(CHUNK_SIZE, Math.max(0, sizeHint)));
  }

  write(data: Buffer): void {
    this.md5.update(data);
    this.size += data.length;
    let pos = 0;
    while (pos < data.length) {
      if (this.buffer.length < CHUNK_SIZE && this.filled + data.length - pos > this.buffer.length) this.grow();
      const n = Math.min(CHUNK_SIZE - this.filled, data.length - pos);
      data.copy(this.buffer, this.filled, pos, pos + n);
      this.filled += n;
      pos += n;
      if (this.filled === CHUNK_SIZE) this.flush();
    }
  }

  finish(): PendingContent {
    const md5 = this.md5.digest();
    if (this.filled === 0) return { chunks: this.chunks, size: this.size, crc64: this.crc, md5 };
    const data = this.buffer.subarray(0, this.filled);
    const tailCrc = crc64(data);
    const sink = this.sink;
    return {
      chunks: this.chunks,
      tail: { data, crc64: tailCrc, write: () => sink.insert(data) },
      size: this.size,
      crc64: crc64Combine(this.crc, tailCrc, data.length),
      md5,
    };
  }

  /** Deletes the chunks written so far (nothing references them yet). */
  abort(): void {
    for (const c of this.chunks) this.sink.remove(c.id);
    this.chunks.length = 0;
  }

  /** More bytes than the hint said (a chunked body): continue in a whole chunk's buffer. */
  private grow(): void {
    const bigger = Buffer.allocUnsafe(CHUNK_SIZE);
    this.buffer.copy(bigger, 0, 0, this.filled);
    this.buffer = bigger;
  }

  private flush(): void {
    const data = this.buffer.subarray(0, this.filled);
    const chunkCrc = crc64(data);
    const id = this.sink.insert(data);
    this.chunks.push({ id, length: this.filled, crc64: chunkCrc });
    this.crc = crc64Combine(this.crc, chunkCrc, this.filled);
    this.filled = 0;
  }
}
