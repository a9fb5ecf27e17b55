// Opens the one SQLite file (or an in-memory database) and brings its schema up to date.
// WAL + synchronous=NORMAL: a committed transaction survives a process crash (SIGKILL), which is the promise the
// emulator makes (an acknowledged write is never lost). Pages stay at SQLite's 4 KiB: every page a commit touches is
// written whole to the WAL, so 64 KiB pages (kept by databases created before issue 8, which still open) made a
// 1 KiB PUT write ~0.5 MiB (measured: 1,200 vs 9,100 small commits/s); with checkpoints off the event loop
// (checkpointer.ts) 1 MiB chunk blobs still insert at ~370 MB/s on 4 KiB pages.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './schema.js';

export type Db = Database.Database;

export function openDatabase(dataDir: string | undefined): Db {
  let db: Db;
  if (dataDir === undefined) {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'local-oss.sqlite'));
  }
  if (dataDir !== undefined) {
    db.pragma('journal_mode = WAL');
    // A long burst of writes outruns the checkpointer and grows the WAL; once it catches up, shrink the file back.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
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
