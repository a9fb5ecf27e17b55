// Multipart uploads and their parts: the only code that reads or writes the `uploads` and `parts` tables.
// A part holds a content reference like an object version does; replacing, aborting or completing releases it.
import type { Db } from './db.js';
import type { ContentStore } from './content.js';
import type { NewObjectSettings } from '../domain/types.js';

export interface UploadRecord {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  options: NewObjectSettings;
  /** Initiated with `?sequential` (behaviour §9.15): parts in order, Content-MD5 on the completed object. */
  sequential?: boolean;
}

export interface PartRecord {
  partNumber: number;
  etag: string;
  size: number;
  crc64: string;
  lastModified: number;
  contentId: number;
}

interface UploadRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  options: string;
}

interface PartRow {
  part_number: number;
  etag: string;
  size: number;
  crc64: string;
  last_modified: number;
  content_id: number;
}

/** The `options` column holds the settings and, for a sequential upload, `sequential: true` (no migration needed). */
type StoredOptions = NewObjectSettings & { sequential?: true };

const toUpload = (r: UploadRow): UploadRecord => {
  const { sequential, ...options } = JSON.parse(r.options) as StoredOptions;
  return { uploadId: r.upload_id, bucket: r.bucket, key: r.key, initiated: r.initiated, options, ...(sequential ? { sequential } : {}) };
};

const toPart = (r: PartRow): PartRecord => ({
  partNumber: r.part_number,
  etag: r.etag,
  size: r.size,
  crc64: r.crc64,
  lastModified: r.last_modified,
  contentId: r.content_id,
});

export class UploadStore {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly content: ContentStore,
  ) {
    this.stmt = {
      insert: db.prepare('INSERT INTO uploads (upload_id, bucket, key, initiated, options) VALUES (?, ?, ?, ?, ?)'),
      get: db.prepare('SELECT * FROM uploads WHERE upload_id = ?'),
      delete: db.prepare('DELETE FROM uploads WHERE upload_id = ?'),
      list: db.prepare(
        `SELECT * FROM uploads WHERE bucket = ? AND key >= ? AND (key > ? OR (key = ? AND upload_id > ?))
         ORDER BY key, upload_id LIMIT ?`,
      ),
      part: db.prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number = ?'),
      highestPart: db.prepare('SELECT MAX(part_number) AS n FROM parts WHERE upload_id = ?'),
      parts: db.prepare('SELECT * FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?'),
      allParts: db.prepare('SELECT * FROM parts WHERE upload_id = ? ORDER BY part_number'),
      upsertPart: db.prepare(
        `INSERT INTO parts (upload_id, part_number, etag, size, crc64, last_modified, content_id) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (upload_id, part_number) DO UPDATE SET etag = excluded.etag, size = excluded.size,
         crc64 = excluded.crc64, last_modified = excluded.last_modified, content_id = excluded.content_id`,
      ),
    };
  }

  create(u: UploadRecord): void {
    const stored: StoredOptions = u.sequential ? { ...u.options, sequential: true } : u.options;
    this.stmt.insert.run(u.uploadId, u.bucket, u.key, u.initiated, JSON.stringify(stored));
  }

  /** The highest part number stored for the upload, 0 without parts. */
  highestPart(uploadId: string): number {
    return (this.stmt.highestPart.get(uploadId) as { n: number | null }).n ?? 0;
  }

  get(uploadId: string): UploadRecord | undefined {
    const row = this.stmt.get.get(uploadId) as UploadRow | undefined;
    return row && toUpload(row);
  }

  /** Stores a part; a part with the same number is replaced and its content released. */
  putPart(uploadId: string, part: PartRecord): void {
    const old = this.stmt.part.get(uploadId, part.partNumber) as PartRow | undefined;
    this.content.ref(part.contentId);
    this.stmt.upsertPart.run(uploadId, part.partNumber, part.etag, part.size, part.crc64, part.lastModified, part.contentId);
    if (old) this.content.unref(old.content_id);
  }

  parts(uploadId: string, after = 0, limit = 10_000): PartRecord[] {
    return (this.stmt.parts.all(uploadId, after, limit) as PartRow[]).map(toPart);
  }

  allParts(uploadId: string): PartRecord[] {
    return (this.stmt.allParts.all(uploadId) as PartRow[]).map(toPart);
  }

  /** Removes the upload and releases every part (abort, or after complete composed them). */
  remove(uploadId: string): void {
    const parts = this.allParts(uploadId);
    this.stmt.delete.run(uploadId); // parts go with it (ON DELETE CASCADE)
    for (const p of parts) this.content.unref(p.contentId);
  }

  list(bucket: string, opts: { prefix: string; keyMarker: string; uploadIdMarker: string; limit: number }): UploadRecord[] {
    // Without an upload-id-marker, key-marker excludes every upload of that key (DOCS ListMultipartUploads).
    const idMarker = opts.uploadIdMarker === '' ? '\u{10ffff}' : opts.uploadIdMarker;
    return (this.stmt.list.all(bucket, opts.prefix, opts.keyMarker, opts.keyMarker, idMarker, opts.limit) as UploadRow[])
      .map(toUpload)
      .filter((u) => u.key.startsWith(opts.prefix));
  }
}
