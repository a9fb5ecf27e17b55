// `local-oss check --data DIR` (issue 26 item 5): SQLite's integrity check, then the store's own invariants over the
// content model (schema.ts header, content.ts). It opens the database read-only and holds the directory's lock, so
// no emulator writes while it looks and nothing it looks at changes.
//
// Two things are "reclaimable", not problems: chunks no extent uses and contents nobody references. Every crash
// (an upload cut off mid-body, a SIGKILL between a content's last unref and its reclaim) and a shutdown that cuts
// off a streaming upload leave them by design, and the next start sweeps them (ContentStore.sweep); they are
// counted so a leak would still show as a number that grows.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { crc64Combine, crc64ToString, parseCrc64 } from '@local-oss/client';
import { SEAL_OVERHEAD } from '../domain/kms.js';
import { BLOB_BASE, blobsFile, databaseFile, describeSqliteError, identify } from './db.js';
import { lockDataDir } from './lock.js';
import { BLOBS_VERSION, migrations } from './schema.js';
import { StartupError } from './startupError.js';

export interface CheckReport {
  schemaVersion: number;
  counts: { objects: number; contents: number; chunks: number };
  reclaimable: { chunks: number; contents: number };
  /** Each a sentence naming the row and what is wrong with it. */
  problems: string[];
}

/** At most this many problems of one kind are listed (a broken table would otherwise print a line per row). */
const LIST = 20;

export function checkDataDir(dir: string): CheckReport {
  const file = databaseFile(dir);
  if (!existsSync(file)) throw new StartupError(`${file} does not exist: is --data the directory the emulator used?`);
  const lock = lockDataDir(dir);
  try {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new StartupError(describeSqliteError(file, err));
    }
    try {
      identify(db, file);
      // Whole chunks live in the blobs file (db.ts attachBlobs); attached on this read-only connection, it is read-only too.
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version >= BLOBS_VERSION && existsSync(blobsFile(dir))) {
        rollBackHotJournal(blobsFile(dir));
        db.prepare('ATTACH DATABASE ? AS blobs').run(blobsFile(dir));
      }
      return checkDatabase(db);
    } catch (err) {
      throw err instanceof StartupError ? err : new StartupError(describeSqliteError(file, err));
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * A kill inside a transaction on the blobs file (a whole chunk being inserted) leaves its rollback journal hot, and a
 * read-only connection cannot roll it back: every read answers SQLITE_READONLY (the crash test with large uploads in
 * flight, issue 22). A read-write connection rolls it back at its first read, as the emulator's next start would;
 * that restores the file's last committed state and changes nothing committed. The directory's lock keeps any
 * emulator out meanwhile.
 */
function rollBackHotJournal(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.close();
  }
}

