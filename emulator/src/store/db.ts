// Opens the one SQLite file (or an in-memory database) and brings its schema up to date.
// WAL + synchronous=NORMAL: a committed transaction survives a process crash (SIGKILL), which is the promise the
// emulator makes (an acknowledged write is never lost). The main file holds rows and the last partial chunk of each
// body; whole 1 MiB chunks live in the blobs file (attachBlobs), whose pages are 64 KiB. The main file's pages are
// 4 KiB (set before the file has any table; a file made earlier keeps its 64 KiB pages): a commit writes every page
// it touched whole into the WAL, and the checkpoint copies it again, so a 1 KiB PUT on 64 KiB pages wrote ~0.5 MiB
// twice. 64 KiB pages were chosen when whole chunks were in this file (bench/README.md, "Page size"); since they moved
// out, 4 KiB pages measured (issue 22, bench/README.md "Small requests"): server CPU per 1 KiB PUT 2,080-2,120 ->
// 1,240-1,413 us at c1, 727-743 -> 560-617 us at c16, a 512 KiB PUT (its bytes in this file) 5,700-6,050 -> 5,000-5,350
// us at the same rate, a ListObjectsV2 page of 1,000 of 20,000 keys 9-11 -> 9-10 ms.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './schema.js';
import { StartupError, describeFsError } from './startupError.js';

export type Db = Database.Database;

export function openDatabase(dataDir: string | undefined): Db {
  let db: Db;
  if (dataDir === undefined) {
    db = new Database(':memory:');
  } else {
    const file = databaseFile(dataDir);
    try {
      db = new Database(file);
    } catch (err) {
      throw new StartupError(describeFsError(file, err as NodeJS.ErrnoException));
    }
    try {
      // Before anything writes (journal_mode = WAL rewrites the header): a file we must refuse stays untouched.
      identify(db, file);
    } catch (err) {
      db.close();
      throw err;
    }
  }
  try {
    configure(db, dataDir !== undefined);
    attachBlobs(db, dataDir);
  } catch (err) {
    db.close();
    if (dataDir === undefined || err instanceof StartupError) throw err;
    throw new StartupError(describeSqliteError(databaseFile(dataDir), err));
  }
  return db;
}

function configure(db: Db, onDisk: boolean): void {
  db.pragma('page_size = 4096');
  if (onDisk) {
    db.pragma('journal_mode = WAL');
    // A long burst of writes outruns the checkpointer and grows the WAL; once it catches up, shrink the file back.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'local-oss.sqlite');
}

/** The second file: whole chunks of object bytes (see attachBlobs). */
export function blobsFile(dataDir: string): string {
  return join(dataDir, 'local-oss.blobs.sqlite');
}

/**
 * Chunk ids above this live in `blobs.chunks`, the others in the main file's `chunks`. A row with this id stays in
 * `blobs.chunks` for ever, so SQLite's next rowid (the largest + 1) is always above it.
 */
export const BLOB_BASE = 2 ** 48;

/**
 * Whole 1 MiB chunks live in a second SQLite file in rollback-journal mode (issue 22, bench/README.md "Write-once
 * chunks"). In WAL mode every byte was written twice, to the WAL and again by the checkpoint; SQLite journals only
 * pages that existed when a transaction began, so the pages of an appended blob are written once (to the file,
 * never to the journal). synchronous=OFF keeps a committed transaction through a process crash (the OS has the
 * writes; the journal undoes a half one), which is the promise the WAL mode makes here too. Such a chunk is written
 * in a transaction of its own, committed before the transaction that makes an extent point at it (ChunkRows): a
 * crash in between leaves a chunk no extent uses, swept at the next start, as before. A transaction spanning both
 * files (a delete dropping an object and its chunks) is atomic in each file but not across them (the main file is
 * in WAL mode: sqlite.org/lang_attach.html); the main file commits first, so the worst a crash leaves is chunks
 * without extents, which the sweep reclaims. A body's last partial chunk still goes into the main file, inside the
 * object's own transaction (a small PUT is one commit).
 */
function attachBlobs(db: Db, dataDir: string | undefined): void {
  const file = dataDir === undefined ? ':memory:' : blobsFile(dataDir);
  try {
    db.prepare('ATTACH DATABASE ? AS blobs').run(file);
    db.pragma('blobs.page_size = 65536');
    // Free pages can be given back to the filesystem (space.ts shrinkBlobs); set before the file has a table.
    db.pragma('blobs.auto_vacuum = INCREMENTAL');
    if (dataDir !== undefined) {
      db.pragma('blobs.journal_mode = PERSIST'); // the journal file is kept and its header zeroed: no create/unlink per commit
      db.pragma(`blobs.journal_size_limit = ${8 * 1024 * 1024}`);
    }
    db.pragma('blobs.synchronous = OFF');
    // Whole chunks are written once and read as they stream out: a small cache. With better-sqlite3's default
    // (16,000 KiB) a 1 GiB PUT grew the process by ~300 MiB (bench run of 2026-12-02; a bare loop of 1 MiB inserts:
    // 297 MiB resident against 58 with 4 MiB), so the cache holds 64 pages: a chunk's 16 and the table's few.
    db.pragma('blobs.cache_size = -4096');
    db.exec(`CREATE TABLE IF NOT EXISTS blobs.chunks (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
      INSERT OR IGNORE INTO blobs.chunks (id, data) VALUES (${BLOB_BASE}, x'')`);
  } catch (err) {
    if (dataDir === undefined) throw err;
    throw new StartupError(describeSqliteError(file, err));
  }
}

/** Creates the data directory, with a one-line reason when it cannot be. */
export function makeDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new StartupError(describeFsError(dataDir, err as NodeJS.ErrnoException));
  }
}

/** The tables every schema version since migration 1 has: what tells a local-oss database from another SQLite file. */
const OUR_TABLES = ['chunks', 'contents', 'extents', 'buckets', 'objects', 'uploads', 'parts'];

/**
 * Refuses, with a one-line reason, what this code must not open: a file that is not SQLite or is corrupt, a SQLite
 * database of another program, one written by a newer local-oss (its migrations are unknown here; it is left as
 * it is). An empty file or a database without tables is a new store.
 */
export function identify(db: Db, file: string): void {
  let version: number;
  let tables: string[];
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } catch (err) {
    throw new StartupError(describeSqliteError(file, err));
  }
  if (tables.length === 0 && version === 0) return;
  const missing = OUR_TABLES.filter((t) => !tables.includes(t));
  if (version === 0 || missing.length > 0) {
    throw new StartupError(
      `${file} is a SQLite database but not a local-oss one (${version === 0 ? 'no schema version' : `no table ${missing.join(', ')}`}): ` +
        'point --data at a directory of its own',
    );
  }
  if (version > migrations.length) {
    throw new StartupError(
      `${file} was written by a newer local-oss (schema version ${version}; this one knows up to ${migrations.length}); ` +
        'it was left unchanged: upgrade local-oss, or choose another --data directory',
    );
  }
}

/** One line for a SQLite error met while opening a database file. */
export function describeSqliteError(file: string, err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return `${file} is not a SQLite database (${e.message}): move it away, or choose another --data directory`;
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return `${file} is corrupt (${e.message}): restore a backup or move it away; local-oss check --data <dir> lists what is wrong`;
  }
  return describeFsError(file, e);
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
