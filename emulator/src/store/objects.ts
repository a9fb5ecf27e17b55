// Object version rows: the only code that reads or writes the `objects` table. Every mutation runs inside the
// caller's transaction (Store.tx) and keeps content reference counts in step with the rows that point at them.
import type { Db } from './db.js';
import type { ContentStore } from './content.js';
import type { Encryption, ObjectAcl, ObjectMetadata, ObjectType, ObjectVersionRecord, Tag } from '../domain/types.js';
import type { RestoreRecord } from '../domain/restore.js';
import { NULL_VERSION, type DeletePlan, type WritePlan } from '../domain/versioning.js';

interface ObjectRow {
  id: number;
  bucket: string;
  key: string;
  version_id: string;
  is_latest: number;
  is_delete_marker: number;
  last_modified: number;
  size: number;
  etag: string;
  crc64: string;
  content_md5: string | null;
  object_type: string;
  storage_class: string;
  acl: string;
  metadata: string;
  tags: string;
  encryption: string | null;
  retention: string | null;
  legal_hold: string | null;
  restore: string | null;
  sealed_at: number | null;
  symlink_target: string | null;
  content_id: number | null;
}

/** What a listing shows of a version: the columns it reads, without the metadata, tags and ACL documents. */
export type ListedObject = Pick<
  ObjectVersionRecord,
  'key' | 'versionId' | 'isLatest' | 'isDeleteMarker' | 'lastModified' | 'etag' | 'size' | 'objectType' | 'storageClass' | 'restore'
>;

/**
 * The columns a listing selects (listing.ts), in the row's names. ListObjects reads them all from index
 * objects_listed (schema.ts migration 7), ListObjectVersions from objects_versions (migration 8): a column added here
 * belongs in both indexes too.
 */
export const LISTED_COLUMNS = 'key, version_id, is_latest, is_delete_marker, last_modified, etag, size, object_type, storage_class, restore';
export type ListedRow = Pick<
  ObjectRow,
  'key' | 'version_id' | 'is_latest' | 'is_delete_marker' | 'last_modified' | 'etag' | 'size' | 'object_type' | 'storage_class' | 'restore'
>;

export function toListed(row: ListedRow): ListedObject {
  return {
    key: row.key,
    versionId: row.version_id,
    isLatest: row.is_latest === 1,
    isDeleteMarker: row.is_delete_marker === 1,
    lastModified: row.last_modified,
    etag: row.etag,
    size: row.size,
    objectType: row.object_type as ObjectType,
    storageClass: row.storage_class,
    restore: row.restore ? (JSON.parse(row.restore) as RestoreRecord) : undefined,
  };
}

export function toRecord(row: ObjectRow): ObjectVersionRecord {
  // Object.assign, not a spread: `{ ...toListed(row), <13 more> }` took V8's slow path, 20-40 us a call against
  // ~0.6 us (Node 20, a loop of 100,000), on every GET, HEAD and PUT (issue 22 profile, bench/README.md "Small
  // requests"). The keys come out in the same order.
  return Object.assign(toListed(row), {
    id: row.id,
    bucket: row.bucket,
    crc64: row.crc64,
    contentMd5: row.content_md5 ?? undefined,
    acl: row.acl as ObjectAcl,
    metadata: JSON.parse(row.metadata) as ObjectMetadata,
    tags: JSON.parse(row.tags) as Tag[],
    encryption: row.encryption ? (JSON.parse(row.encryption) as Encryption) : undefined,
    retention: row.retention ? (JSON.parse(row.retention) as ObjectVersionRecord['retention']) : undefined,
    legalHold: (row.legal_hold ?? undefined) as ObjectVersionRecord['legalHold'],
    sealedAt: row.sealed_at ?? undefined,
    symlinkTarget: row.symlink_target ?? undefined,
    contentId: row.content_id,
  });
}

/** Everything a new object version needs besides its key, version id and lifecycle flags. */
export type NewObject = Omit<
  ObjectVersionRecord,
  'id' | 'bucket' | 'key' | 'versionId' | 'isLatest' | 'isDeleteMarker' | 'retention' | 'legalHold' | 'restore' | 'sealedAt' | 'contentId'
> & { contentId: number };

