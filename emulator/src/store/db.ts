// Opens the one SQLite file (or an in-memory database) and brings its schema up to date.
// WAL + synchronous=NORMAL: a committed transaction survives a process crash (SIGKILL), which is the promise the
// emulator makes (an acknowledged write is never lost). Pages of 64 KiB (set before the file has any table): SQLite
// writes a WAL frame per page with its own syscalls and looks every page up in a WAL index that grows with the WAL,
// so 1 MiB chunk blobs on 4 KiB pages cost about twice the CPU. The price is paid by lone small writes, whose few
// touched pages are written whole; under concurrency the group commit (Store.groupTx) shares those pages
// (bench/README.md, "Page size").
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
  db.pragma('page_size = 65536');
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