export function checkDatabase(db: Database.Database): CheckReport {
  const problems: string[] = [];
  const kind = (label: string, rows: unknown[], line: (row: any) => string) => {
    for (const row of rows.slice(0, LIST)) problems.push(line(row));
    if (rows.length > LIST) problems.push(`… and ${rows.length - LIST} more: ${label}`);
  };
  const all = (sql: string) => db.prepare(sql).all();
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;

  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (!(integrity.length === 1 && integrity[0]!.integrity_check === 'ok')) {
    kind('SQLite integrity', integrity, (r) => `SQLite integrity check: ${r.integrity_check}`);
  }
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const sealed = schemaVersion >= 2; // migration 2 added chunks.data_key_id
  const blobs = (db.prepare("SELECT count(*) FROM pragma_database_list WHERE name = 'blobs'").pluck().get() as number) > 0;
  if (blobs) {
    const blobIntegrity = db.pragma('blobs.integrity_check') as Array<{ integrity_check: string }>;
    if (!(blobIntegrity.length === 1 && blobIntegrity[0]!.integrity_check === 'ok')) {
      kind('SQLite integrity (blobs)', blobIntegrity, (r) => `SQLite integrity check of the blobs file: ${r.integrity_check}`);
    }
  }
  // Every chunk, of both files (the row BLOB_BASE is the blobs file's floor, not a chunk).
  const chunks = `(SELECT id, data, ${sealed ? 'data_key_id' : 'NULL AS data_key_id'} FROM main.chunks${
    blobs ? ` UNION ALL SELECT id, data, NULL FROM blobs.chunks WHERE id > ${BLOB_BASE}` : ''
  })`;

  kind('extents without their chunk', all(
    `SELECT e.content_id, e.seq, e.chunk_id FROM extents e WHERE NOT EXISTS (SELECT 1 FROM ${chunks} c WHERE c.id = e.chunk_id)`,
  ), (r) => `content ${r.content_id} extent ${r.seq}: chunk ${r.chunk_id} is missing`);
  // A sealed chunk's blob is nonce || ciphertext || tag; extents address its plaintext.
  const plainLength = sealed
    ? `length(c.data) - CASE WHEN c.data_key_id IS NULL THEN 0 ELSE ${SEAL_OVERHEAD} END`
    : 'length(c.data)';
  kind('extents outside their chunk', all(
    `SELECT e.content_id, e.seq, e.chunk_id, e.chunk_offset, e.length, ${plainLength} AS have
     FROM extents e JOIN ${chunks} c ON c.id = e.chunk_id
     WHERE e.chunk_offset < 0 OR e.length <= 0 OR e.chunk_offset + e.length > ${plainLength}`,
  ), (r) => `content ${r.content_id} extent ${r.seq}: bytes ${r.chunk_offset}+${r.length} of chunk ${r.chunk_id}, which holds ${r.have}`);

  // Each content's size and CRC-64 against its extents (the CRC combined in order, as content.ts builds it).
  const contents = db.prepare('SELECT id, size, crc64 FROM contents ORDER BY id').iterate() as Iterable<{ id: number; size: number; crc64: string }>;
  const extentsOf = db.prepare('SELECT length, crc64 FROM extents WHERE content_id = ? ORDER BY seq');
  const bad: string[] = [];
  for (const c of contents) {
    let size = 0;
    let crc = 0n;
    for (const e of extentsOf.iterate(c.id) as Iterable<{ length: number; crc64: string }>) {
      size += e.length;
      crc = crc64Combine(crc, parseCrc64(e.crc64) ?? 0n, e.length);
    }
    if (size !== c.size) bad.push(`content ${c.id}: size ${c.size}, its extents hold ${size} bytes`);
    else if (crc64ToString(crc) !== c.crc64) bad.push(`content ${c.id}: CRC-64 ${c.crc64}, its extents combine to ${crc64ToString(crc)}`);
  }
  kind('contents disagreeing with their extents', bad, (line) => line);

  for (const table of ['objects', 'parts'] as const) {
    const what = table === 'objects' ? "o.bucket || '/' || o.key || ' version ' || o.version_id" : "'upload ' || o.upload_id || ' part ' || o.part_number";
    const live = table === 'objects' ? 'o.is_delete_marker = 0' : '1';
    kind(`${table} without content`, all(
      `SELECT ${what} AS name, o.content_id FROM ${table} o
       WHERE ${live} AND (o.content_id IS NULL OR NOT EXISTS (SELECT 1 FROM contents c WHERE c.id = o.content_id))`,
    ), (r) => `${table === 'objects' ? 'object' : 'part'} ${r.name}: content ${r.content_id ?? '(none)'} is missing`);
    kind(`${table} disagreeing with their content`, all(
      `SELECT ${what} AS name, o.size, o.crc64, c.id, c.size AS csize, c.crc64 AS ccrc FROM ${table} o JOIN contents c ON c.id = o.content_id
       WHERE o.size != c.size OR o.crc64 != c.crc64`,
    ), (r) => `${table === 'objects' ? 'object' : 'part'} ${r.name}: size ${r.size} / CRC-64 ${r.crc64}, its content ${r.id} has ${r.csize} / ${r.ccrc}`);
  }
  // contents.refs counts the versions and parts that point at the content (content.ts ref/unref).
  kind('reference counts', all(
    `SELECT c.id, c.refs, (SELECT count(*) FROM objects o WHERE o.content_id = c.id) + (SELECT count(*) FROM parts p WHERE p.content_id = c.id) AS used
     FROM contents c WHERE c.refs != used AND NOT (c.refs <= 0 AND used = 0)`,
  ), (r) => `content ${r.id}: refs ${r.refs}, but ${r.used} versions and parts use it`);
  if (sealed) {
    kind('chunks without their data key', all(
      'SELECT c.id, c.data_key_id FROM chunks c WHERE c.data_key_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM data_keys d WHERE d.id = c.data_key_id)',
    ), (r) => `chunk ${r.id}: its data key ${r.data_key_id} is missing (its bytes cannot be decrypted)`);
    kind('data keys without their KMS key', all(
      'SELECT d.id, d.kms_key_id FROM data_keys d WHERE NOT EXISTS (SELECT 1 FROM kms_keys k WHERE k.key_id = d.kms_key_id)',
    ), (r) => `data key ${r.id}: KMS key ${r.kms_key_id} is missing`);
  }
  return {
    schemaVersion,
    counts: {
      objects: count('SELECT count(*) FROM objects'),
      contents: count('SELECT count(*) FROM contents'),
      chunks: count(`SELECT count(*) FROM ${chunks}`),
    },
    reclaimable: {
      chunks: count(`SELECT count(*) FROM ${chunks} c WHERE NOT EXISTS (SELECT 1 FROM extents e WHERE e.chunk_id = c.id)`),
      contents: count('SELECT count(*) FROM contents WHERE refs <= 0'),
    },
    problems,
  };
}

export function formatReport(dir: string, r: CheckReport): string {
  const lines = [
    `local-oss check ${dir}: schema version ${r.schemaVersion}${r.schemaVersion < migrations.length ? ` (the next start upgrades it to ${migrations.length})` : ''}`,
    `  ${r.counts.objects} object versions, ${r.counts.contents} contents, ${r.counts.chunks} chunks`,
    `  reclaimable (left by an interrupted upload or a crash; the next start sweeps them): ${r.reclaimable.chunks} chunks, ${r.reclaimable.contents} contents`,
    ...r.problems.map((p) => `  problem: ${p}`),
    r.problems.length === 0 ? '  ok' : `  ${r.problems.length} problem(s)`,
  ];
  return lines.join('\n');
}
