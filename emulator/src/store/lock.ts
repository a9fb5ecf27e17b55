// One process per data directory (issue 26 item 2). The lock is an OS-level one: an EXCLUSIVE SQLite lock (fcntl
// byte-range lock) held for the process's life on <dir>/local-oss.lock. The kernel drops it when the process dies,
// however it dies, so a SIGKILLed emulator never leaves the directory stuck, and a pid that got reused by an
// unrelated process cannot fool it (a pid file checked with process.kill(pid, 0) could be fooled, and two starters
// could both judge a stale file dead and race to replace it). SQLite also tracks its locks per inode inside one
// process, so two in-process emulators on one directory are refused too. The holder's pid goes into
// <dir>/local-oss.pid only so the refusal can name it.
import Database from 'better-sqlite3';
import { accessSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError, describeFsError } from './startupError.js';

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  const lockFile = join(dir, 'local-oss.lock');
  const pidFile = join(dir, 'local-oss.pid');
  let db: Database.Database;
  try {
    accessSync(dir, constants.W_OK); // SQLite's own error for an unwritable directory names no cause
    db = new Database(lockFile, { timeout: 0 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new StartupError(describeFsError(e.syscall === 'access' ? dir : lockFile, e));
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE'); // held until release(): nothing is ever committed to this file
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      let holder = 'another process';
      try {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        if (Number.isInteger(pid) && pid > 0) holder = `process ${pid}`;
      } catch {
        // the holder has not written its pid yet
      }
      throw new StartupError(`${dir} is in use by ${holder}: stop it, or give this one another --data directory`);
    }
    throw new StartupError(describeFsError(lockFile, err as NodeJS.ErrnoException));
  }
  try {
    writeFileSync(pidFile, `${process.pid}\n`);
  } catch {
    // only the refusal's wording depends on it; the lock holds without it
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      rmSync(pidFile, { force: true });
      db.close(); // closing drops the lock (the open transaction rolls back; it holds nothing)
    },
  };
}
