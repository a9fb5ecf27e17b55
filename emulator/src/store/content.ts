// Object bytes as reference-counted chunks and immutable contents (see schema.ts for the model).
// Writers stream request bodies into ≤ 1 MiB chunks as they arrive, so memory stays bounded whatever the object
// size; a content only becomes visible when the caller's transaction commits its extents. Readers pin a content
// so that an overwrite or delete that drops its last reference defers the reclaim until the read is done.
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc64, crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';
import type { Db } from './db.js';

export const CHUNK_SIZE = 1024 * 1024;

export interface WrittenChunk {
  id: number;
  length: number;
  crc64: bigint;
}

/** What a finished writer holds: chunks on disk (refs 0) not yet part of any content. */
export interface PendingContent {
  chunks: WrittenChunk[];
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

  constructor(private readonly db: Db) {
    this.stmt = {
      insertChunk: db.prepare('INSERT INTO chunks (data, refs) VALUES (?, 0)'),
      deleteChunk: db.prepare('DELETE FROM chunks WHERE id = ?'),
      chunkSlice: db.prepare('SELECT substr(data, ?, ?) AS data FROM chunks WHERE id = ?').pluck(),
      insertContent: db.prepare('INSERT INTO contents (size, crc64, refs) VALUES (?, ?, 0)'),
      insertExtent: db.prepare(
        'INSERT INTO extents (content_id, seq, chunk_id, chunk_offset, length, crc64) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      refChunk: db.prepare('UPDATE chunks SET refs = refs + ? WHERE id = ?'),
      extents: db.prepare(
        'SELECT seq, chunk_id, chunk_offset, length, crc64 FROM extents WHERE content_id = ? ORDER BY seq',
      ),
      content: db.prepare('SELECT size, crc64, refs FROM contents WHERE id = ?'),
      refContent: db.prepare('UPDATE contents SET refs = refs + ? WHERE id = ? RETURNING refs').pluck(),
      deleteContent: db.prepare('DELETE FROM contents WHERE id = ?'),
      chunksOf: db.prepare('SELECT DISTINCT chunk_id FROM extents WHERE content_id = ?').pluck(),
      releaseChunks: db.prepare(
        'UPDATE chunks SET refs = refs - (SELECT count(*) FROM extents WHERE content_id = ? AND chunk_id = chunks.id) WHERE id IN (SELECT chunk_id FROM extents WHERE content_id = ?)',
      ),
      deleteUnrefChunk: db.prepare('DELETE FROM chunks WHERE id = ? AND refs <= 0'),
    };
  }

  /** A streaming writer; bytes go to disk a chunk at a time. Call abort() if the request fails. */
  createWriter(): ContentWriter {
    return new ContentWriter(this.stmt.insertChunk, this.stmt.deleteChunk);
  }

  /** Turns written chunks into a content (inside the caller's transaction). The content starts with refs 0. */
  commit(pending: PendingContent): number {
    const contentId = Number(
      this.stmt.insertContent.run(pending.size, crc64ToString(pending.crc64)).lastInsertRowid,
    );
    pending.chunks.forEach((c, seq) => {
      this.stmt.insertExtent.run(contentId, seq, c.id, 0, c.length, crc64ToString(c.crc64));
      this.stmt.refChunk.run(1, c.id);
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
      this.stmt.refChunk.run(1, p.chunkId);
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
      this.stmt.refChunk.run(1, p.chunkId);
    }
    for (const c of pending.chunks) {
      this.stmt.insertExtent.run(contentId, seq++, c.id, 0, c.length, crc64ToString(c.crc64));
      this.stmt.refChunk.run(1, c.id);
    }
    return contentId;
  }

  /** Deletes received chunks that will not be committed (the request was refused after its body arrived). */
  discard(pending: PendingContent): void {
    for (const c of pending.chunks) this.stmt.deleteChunk.run(c.id);
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

  /** Reclaims what a crash left: chunks no extent uses (an upload cut off mid-body) and unreferenced contents. */
  sweep(): { chunks: number; contents: number } {
    return this.db.transaction(() => {
      const deadContents = this.db.prepare('SELECT id FROM contents WHERE refs <= 0').pluck().all() as number[];
      for (const id of deadContents) this.reclaim(id);
      const chunks = this.db
        .prepare('DELETE FROM chunks WHERE id NOT IN (SELECT chunk_id FROM extents)')
        .run().changes;
      return { chunks, contents: deadContents.length };
    })();
  }

  /** Streams bytes [start, end) of a content, a chunk slice at a time. */
  openReadStream(contentId: number, start: number, end: number): Readable {
    const extents = this.stmt.extents.all(contentId) as ExtentRow[];
    this.pin(contentId);
    let index = 0;
    let offset = 0; // content offset at the start of extents[index]
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.unpin(contentId);
      }
    };
    const store = this;
    const stream = new Readable({
      highWaterMark: CHUNK_SIZE,
      read() {
        try {
          while (index < extents.length) {
            const e = extents[index]!;
            const eStart = offset;
            const eEnd = offset + e.length;
            index++;
            offset = eEnd;
            if (eEnd <= start) continue;
            if (eStart >= end) break;
            const from = Math.max(start, eStart) - eStart;
            const to = Math.min(end, eEnd) - eStart;
            const data = store.stmt.chunkSlice.get(e.chunk_offset + from + 1, to - from, e.chunk_id) as
              | Buffer
              | undefined;
            if (data === undefined) throw new Error(`chunk ${e.chunk_id} of content ${contentId} is missing`);
            this.push(data);
            return;
          }
          release();
          this.push(null);
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
    return stream;
  }

  private sliceExtents(slice: ContentSlice): Array<{ chunkId: number; offset: number; length: number; crc: bigint }> {
    const out: Array<{ chunkId: number; offset: number; length: number; crc: bigint }> = [];
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
        : crc64(this.stmt.chunkSlice.get(e.chunk_offset + from + 1, to - from, e.chunk_id) as Buffer);
      out.push({ chunkId: e.chunk_id, offset: e.chunk_offset + from, length: to - from, crc });
    }
    return out;
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
    this.stmt.releaseChunks.run(contentId, contentId);
    this.stmt.deleteContent.run(contentId); // extents go with it (ON DELETE CASCADE)
    for (const id of chunkIds) this.stmt.deleteUnrefChunk.run(id);
  }
}

/** Accumulates a request body into ≤ 1 MiB chunks, hashing (MD5, CRC-64) as the bytes pass. */
export class ContentWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  private filled = 0;
  private readonly chunks: WrittenChunk[] = [];
  private readonly md5: Hash = createHash('md5');
  private crc = 0n;
  private size = 0;

  constructor(
    private readonly insertChunk: ReturnType<Db['prepare']>,
    private readonly deleteChunk: ReturnType<Db['prepare']>,
  ) {}

  write(data: Buffer): void {
    this.md5.update(data);
    this.size += data.length;
    let pos = 0;
    while (pos < data.length) {
      const n = Math.min(CHUNK_SIZE - this.filled, data.length - pos);
      data.copy(this.buffer, this.filled, pos, pos + n);
      this.filled += n;
      pos += n;
      if (this.filled === CHUNK_SIZE) this.flush();
    }
  }

  finish(): PendingContent {
    if (this.filled > 0) this.flush();
    return { chunks: this.chunks, size: this.size, crc64: this.crc, md5: this.md5.digest() };
  }

  /** Deletes the chunks written so far (nothing references them yet). */
  abort(): void {
    for (const c of this.chunks) this.deleteChunk.run(c.id);
    this.chunks.length = 0;
  }

  private flush(): void {
    const data = this.buffer.subarray(0, this.filled);
    const chunkCrc = crc64(data);
    const id = Number(this.insertChunk.run(data).lastInsertRowid);
    this.chunks.push({ id, length: this.filled, crc64: chunkCrc });
    this.crc = crc64Combine(this.crc, chunkCrc, this.filled);
    this.filled = 0;
  }
}
