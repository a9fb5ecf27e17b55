// Bucket rows: the only code that reads or writes the `buckets` table.
import type { Db } from './db.js';
import type { Acl, BucketRecord, VersioningState } from '../domain/types.js';

/** Bucket configurations kept in `bucket_documents` (migration 5), one JSON document per kind. */
export type ConfigKind = 'tags' | 'overwrite' | 'encryption' | 'cors' | 'publicAccessBlock' | 'archiveDirectRead' | 'lifecycle' | 'accessMonitor' | 'transferAcceleration' | 'resourceGroup' | 'logging' | 'logFields' | 'redundancyTransition' | 'referer' | 'requestPayment' | 'website' | 'httpsConfig' | 'cnameTokens' | 'inventory' | 'style' | 'callbackPolicy' | 'accessPoints' | 'metaQuery' | 'liveChannels' | 'qos' | 'storageCapacity' | 'requesterQos' | 'asyncFetchTasks' | 'replication' | 'inventoryRuns';
/** Every per-bucket document: the two older ones are columns of the bucket row. */
export type DocumentKind = 'worm' | 'object_worm' | ConfigKind;

/** One condition of ListBuckets' tag filters: the tag key, and its value when given. */
export interface TagFilter {
  key: string;
  value?: string;
}

type Statement = ReturnType<Db['prepare']>;

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
  /**
   * Committed configuration documents by bucket and kind (null: none), for the same reason: every write asks for the
   * bucket's overwrite rules and default encryption (api/landing.ts). Same discipline as `rows`.
   */
  private readonly configs = new Map<string, Map<ConfigKind, string | null>>();
  private readonly tagged = new Map<number, Statement>();

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
      getConfig: db.prepare('SELECT doc FROM bucket_documents WHERE bucket = ? AND kind = ?').pluck(),
      putConfig: db.prepare('INSERT OR REPLACE INTO bucket_documents (bucket, kind, doc) VALUES (?, ?, ?)'),
      deleteConfig: db.prepare('DELETE FROM bucket_documents WHERE bucket = ? AND kind = ?'),
      configsOfKind: db.prepare('SELECT bucket, doc FROM bucket_documents WHERE kind = ? ORDER BY bucket'),
      count: db.prepare('SELECT count(*) FROM buckets').pluck(),
      hasObjects: db.prepare('SELECT 1 FROM objects WHERE bucket = ? LIMIT 1').pluck(),
      hasUploads: db.prepare('SELECT 1 FROM uploads WHERE bucket = ? LIMIT 1').pluck(),
    };
  }

  get(name: string): BucketRecord | undefined {
    const row = this.row(name);
    return row && toRecord(row);
  }

  /**
   * A page of buckets by name; with `tags`, only those having every one of those tag keys (with that value, when
   * given): ListBuckets tag-key / tag-value / tagging (api/service.ts).
   */
  list(opts: { prefix: string; marker: string; limit: number; tags?: TagFilter[] }): BucketRecord[] {
    const like = opts.prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    const tags = opts.tags ?? [];
    if (tags.length === 0) return (this.stmt.list.all(opts.marker, like, opts.limit) as BucketRow[]).map(toRecord);
    // A bucket has at most 20 tags (domain/bucketTags.ts): more distinct keys than that match nothing.
    if (new Set(tags.map((t) => t.key)).size > 20) return [];
    const args = tags.flatMap((t) => [t.key, t.value ?? null, t.value ?? null]);
    return (this.taggedList(tags.length).all([opts.marker, like, ...args, opts.limit]) as BucketRow[]).map(toRecord);
  }

  /** The tag-filtered listing for `n` pairs, prepared once per n. */
  private taggedList(n: number): Statement {
    let stmt = this.tagged.get(n);
    if (stmt === undefined) {
      const pair = `EXISTS (SELECT 1 FROM bucket_documents d, json_each(d.doc) t
        WHERE d.bucket = b.name AND d.kind = 'tags' AND json_extract(t.value, '$.key') = ?
          AND (? IS NULL OR json_extract(t.value, '$.value') = ?))`;
      stmt = this.db.prepare(
        `SELECT b.* FROM buckets b WHERE b.name > ? AND b.name LIKE ? ESCAPE '\\'
         AND ${Array.from({ length: n }, () => pair).join(' AND ')} ORDER BY b.name LIMIT ?`,
      );
      this.tagged.set(n, stmt);
    }
    return stmt;
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

  /** Deletes the bucket row; its configuration documents go with it (ON DELETE CASCADE). */
  delete(name: string): void {
    this.rows.delete(name);
    this.configs.delete(name);
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

  /** Bucket-level JSON documents (WORM policy, object-WORM configuration, the configurations of ConfigKind). */
  getDocument<T>(name: string, kind: DocumentKind): T | undefined {
    // Parsed on every call: callers may change what they get back.
    const text = kind === 'worm' || kind === 'object_worm' ? this.row(name)?.[kind] : this.config(name, kind);
    return text ? (JSON.parse(text) as T) : undefined;
  }

  /** Sets (or, with undefined, removes) a document; the bucket must exist. */
  setDocument(name: string, kind: DocumentKind, value: unknown): void {
    if (kind === 'worm' || kind === 'object_worm') {
      this.rows.delete(name);
      this.stmt.setJson[kind].run(value === undefined ? null : JSON.stringify(value), name);
      return;
    }
    this.configs.delete(name);
    if (value === undefined) this.stmt.deleteConfig.run(name, kind);
    else this.stmt.putConfig.run(name, kind, JSON.stringify(value));
  }

  /** Every bucket's document of one kind, by bucket name (the account's access points: api/accessPoint.ts). */
  documentsOfKind<T>(kind: ConfigKind): Array<{ bucket: string; doc: T }> {
    const rows = this.stmt.configsOfKind.all(kind) as Array<{ bucket: string; doc: string }>;
    return rows.map((r) => ({ bucket: r.bucket, doc: JSON.parse(r.doc) as T }));
  }

  /** The bucket policy's text as it was put, or undefined. */
  getPolicy(name: string): string | undefined {
    return this.row(name)?.policy ?? undefined;
  }

  setPolicy(name: string, text: string | undefined): void {
    this.rows.delete(name);
    this.stmt.setPolicy.run(text ?? null, name);
  }

  private config(name: string, kind: ConfigKind): string | undefined {
    const cached = this.configs.get(name)?.get(kind);
    if (cached !== undefined) return cached ?? undefined;
    const text = (this.stmt.getConfig.get(name, kind) as string | undefined) ?? null;
    // Only for buckets that exist, so a name that never had a bucket leaves nothing behind.
    if (!this.db.inTransaction && this.row(name) !== undefined) {
      let byKind = this.configs.get(name);
      if (byKind === undefined) this.configs.set(name, (byKind = new Map()));
      byKind.set(kind, text);
    }
    return text ?? undefined;
  }

  private row(name: string): BucketRow | undefined {
    const cached = this.rows.get(name);
    if (cached !== undefined) return cached;
    const row = this.stmt.get.get(name) as BucketRow | undefined;
    if (row !== undefined && !this.db.inTransaction) this.rows.set(name, row);
    return row;
  }
}
