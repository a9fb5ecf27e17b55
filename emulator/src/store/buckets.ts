// Bucket rows: the only code that reads or writes the `buckets` table.
import type { Db } from './db.js';
import type { Acl, BucketRecord, VersioningState } from '../domain/types.js';

interface BucketRow {
  name: string;
  region: string;
  created_at: number;
  acl: string;
  storage_class: string;
  redundancy: string;
  versioning: string | null;
  worm: string | null;
  object_worm: string | null;
  policy: string | null;
}

function toRecord(row: BucketRow): BucketRecord {
  return {
    name: row.name,
    region: row.region,
    createdAt: row.created_at,
    acl: row.acl as Acl,
    storageClass: row.storage_class,
    dataRedundancyType: row.redundancy,
    versioning: (row.versioning ?? undefined) as VersioningState,
  };
}

export class BucketStore {
  private readonly stmt;
  /**
   * Committed rows by name. Every request reads its bucket several times (authorisation, ARN region, policy, the
   * handler), the largest cost of a small request in the profile (bench/README.md, "Bucket row cache"). Each change
   * to a row drops its entry (a missing row is never cached, so a new bucket needs nothing); entries are only filled
   * outside transactions, so a rolled-back change is never remembered.
   */
  private readonly rows = new Map<string, BucketRow>();

  constructor(private readonly db: Db) {
    this.stmt = {
      get: db.prepare('SELECT * FROM buckets WHERE name = ?'),
      list: db.prepare('SELECT * FROM buckets WHERE name > ? AND name LIKE ? ESCAPE \'\\\' ORDER BY name LIMIT ?'),
      insert: db.prepare(
        'INSERT INTO buckets (name, region, created_at, acl, storage_class, redundancy) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      delete: db.prepare('DELETE FROM buckets WHERE name = ?'),
      setAcl: db.prepare('UPDATE buckets SET acl = ? WHERE name = ?'),
      setVersioning: db.prepare('UPDATE buckets SET versioning = ? WHERE name = ?'),
      setJson: {
        worm: db.prepare('UPDATE buckets SET worm = ? WHERE name = ?'),
        object_worm: db.prepare('UPDATE buckets SET object_worm = ? WHERE name = ?'),
      },
      setPolicy: db.prepare('UPDATE buckets SET policy = ? WHERE name = ?'),
      count: db.prepare('SELECT count(*) FROM buckets').pluck(),
      hasObjects: db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1').pluck(),
      hasUploads: db.prepare('SELECT 1 FROM uploads WHERE bucket = ? LIMIT 1').pluck(),
    };
  }

  get(name: string): BucketRecord | undefined {
    const row = this.row(name);
    return row && toRecord(row);
  }

  list(opts: { prefix: string; marker: string; limit: number }): BucketRecord[] {
    const like = opts.prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    return (this.stmt.list.all(opts.marker, like, opts.limit) as BucketRow[]).map(toRecord);
  }

  count(): number {
    return this.stmt.count.get() as number;
  }

  create(b: Omit<BucketRecord, 'versioning'>): void {
    this.stmt.insert.run(b.name, b.region, b.createdAt, b.acl, b.storageClass, b.dataRedundancyType);
  }

  /** True when any object version, delete marker or multipart upload remains (DeleteBucket → BucketNotEmpty). */
  isEmpty(name: string): boolean {
    return this.stmt.hasObjects.get(name) === undefined && this.stmt.hasUploads.get(name) === undefined;
  }

  delete(name: string): void {
    this.rows.delete(name);
    this.stmt.delete.run(name);
  }

  setAcl(name: string, acl: Acl): void {
    this.rows.delete(name);
    this.stmt.setAcl.run(acl, name);
  }

  setVersioning(name: string, state: 'Enabled' | 'Suspended'): void {
    this.rows.delete(name);
    this.stmt.setVersioning.run(state, name);
  }

  /** Bucket-level JSON documents (WORM policy, object-WORM configuration). */
  getDocument<T>(name: string, column: 'worm' | 'object_worm'): T | undefined {
    // Parsed on every call: callers may change what they get back.
    const text = this.row(name)?.[column];
    return text ? (JSON.parse(text) as T) : undefined;
  }

  setDocument(name: string, column: 'worm' | 'object_worm', value: unknown): void {
    this.rows.delete(name);
    this.stmt.setJson[column].run(value === undefined ? null : JSON.stringify(value), name);
  }

  /** The bucket policy's text as it was put, or undefined. */
  getPolicy(name: string): string | undefined {
    return this.row(name)?.policy ?? undefined;
  }

  setPolicy(name: string, text: string | undefined): void {
    this.rows.delete(name);
    this.stmt.setPolicy.run(text ?? null, name);
  }

  private row(name: string): BucketRow | undefined {
    const cached = this.rows.get(name);
    if (cached !== undefined) return cached;
    const row = this.stmt.get.get(name) as BucketRow | undefined;
    if (row !== undefined && !this.db.inTransaction) this.rows.set(name, row);
    return row;
  }
}
