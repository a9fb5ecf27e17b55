// A body is received before it is any content: the streaming writer, its chunk sinks and what it leaves pending.
import { createHash, type Hash } from 'node:crypto';
import { crc64, crc64Combine } from '@local-oss/client';
import { BLOB_BASE, type Db } from './db.js';
import type { KmsStore } from './kms.js';
import { encryptChunk, generateDataKey } from '../domain/kms.js';
import { OffThreadMd5, md5WorkerOnline } from './md5Worker.js';

export const CHUNK_SIZE = 1024 * 1024;

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

export interface WriterOptions {
  /** Encrypt the chunks at rest under this KMS key (created on first use when undeclared). */
  encryption?: { keyId: string };
  /** The body's declared length: a small body gets a buffer of its size, not a whole chunk's. */
  sizeHint?: number;
  /**
   * MD5 on the worker thread (md5Worker.ts) for a body of a chunk or more (or of unknown size), once that thread is
   * online: finish the writer with finished(), not finish(). For bodies streamed from a request (http/body.ts).
   */
  md5OffThread?: boolean;
}

/** Where a writer puts its chunks: as they are, or sealed under the writer's data key. */
export interface ChunkSink {
  /** Whether a chunk inserted outside a transaction goes to local-oss.blobs.sqlite (plain ones do, sealed ones not). */
  readonly blobs: boolean;
  /** `inMain`: a whole chunk that only the main file has room for (space.ts ensureWritable). */
  insert(data: Buffer, inMain?: boolean): number;
  remove(chunkId: number): void;
}

/** The pending chunks with the tail written now (inside the caller's transaction: a rollback takes it back). */
export function written(pending: PendingContent): WrittenChunk[] {
  const { tail } = pending;
  if (tail === undefined) return pending.chunks;
  return [...pending.chunks, { id: tail.write(), length: tail.data.length, crc64: tail.crc64 }];
}

/**
 * The chunk rows as writers add them and as they are dropped, each with the data key of a sealed one (SSE-KMS
 * writers seal each chunk under a data key of their own, domain/kms.ts; nothing else knows of the sealing).
 */
export class ChunkRows {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly kms: KmsStore,
  ) {
    this.stmt = {
      insertChunk: db.prepare('INSERT INTO chunks (data, data_key_id) VALUES (?, ?)'),
      // RETURNING tells which data key may have lost its last chunk (undefined: no row was deleted).
      deleteChunk: db.prepare('DELETE FROM chunks WHERE id = @id RETURNING data_key_id').pluck(),
      // A chunk is in use while an extent points at it (index extents_by_chunk); see schema.ts migration 4.
      deleteUnusedChunk: db.prepare(
        'DELETE FROM chunks WHERE id = @id AND NOT EXISTS (SELECT 1 FROM extents WHERE chunk_id = @id) RETURNING data_key_id',
      ).pluck(),
      // Whole chunks, written outside any transaction: local-oss.blobs.sqlite (db.ts attachBlobs). The row BLOB_BASE
      // is never deleted.
      insertBlob: db.prepare('INSERT INTO blobs.chunks (data) VALUES (?)'),
      deleteBlob: db.prepare(`DELETE FROM blobs.chunks WHERE id = @id AND id > ${BLOB_BASE} RETURNING NULL`).pluck(),
      deleteUnusedBlob: db.prepare(
        `DELETE FROM blobs.chunks WHERE id = @id AND id > ${BLOB_BASE} AND NOT EXISTS (SELECT 1 FROM main.extents WHERE chunk_id = @id) RETURNING NULL`,
      ).pluck(),
      insertDataKey: db.prepare('INSERT INTO data_keys (kms_key_id, wrapped) VALUES (?, ?)'),
      deleteUnusedDataKey: db.prepare(
        'DELETE FROM data_keys WHERE id = ? AND NOT EXISTS (SELECT 1 FROM chunks WHERE data_key_id = ?)',
      ),
    };
  }

  /** A new writer's sink: sealing under `encryption`'s KMS key, or plain. */
  sink(encryption: WriterOptions['encryption']): ChunkSink {
    return encryption ? this.sealingSink(encryption.keyId) : this.plainSink();
  }

  /** Deletes a chunk, and its data key with it when that was the key's last chunk. True if the key went. */
  drop(chunkId: number): boolean {
    if (chunkId > BLOB_BASE) return this.dropWith(this.stmt.deleteBlob, chunkId);
    return this.dropWith(this.stmt.deleteChunk, chunkId);
  }

  /** Deletes a chunk unless an extent still uses it (another content shares it), with its data key likewise. */
  dropIfUnused(chunkId: number): void {
    this.dropWith(chunkId > BLOB_BASE ? this.stmt.deleteUnusedBlob : this.stmt.deleteUnusedChunk, chunkId);
  }

  /**
   * A chunk written outside a transaction commits alone, before whatever will point at it: it goes to the blobs file,
   * written once. One written inside the caller's transaction (a body's tail) must commit with it: the main file.
   */
  private plainSink(): ChunkSink {
    return {
      blobs: true,
      insert: (data, inMain = false) =>
        Number((this.db.inTransaction || inMain ? this.stmt.insertChunk.run(data, null) : this.stmt.insertBlob.run(data)).lastInsertRowid),
      remove: (chunkId) => this.drop(chunkId),
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
      blobs: false,
      insert: (data) => insert(data),
      remove: (chunkId) => {
        if (this.drop(chunkId)) dataKeyId = undefined;
      },
    };
  }

  private dropWith(deleteStmt: ReturnType<Db['prepare']>, chunkId: number): boolean {
    const dataKeyId = deleteStmt.get({ id: chunkId }) as number | null | undefined;
    if (typeof dataKeyId !== 'number') return false;
    return this.stmt.deleteUnusedDataKey.run(dataKeyId, dataKeyId).changes > 0;
  }
}