export class ObjectStore {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly content: ContentStore,
  ) {
    this.stmt = {
      current: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND is_latest = 1'),
      version: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? AND version_id = ?'),
      byId: db.prepare('SELECT * FROM objects WHERE id = ?'),
      demote: db.prepare('UPDATE objects SET is_latest = 0 WHERE bucket = ? AND key = ? AND is_latest = 1'),
      newest: db.prepare('SELECT id FROM objects WHERE bucket = ? AND key = ? ORDER BY id DESC LIMIT 1').pluck(),
      promote: db.prepare('UPDATE objects SET is_latest = 1 WHERE id = ?'),
      deleteRow: db.prepare('DELETE FROM objects WHERE id = ?'),
      insert: db.prepare(`INSERT INTO objects (bucket, key, version_id, is_latest, is_delete_marker, last_modified,
        size, etag, crc64, content_md5, object_type, storage_class, acl, metadata, tags, encryption, symlink_target, content_id)
        VALUES (@bucket, @key, @versionId, 1, @isDeleteMarker, @lastModified, @size, @etag, @crc64, @contentMd5,
        @objectType, @storageClass, @acl, @metadata, @tags, @encryption, @symlinkTarget, @contentId)`),
      setTags: db.prepare('UPDATE objects SET tags = ? WHERE id = ?'),
      setContent: db.prepare(
        'UPDATE objects SET content_id = ?, size = ?, etag = ?, crc64 = ?, last_modified = ?, content_md5 = NULL WHERE id = ?',
      ),
      setAcl: db.prepare('UPDATE objects SET acl = ? WHERE id = ?'),
      setRetention: db.prepare('UPDATE objects SET retention = ? WHERE id = ?'),
      setLegalHold: db.prepare('UPDATE objects SET legal_hold = ? WHERE id = ?'),
      setRestore: db.prepare('UPDATE objects SET restore = ? WHERE id = ?'),
      setSealed: db.prepare('UPDATE objects SET sealed_at = ? WHERE id = ?'),
      setStorageClass: db.prepare('UPDATE objects SET storage_class = ? WHERE id = ?'),
      keysOf: db.prepare('SELECT DISTINCT key FROM objects WHERE bucket = ? AND key > ? ORDER BY key LIMIT ?').pluck(),
      versionsOfKey: db.prepare('SELECT * FROM objects WHERE bucket = ? AND key = ? ORDER BY id DESC'),
      currentAfter: db.prepare(
        'SELECT * FROM objects WHERE bucket = ? AND key > ? AND is_latest = 1 AND is_delete_marker = 0 ORDER BY key LIMIT ?',
      ),
    };
  }

  current(bucket: string, key: string): ObjectVersionRecord | undefined {
    const row = this.stmt.current.get(bucket, key) as ObjectRow | undefined;
    return row && toRecord(row);
  }

  version(bucket: string, key: string, versionId: string): ObjectVersionRecord | undefined {
    const row = this.stmt.version.get(bucket, key, versionId) as ObjectRow | undefined;
    return row && toRecord(row);
  }

  byId(id: number): ObjectVersionRecord | undefined {
    const row = this.stmt.byId.get(id) as ObjectRow | undefined;
    return row && toRecord(row);
  }

  /**
   * Lands a new current version as planned by domain/versioning.ts (api/landing.ts made the plan and checked what
   * it removes). The new content is referenced before the replaced `null` version lets go of its own, which may be
   * the same content (a copy onto itself).
   */
  write(bucket: string, key: string, obj: NewObject, plan: WritePlan): ObjectVersionRecord {
    this.content.ref(obj.contentId);
    if (plan.replacesNullVersion) this.removeVersion(bucket, key, NULL_VERSION);
    this.stmt.demote.run(bucket, key);
    const id = this.insertRow(bucket, key, plan.versionId, false, obj);
    return this.byId(id)!;
  }

  /** DeleteObject without a version id, as planned (behaviour §4): remove, or stack a delete marker. */
  deleteCurrent(bucket: string, key: string, now: number, plan: DeletePlan): { marker?: ObjectVersionRecord } {
    if (plan.kind === 'remove') {
      this.removeVersion(bucket, key, NULL_VERSION);
      return {};
    }
    if (plan.replacesNullVersion) this.removeVersion(bucket, key, NULL_VERSION);
    this.stmt.demote.run(bucket, key);
    const id = this.insertRow(bucket, key, plan.versionId, true, {
      lastModified: now,
      size: 0,
      etag: '',
      crc64: '0',
      objectType: 'Normal',
      storageClass: 'Standard',
      acl: 'default',
      metadata: { standard: {}, user: {} },
      tags: [],
    });
    return { marker: this.byId(id)! };
  }

  /** Permanently removes one version; when it was current, the newest remaining version becomes current. */
  removeVersion(bucket: string, key: string, versionId: string): ObjectVersionRecord | undefined {
    const row = this.stmt.version.get(bucket, key, versionId) as ObjectRow | undefined;
    if (!row) return undefined;
    this.stmt.deleteRow.run(row.id);
    if (row.content_id !== null) this.content.unref(row.content_id);
    if (row.is_latest === 1) {
      const next = this.stmt.newest.get(bucket, key) as number | undefined;
      if (next !== undefined) this.stmt.promote.run(next);
    }
    return toRecord(row);
  }

  /** Swaps a version's bytes in place (AppendObject): the old content loses this reference. */
  replaceContent(
    id: number,
    u: { contentId: number; size: number; etag: string; crc64: string; lastModified: number },
  ): ObjectVersionRecord {
    const before = this.byId(id)!;
    this.content.ref(u.contentId);
    this.stmt.setContent.run(u.contentId, u.size, u.etag, u.crc64, u.lastModified, id);
    if (before.contentId !== null) this.content.unref(before.contentId);
    return this.byId(id)!;
  }

  setTags(id: number, tags: Tag[]): void {
    this.stmt.setTags.run(JSON.stringify(tags), id);
  }

  setRetention(id: number, retention: ObjectVersionRecord['retention']): void {
    this.stmt.setRetention.run(retention ? JSON.stringify(retention) : null, id);
  }

  /** A lifecycle transition (api/lifecycle.ts): only the storage class column changes. */
  setStorageClass(id: number, storageClass: string): void {
    this.stmt.setStorageClass.run(storageClass, id);
  }

  /** A page of a bucket's distinct keys after `after`, in key order (the lifecycle runner walks them). */
  keysAfter(bucket: string, after: string, limit: number): string[] {
    return this.stmt.keysOf.all(bucket, after, limit) as string[];
  }

  /** A page of the current (not deleted) objects after `after`, in key order (MetaQuery reads a bucket this way). */
  currentAfter(bucket: string, after: string, limit: number): ObjectVersionRecord[] {
    return (this.stmt.currentAfter.all(bucket, after, limit) as ObjectRow[]).map(toRecord);
  }

  /** Every version of one key, newest first. */
  versionsOfKey(bucket: string, key: string): ObjectVersionRecord[] {
    return (this.stmt.versionsOfKey.all(bucket, key) as ObjectRow[]).map(toRecord);
  }

  setLegalHold(id: number, status: 'ON' | 'OFF'): void {
    this.stmt.setLegalHold.run(status, id);
  }

  /** RestoreObject / CleanRestoredObject (domain/restore.ts); undefined forgets the restore. */
  setRestore(id: number, restore: RestoreRecord | undefined): void {
    this.stmt.setRestore.run(restore ? JSON.stringify(restore) : null, id);
  }

  /** SealAppendObject: the appendable object takes no more appends. */
  setSealed(id: number, at: number): void {
    this.stmt.setSealed.run(at, id);
  }

  setAcl(id: number, acl: ObjectAcl): void {
    this.stmt.setAcl.run(acl, id);
  }

  private insertRow(
    bucket: string,
    key: string,
    versionId: string,
    isDeleteMarker: boolean,
    obj: Omit<NewObject, 'contentId'> & { contentId?: number },
  ): number {
    return Number(
      this.stmt.insert.run({
        bucket,
        key,
        versionId,
        isDeleteMarker: isDeleteMarker ? 1 : 0,
        lastModified: obj.lastModified,
        size: obj.size,
        etag: obj.etag,
        crc64: obj.crc64,
        contentMd5: obj.contentMd5 ?? null,
        objectType: obj.objectType,
        storageClass: obj.storageClass,
        acl: obj.acl,
        metadata: JSON.stringify(obj.metadata),
        tags: JSON.stringify(obj.tags),
        encryption: obj.encryption ? JSON.stringify(obj.encryption) : null,
        symlinkTarget: obj.symlinkTarget ?? null,
        contentId: obj.contentId ?? null,
      }).lastInsertRowid,
    );
  }
}
