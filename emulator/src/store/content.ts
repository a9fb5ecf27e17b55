// What a version's bytes are made of: immutable, reference-counted contents as extents over chunks, shared by copies.
import { Readable } from 'node:stream';
import { crc64, crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';
import { BLOB_BASE, type Db } from './db.js';
import type { KmsStore } from './kms.js';
import { decryptChunk, unwrapDataKey } from '../domain/kms.js';
import {
  CHUNK_SIZE,
  ChunkRows,
  ContentWriter,
  written,
  type PendingContent,
  type WriterOptions,
} from './contentWriter.js';
import { isStorageFull, type Space } from './space.js';

/** Bodies up to this size are answered from one buffer instead of a stream. */
const SMALL_BODY = 64 * 1024;

/** A slice of an existing content, used to build new contents without copying bytes. */
export interface ContentSlice {
  contentId: number;
  start: number; // inclusive byte offset
  end: number; // exclusive byte offset
}

interface ExtentRow {
  seq: number;
  chunk_id: number;
  chunk_offset: number;
  length: number;
  crc64: string;
}

/** An extent of a content being built: `length` bytes of a chunk from `offset`, with their CRC. */
interface Extent {
  chunkId: number;
  offset: number;
  length: number;
  crc: bigint;
}

/**
 * Contents and their extents (see schema.ts for the model). A content only becomes visible when the caller's
 * transaction commits its extents. Readers pin a content so that an overwrite or delete that drops its last
 * reference defers the reclaim until the read is done. Extents, offsets, sizes and CRCs describe the plaintext, so
 * copies, ranges and CRC combination do not know whether a chunk is sealed (contentWriter.ts); reading unseals it.
 */
export class ContentStore {
  private readonly chunks: ChunkRows;
  private readonly pins = new Map<number, number>();
  private readonly deferred = new Set<number>();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly kms: KmsStore,
    private readonly space: Space,
  ) {
    this.chunks = new ChunkRows(db, kms);
    this.stmt = {
      // A sealed chunk only decrypts whole (the GCM tag covers all of it); a plain one is sliced by SQLite.
      chunkSlice: db.prepare(
        'SELECT data_key_id, CASE WHEN data_key_id IS NULL THEN substr(data, ?, ?) ELSE data END AS data FROM chunks WHERE id = ?',
      ),
      // A whole chunk is read as it is: substr copies the blob once more, which was half of a 1 MiB read's CPU
      // (0.61-0.63 vs 0.27-0.28 ms per MiB in a loop of reads here; bench/README.md, "Whole-chunk reads").
      blobSlice: db.prepare(
        'SELECT CASE WHEN ? = 1 AND length(data) = ? THEN data ELSE substr(data, ?, ?) END FROM blobs.chunks WHERE id = ?',
      ).pluck(),
      dataKey: db.prepare('SELECT kms_key_id, wrapped FROM data_keys WHERE id = ?'),
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
    };
  }

  /**
   * A streaming writer; bytes go to disk a chunk at a time. Call abort() if the request fails. With `encryption`
   * the chunks are sealed at rest; whether the KMS key may be used (enabled) is the caller's check.
   */
  createWriter(options: WriterOptions = {}): ContentWriter {
    // On a full disk the upload is refused before a byte is stored (space.ts): it would fail, and its chunks would
    // take the room the deletes that free space need.
    const sink = this.chunks.sink(options.encryption);
    const first = Math.min(CHUNK_SIZE, options.sizeHint ?? CHUNK_SIZE);
    this.space.ensureWritable(first, sink.blobs && first === CHUNK_SIZE);
    const space = this.space;
    return new ContentWriter(
      {
        blobs: sink.blobs,
        insert(data) {
          // A long body stops at the chunk that would not fit; one that fits only in the main file goes there.
          const toBlobs = space.ensureWritable(data.length, sink.blobs);
          try {
            return sink.insert(data, !toBlobs);
          } catch (err) {
            if (isStorageFull(err)) space.noteFull(); // so the abort that follows has the reserve to commit into
            throw err;
          }
        },
        // A refused write's chunks are removed even on a full disk: leaving them would leak the space until restart.
        remove: (chunkId) => space.freeing(() => sink.remove(chunkId)),
      },
      options.sizeHint,
      options.md5OffThread,
    );
  }

  /** Turns written chunks into a content (inside the caller's transaction). The content starts with refs 0. */
  commit(pending: PendingContent): number {
    return this.insertContent(pending.size, pending.crc64, extentsOf(pending));
  }

  /** Builds a new content from slices of existing ones, writing extent rows only (no byte is copied). */
  compose(slices: ContentSlice[]): number {
    let size = 0;
    let crc = 0n;
    const parts: Extent[] = [];
    for (const slice of slices) {
      for (const part of this.sliceExtents(slice)) {
        parts.push(part);
        crc = crc64Combine(crc, part.crc, part.length);
        size += part.length;
      }
    }
    return this.insertContent(size, crc, parts);
  }

  /** A new content: the whole of `baseId` (extent rows only) followed by freshly written chunks (AppendObject). */
  append(baseId: number | null, pending: PendingContent): number {
    const base = baseId === null ? undefined : this.info(baseId);
    const parts = base === undefined ? [] : this.sliceExtents({ contentId: baseId!, start: 0, end: base.size });
    const baseCrc = base === undefined ? 0n : parseCrc64(base.crc64)!;
    const size = (base?.size ?? 0) + pending.size;
    const crc = crc64Combine(baseCrc, pending.crc64, pending.size);
    return this.insertContent(size, crc, parts, extentsOf(pending));
  }

  /** Deletes received chunks that will not be committed (the request was refused after its body arrived). */
  discard(pending: PendingContent): void {
    this.space.freeing(() => this.db.transaction(() => {
      for (const c of pending.chunks) this.chunks.drop(c.id);
    })());
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
      const chunks =
        this.db.prepare('DELETE FROM chunks WHERE id NOT IN (SELECT chunk_id FROM extents)').run().changes +
        this.db.prepare(`DELETE FROM blobs.chunks WHERE id > ${BLOB_BASE} AND id NOT IN (SELECT chunk_id FROM main.extents)`).run().changes;
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
    const keys = this.dataKeys();
    for (const { e, from, to } of this.extentsIn(contentId, start, end)) {
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

  /** A new content of `size` bytes and CRC `crc`, made of the extents given (in order). It starts with refs 0. */
  private insertContent(size: number, crc: bigint, ...runs: Iterable<Extent>[]): number {
    const contentId = Number(this.stmt.insertContent.run(size, crc64ToString(crc)).lastInsertRowid);
    let seq = 0;
    for (const run of runs) {
      for (const p of run) {
        this.stmt.insertExtent.run(contentId, seq++, p.chunkId, p.offset, p.length, crc64ToString(p.crc));
      }
    }
    return contentId;
  }

  /** The extents of a content that overlap bytes [start, end), each with the part [from, to) of it they hold. */
  private *extentsIn(contentId: number, start: number, end: number): Generator<{ e: ExtentRow; from: number; to: number }> {
    const extents = this.stmt.extents.all(contentId) as ExtentRow[];
    let offset = 0; // content offset at the start of the extent
    for (const e of extents) {
      const eStart = offset;
      const eEnd = offset + e.length;
      offset = eEnd;
      if (eEnd <= start) continue;
      if (eStart >= end) break;
      yield { e, from: Math.max(start, eStart) - eStart, to: Math.min(end, eEnd) - eStart };
    }
  }

  private sliceExtents(slice: ContentSlice): Extent[] {
    const out: Extent[] = [];
    const keys = this.dataKeys();
    for (const { e, from, to } of this.extentsIn(slice.contentId, slice.start, slice.end)) {
      const whole = from === 0 && to === e.length;
      // A partial extent needs its own CRC: read just that slice (at most one chunk) to compute it.
      const crc = whole
        ? parseCrc64(e.crc64)!
        : crc64(this.readChunk(e.chunk_id, e.chunk_offset + from, to - from, keys)!);
      out.push({ chunkId: e.chunk_id, offset: e.chunk_offset + from, length: to - from, crc });
    }
    return out;
  }

  /** Plaintext bytes [offset, offset + length) of a chunk; undefined when the chunk is gone. */
  private readChunk(chunkId: number, offset: number, length: number, keys: (id: number) => Buffer): Buffer | undefined {
    if (chunkId > BLOB_BASE) return this.stmt.blobSlice.get(offset + 1, length, offset + 1, length, chunkId) as Buffer | undefined;
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
      if (this.info(contentId) !== undefined) this.space.freeing(() => this.db.transaction(() => this.reclaim(contentId))());
    }
  }

  private reclaim(contentId: number): void {
    const chunkIds = this.stmt.chunksOf.all(contentId) as number[];
    this.stmt.deleteContent.run(contentId); // extents go with it (ON DELETE CASCADE)
    for (const id of chunkIds) this.chunks.dropIfUnused(id);
  }
}

/** A writer's chunks as the extents of a new content, the tail written when reached (in the caller's transaction). */
function* extentsOf(pending: PendingContent): Generator<Extent> {
  for (const c of written(pending)) yield { chunkId: c.id, offset: 0, length: c.length, crc: c.crc64 };
}