/**
 * Accumulates a request body into ≤ 1 MiB chunks as it arrives, so memory stays bounded whatever the object size,
 * hashing (MD5, CRC-64) as the bytes pass. Call abort() if the request fails.
 */
export class ContentWriter {
  private buffer: Buffer;
  private filled = 0;
  private readonly chunks: WrittenChunk[] = [];
  /** MD5 on the event loop, or on the worker thread (offMd5) for a large body. */
  private readonly md5: Hash | undefined;
  private readonly offMd5: OffThreadMd5 | undefined;
  private crc = 0n;
  private size = 0;

  constructor(
    private readonly sink: ChunkSink,
    sizeHint = CHUNK_SIZE,
    md5OffThread = false,
  ) {
    if (md5OffThread && sizeHint >= CHUNK_SIZE && md5WorkerOnline()) {
      this.offMd5 = new OffThreadMd5(CHUNK_SIZE);
      this.buffer = this.offMd5.take();
    } else {
      this.md5 = createHash('md5');
      this.buffer = Buffer.allocUnsafe(Math.min(CHUNK_SIZE, Math.max(0, sizeHint)));
    }
  }

  /** Takes `data` in; with the MD5 off the event loop, a promise to wait on before the next write when it lags. */
  write(data: Buffer): Promise<void> | undefined {
    this.md5?.update(data);
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
    return this.offMd5?.backpressure();
  }

  /** The body as it stands, for a writer hashing on the event loop (md5OffThread unset or a small body). */
  finish(): PendingContent {
    if (this.md5 === undefined) throw new Error('a writer hashing off the event loop is finished with finished()');
    return this.pending(this.md5.digest());
  }

  /** The body as it stands, whichever thread hashes it. */
  async finished(): Promise<PendingContent> {
    if (this.offMd5 === undefined) return this.finish();
    // The tail leaves the shared buffer (it is stored later, with the object), which goes back to the worker's slots.
    const slot = this.buffer;
    this.buffer = Buffer.from(slot.subarray(0, this.filled));
    this.offMd5.release(slot);
    return this.pending(await this.offMd5.digest(this.buffer));
  }

  /** Deletes the chunks written so far (nothing references them yet). */
  abort(): void {
    if (this.offMd5 !== undefined) {
      this.offMd5.drop();
      this.offMd5.release(this.buffer);
      this.buffer = Buffer.alloc(0); // released once: a slot listed free twice would be filled by two writers
      this.filled = 0;
    }
    for (const c of this.chunks) this.sink.remove(c.id);
    this.chunks.length = 0;
  }

  private pending(md5: Buffer): PendingContent {
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
    if (this.offMd5 !== undefined) {
      // The bytes are stored: the buffer goes to the worker, and the next chunk fills another.
      this.offMd5.give(this.buffer, this.filled);
      this.buffer = this.offMd5.take();
    }
    this.filled = 0;
  }
}
