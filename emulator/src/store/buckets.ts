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

  constructor(db: Db) {
    this.stmt = {
      get: db.prepare('SELECT * FROM buckets WHERE name = ?'),
      list: db.prepare('SELECT * FROM buckets WHERE name > ? AND name LIKE ? ESCAPE \'\\\' ORDER BY name LIMIT ?'),
      insert: db.prepare(
        'INSERT INTO buckets (name, region, created_at, acl, storage_class, redundancy) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      delete: db.prepare('DELETE FROM buckets WHERE name = ?'),
      setAcl: db.prepare('UPDATE buckets SET acl = ? WHERE name = ?'),
      setVersioning: db.prepare('UPDATE buckets SET versioning = ? WHERE name = ?'),
      getJson: (column: 'worm' | 'object_worm') => db.prepare(`SELECT ${column} FROM buckets WHERE name = ?`).pluck(),
      setJson: (column: 'worm' | 'object_worm') => db.prepare(`UPDATE buckets SET ${column} = ? WHERE name = ?`),
      getPolicy: db.prepare('SELECT policy FROM buckets WHERE name = ?').pluck(),
      setPolicy: db.prepare('UPDATE buckets SET policy = ? WHERE name = ?'),
      count: db.prepare('SELECT count(*) FROM buckets').pluck(),
      hasObjects: db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1').pluck(),
      hasUploads: db.prepare('SELECT 1 FROM uploads WHERE bucket = ? LIMIT 1').pluck(),
    };
  }

  get(name: string): BucketRecord | undefined {
    const row = this.stmt.get.get(name) as BucketRow | undefined;
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
    this.stmt.delete.run(name);
  }

  setAcl(name: string, acl: Acl): void {
    this.stmt.setAcl.run(acl, name);
  }

  setVersioning(name: string, state: 'Enabled' | 'Suspended'): void {
    this.stmt.setVersioning.run(state, name);
  }

  /** Bucket-level JSON documents (WORM policy, object-WORM configuration). */
  getDocument<T>(name: string, column: 'worm' | 'object_worm'): T | undefined {
    const text = this.stmt.getJson(column).get(name) as string | null | undefined;
    return text ? (JSON.parse(text) as T) : undefined;
  }

  setDocument(name: string, column: 'worm' | 'object_worm', value: unknown): void {
    this.stmt.setJson(column).run(value === undefined ? null : JSON.stringify(value), name);
  }

  /** The bucket policy's text as it was put, or undefined. */
  getPolicy(name: string): string | undefined {
    return (this.stmt.getPolicy.get(name) as string | null | undefined) ?? undefined;
  }

  setPolicy(name: string, text: string | undefined): void {
    this.stmt.setPolicy.run(text ?? null, name);
  }
}
