// Schema migrations, applied in order; `PRAGMA user_version` holds how many have run. Never edit a shipped
// migration: add the next one.
//
// Content model (architecture "Storage"): bytes live in `chunks` (≤ 1 MiB each). A `content` is an immutable
// byte sequence described by `extents` (slices of chunks, in order) with its size and CRC-64. Object versions and
// multipart parts point at a content; CopyObject, UploadPartCopy and CompleteMultipartUpload build new contents
// (or share one) by writing extent rows only. `contents.refs` counts the versions and parts using a content; the
// transaction that drops its last reference deletes the content and then every chunk of it no other extent uses
// (migration 4), and a restart sweeps what a crash left behind.
/** The migration from which whole chunks live in local-oss.blobs.sqlite (its position gives the schema version). */
const BLOBS_MIGRATION = `
  -- whole chunks in local-oss.blobs.sqlite (db.ts attachBlobs)
  `;

export const migrations: string[] = [
  `
  CREATE TABLE chunks (
    id    INTEGER PRIMARY KEY,
    data  BLOB    NOT NULL,
    refs  INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE contents (
    id     INTEGER PRIMARY KEY,
    size   INTEGER NOT NULL,
    crc64  TEXT    NOT NULL,
    refs   INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE extents (
    content_id   INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    chunk_id     INTEGER NOT NULL,
    chunk_offset INTEGER NOT NULL,
    length       INTEGER NOT NULL,
    crc64        TEXT    NOT NULL,
    PRIMARY KEY (content_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX extents_by_chunk ON extents(chunk_id);

  CREATE TABLE buckets (
    name          TEXT PRIMARY KEY,
    region        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    acl           TEXT    NOT NULL,
    storage_class TEXT    NOT NULL,
    redundancy    TEXT    NOT NULL,
    versioning    TEXT,
    worm          TEXT,
    object_worm   TEXT
  );

  CREATE TABLE objects (
    id               INTEGER PRIMARY KEY,
    bucket           TEXT    NOT NULL REFERENCES buckets(name),
    key              TEXT    NOT NULL,
    version_id       TEXT    NOT NULL,
    is_latest        INTEGER NOT NULL,
    is_delete_marker INTEGER NOT NULL,
    last_modified    INTEGER NOT NULL,
    size             INTEGER NOT NULL,
    etag             TEXT    NOT NULL,
    crc64            TEXT    NOT NULL,
    content_md5      TEXT,
    object_type      TEXT    NOT NULL,
    storage_class    TEXT    NOT NULL,
    acl              TEXT    NOT NULL,
    metadata         TEXT    NOT NULL,
    tags             TEXT    NOT NULL,
    encryption       TEXT,
    retention        TEXT,
    legal_hold       TEXT,
    content_id       INTEGER REFERENCES contents(id)
  );
  CREATE UNIQUE INDEX objects_by_version ON objects(bucket, key, version_id);
  CREATE UNIQUE INDEX objects_current ON objects(bucket, key) WHERE is_latest = 1;
  CREATE INDEX objects_by_key ON objects(bucket, key, id);

  CREATE TABLE uploads (
    upload_id   TEXT PRIMARY KEY,
    bucket      TEXT    NOT NULL REFERENCES buckets(name),
    key         TEXT    NOT NULL,
    initiated   INTEGER NOT NULL,
    options     TEXT    NOT NULL
  );
  CREATE INDEX uploads_by_key ON uploads(bucket, key, initiated);
  CREATE TABLE parts (
    upload_id     TEXT    NOT NULL REFERENCES uploads(upload_id) ON DELETE CASCADE,
    part_number   INTEGER NOT NULL,
    etag          TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    crc64         TEXT    NOT NULL,
    last_modified INTEGER NOT NULL,
    content_id    INTEGER NOT NULL REFERENCES contents(id),
    PRIMARY KEY (upload_id, part_number)
  ) WITHOUT ROWID;
  `,
  // Issue 10: SSE-KMS bytes are encrypted at rest (envelope encryption, see domain/kms.ts). A chunk with a
  // data_key_id holds nonce || AES-256-GCM ciphertext || tag of its plaintext; extents, sizes and CRCs still
  // describe the plaintext. A data key lives as long as a chunk uses it. The index serves both that check and
  // the foreign key (SQLite would otherwise scan every chunk row when a data key is deleted).
  `
  CREATE TABLE kms_keys (
    key_id     TEXT PRIMARY KEY,
    master_key BLOB    NOT NULL,
    enabled    INTEGER NOT NULL,
    created    INTEGER NOT NULL
  );
  CREATE TABLE data_keys (
    id         INTEGER PRIMARY KEY,
    kms_key_id TEXT NOT NULL REFERENCES kms_keys(key_id),
    wrapped    BLOB NOT NULL
  );
  ALTER TABLE chunks ADD COLUMN data_key_id INTEGER REFERENCES data_keys(id);
  CREATE INDEX chunks_by_data_key ON chunks(data_key_id);
  `,
  // Issue 10: a bucket policy, kept byte for byte as PutBucketPolicy sent it (GetBucketPolicy returns it unchanged,
  // docs/permissions.md §2.1).
  `
  ALTER TABLE buckets ADD COLUMN policy TEXT;
  `,
  // Issue 8: chunks no longer count their references; "used" means an extent points at the chunk (extents_by_chunk).
  // A counter on the chunk row made every commit, copy and delete rewrite the whole row, 1 MiB blob included (SQLite
  // has no in-place column update): a PUT wrote its bytes twice.
  `
  ALTER TABLE chunks DROP COLUMN refs;
  `,
  // Issue 19: bucket configurations (tags, overwrite rules, default encryption, CORS, public access block) as one
  // JSON document per bucket and kind, read and written only by store/buckets.ts getDocument / setDocument. A new kind
  // needs no migration; the documents go with their bucket.
  `
  CREATE TABLE bucket_documents (
    bucket TEXT NOT NULL REFERENCES buckets(name) ON DELETE CASCADE,
    kind   TEXT NOT NULL,
    doc    TEXT NOT NULL,
    PRIMARY KEY (bucket, kind)
  ) WITHOUT ROWID;
  `,
  // Issue 20: RestoreObject's record (JSON, domain/restore.ts RestoreRecord), SealAppendObject's time and a symlink's
  // target key per object version, read and written only by store/objects.ts.
  `
  ALTER TABLE objects ADD COLUMN restore TEXT;
  ALTER TABLE objects ADD COLUMN sealed_at INTEGER;
  ALTER TABLE objects ADD COLUMN symlink_target TEXT;
  `,
  // Issue 26 (bench:scale, 1,000,000 objects; bench/README.md "Scale"): deleting a content row made SQLite check the
  // foreign keys of objects.content_id and parts.content_id, which had no index: a scan of every object per delete
  // (DeleteMultipleObjects of 1,000 took 64 s). And a listing page read each listed row from the table, where rows
  // of neighbouring keys sit on different 64 KiB pages when they were written at different times (a prefix page of
  // 1,000 took 57 ms): the listing's columns now live in one covering index, in key order (store/listing.ts).
  `
  CREATE INDEX objects_by_content ON objects(content_id);
  CREATE INDEX parts_by_content ON parts(content_id);
  CREATE INDEX objects_listed ON objects(bucket, key, is_delete_marker, version_id, last_modified, etag, size, object_type, storage_class, restore)
    WHERE is_latest = 1;
  `,
  // Issue 19 (account-level Block Public Access; migration 8): account-wide configuration documents, one JSON document per kind, read and written only by
  // store/account.ts. The emulator has one account (domain/owner.ts), so the kind is the key.
  `
  CREATE TABLE account_documents (
    kind TEXT PRIMARY KEY,
    doc  TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Issue 19, data replication (migration 9; behaviour §14.22): what happened to a key in a bucket with replication rules, in
  // order, until the runner (api/replicationRun.ts) has applied it to every destination. Read and written only by
  // store/replicationQueue.ts; a change goes with its bucket.
  `
  CREATE TABLE replication_queue (
    id          INTEGER PRIMARY KEY,
    bucket      TEXT    NOT NULL REFERENCES buckets(name) ON DELETE CASCADE,
    key         TEXT    NOT NULL,
    version_id  TEXT    NOT NULL,
    op          TEXT    NOT NULL,
    marker      INTEGER NOT NULL,
    at          INTEGER NOT NULL
  );
  CREATE INDEX replication_queue_by_bucket ON replication_queue(bucket, id);
  `,
  // Issue 26 (bench:scale): ListObjectVersions read each listed key's versions with one query per key, each row from
  // the table, whose rows of neighbouring keys sit on different 64 KiB pages: 32 ms a page at 1,000,000 objects. It
  // now reads one ordered range of this index, which holds every listed column (objects.ts LISTED_COLUMNS) in
  // (key, newest first) order (store/listing.ts). objects_by_key (bucket, key, id) is a prefix of it, so it goes.
  `
  CREATE INDEX objects_versions ON objects(bucket, key, id DESC, version_id, is_latest, is_delete_marker, last_modified, etag, size, object_type, storage_class, restore);
  DROP INDEX objects_by_key;
  `,
  // Issue 22: whole chunks are written to a second file, local-oss.blobs.sqlite (db.ts attachBlobs); extents of
  // this file point at them by id (above db.ts BLOB_BASE). Nothing changes in this file: the version tells an older
  // local-oss that it cannot read this directory (it would not find those chunks), so it refuses it unchanged.
  BLOBS_MIGRATION,
];

/** The schema version from which a data directory keeps whole chunks in local-oss.blobs.sqlite. */
export const BLOBS_VERSION = migrations.indexOf(BLOBS_MIGRATION) + 1;
