// What the store does when the disk is full (issue 22, docs/reliability.md "Disk full").
//
// SQLite in WAL mode needs free space to commit a DELETE: the pages it changes are appended to the WAL before the
// checkpoint folds them into the database. On a full disk the delete that would free space therefore fails too, and
// the user cannot dig out through the API. So the store keeps a small reserve file next to the database while it is
// healthy and gives it up at the first write that fails for lack of space: the bytes it held are what the next
// deletes (and the clean-up of the refused write's chunks) commit into. Until space is back, new uploads are refused
// before they write a byte, so they cannot eat the room the deletes need.
//
// "Space is back" is either of: the reserve can be written again (the filesystem has room), or SQLite's own free
// list holds enough pages for a write to reuse (deleted chunks go to the free list; the file does not shrink, so the
// filesystem never sees that space, but the next write does).
import { closeSync, fsyncSync, openSync, rmSync, statSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';

/** Bytes kept aside for deletes: a delete commit touches a few pages (64 KiB in older files, 4 KiB since: db.ts); 2 MiB is ~30 of the larger ones. [I] */
export const RESERVE_BYTES = 2 * 1024 * 1024;

/** Errors meaning "no space left": SQLite's, and the filesystem's (the reserve file, the -shm mapping). */
const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EDQUOT']);

/** How long a write that failed for lack of space waits for the background checkpoint to let a RESTART through. */
const RESTART_WAIT_MS = 2_000;
const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
/** Something to Atomics.wait on: a synchronous pause between checkpoint attempts (tx() is synchronous). */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** A write refused before it started because the store is out of space (the answer is the same as SQLITE_FULL). */
export class StorageFullError extends Error {
  readonly code = 'SQLITE_FULL';
  constructor() {
    super('the data directory is out of space');
  }
}

export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FULL_CODES.has(code);
}

export class Space {
  /** A write failed for lack of space and none has been seen to be back since. */
  private full = false;
  private held = false;
  private readonly reservePath: string | undefined;
  /**
   * The figures every admission reads, prepared once: db.pragma() prepares its statement on each call, and four of
   * them per small PUT were ~4 % of its CPU (issue 22 profile, bench/README.md "Small requests"). A page size is
   * fixed once a file has a table (WAL mode and VACUUM-free files: db.ts), so it is read once per file.
   */
  private readonly stmt;
  private readonly pageSizes = new Map<'main' | 'blobs', number>();

  constructor(
    private readonly db: Db,
    private readonly dataDir: string | undefined,
    /** WAL frames in use, as the checkpointer last saw them (0 without one). */
    private readonly walFrames: () => number = () => 0,
    /** Asks the checkpointer to run now instead of after its pause (a write is short of room). */
    private readonly wakeCheckpointer: () => void = () => {},
  ) {
    // In memory there is no disk to fill (SQLite's own limits would answer SQLITE_FULL, handled the same way).
    this.reservePath = dataDir === undefined ? undefined : join(dataDir, 'local-oss.reserve');
    this.stmt = {
      pageCount: db.prepare('PRAGMA main.page_count').pluck(),
      freeList: { main: db.prepare('PRAGMA main.freelist_count').pluck(), blobs: db.prepare('PRAGMA blobs.freelist_count').pluck() },
    };
    this.hold();
  }

  /** Whether the last write attempt found the store full (for tests and the admin view). */
  get isFull(): boolean {
    return this.full;
  }

  /** A write failed for lack of space: give the reserve to the deletes that will follow. */
  noteFull(): void {
    this.full = true;
    this.release();
  }

  /**
   * Called before a write stores `incoming` bytes (before a body, and before each of its chunks). Throws
   * StorageFullError when they do not fit beside what the checkpoint and the deletes need, so a refused upload
   * stores nothing more and leaves the reserve's room to the deletes; passes again as soon as there is room.
   */
  ensureWritable(incoming: number, toBlobs = false): boolean {
    // Inside a transaction is a body's last partial chunk, written as it lands: admitted with the body (the check
    // before its first byte counts up to a chunk), and a checkpoint could not run here anyway.
    if (this.dataDir === undefined || this.db.inTransaction) return toBlobs;
    // Room freed by deletes stays in the free list of the file that held the bytes (whole chunks: the blobs file;
    // tails and rows: the main one). So a whole chunk that fits only in the main file's free list goes there, and a
    // write for the main file that does not fit first has the blobs file give its free pages back to the filesystem.
    if (toBlobs) {
      if (this.fits(incoming, true)) return true;
      if (this.fits(incoming, false)) return false;
    } else {
      if (this.fits(incoming, false)) return false;
      if (this.shrinkBlobs() && this.fits(incoming, false)) return false;
    }
    this.noteFull();
    throw new StorageFullError();
  }

  /** Whether `incoming` bytes for the blobs file (or the main one) fit now; see ensureWritable. */
  private fits(incoming: number, toBlobs: boolean): boolean {
    const need = this.need(incoming, false, toBlobs);
    if (!this.held && this.fsFreeBytes() >= need + RESERVE_BYTES) this.hold(); // room again: keep the reserve
    // Without the reserve on disk, its share of the free space is not the writes' to use.
    const free = () => this.fsFreeBytes() - (this.held ? 0 : RESERVE_BYTES);
    // The worker's WAL figures may be 50 ms old; before refusing, SQLite is asked whether the WAL is reusable now.
    // A write that fits wholly in room SQLite already has (free-list pages, a WAL written again from its start)
    // takes no filesystem space, so it goes on even without the reserve: that is how writes come back after deletes
    // on a disk the database files fill (they never shrink).
    if (free() >= need) {
      this.full = false;
      return true;
    }
    // Short of room: a WAL a delete just wrote is folded in without waiting out the checkpointer's pause.
    this.wakeCheckpointer();
    if (this.walReusable() && this.need(incoming, true, toBlobs) === 0) {
      this.full = false;
      return true;
    }
    return false;
  }

  /**
   * Gives the blobs file's free pages back to the filesystem (it is created with auto_vacuum = INCREMENTAL, db.ts
   * attachBlobs): true if any went. Fails quietly on a disk too full even for that.
   */
  private shrinkBlobs(): boolean {
    if (this.db.inTransaction || this.freeListBytes('blobs') === 0) return false;
    try {
      this.db.pragma('blobs.incremental_vacuum');
      return true;
    } catch (err) {
      if (isStorageFull(err)) return false;
      throw err;
    }
  }

  /**
   * Filesystem bytes a write of `incoming` bytes will take, counted so the checkpoint can always finish. In WAL mode
   * a new page is written twice: appended to the WAL, then copied into the database file by the checkpoint, which
   * grows the file. If the free space is spent on the WAL, the checkpoint can never fold it in, the WAL is never
   * reused, and even a delete has nowhere to commit (the first run of this test: a 12 MB WAL beside a 4.5 MB file on
   * a 16 MiB disk). So the room counted is: the growth the checkpoint still owes (pages the WAL holds beyond the
   * file's end), the new pages SQLite's free list cannot take (deleted chunks' pages are reused first), and the WAL
   * bytes its file cannot take without growing (after a checkpoint the WAL is written again from its start).
   */
  private need(incoming: number, walReset = false, toBlobs = false): number {
    const pageSize = this.pageSize('main');
    const pages = this.stmt.pageCount.get() as number;
    const owed = Math.max(0, pages * pageSize - sizeOf(this.dbPath()));
    // A whole chunk goes to the blobs file (rollback journal, no WAL): its new pages past what that file's free list
    // holds, and the journal's copy of the two or so existing pages the insert changes.
    if (toBlobs) return owed + Math.max(0, incoming + 2 * pageSize - this.freeListBytes('blobs'));
    const walRoom = sizeOf(`${this.dbPath()}-wal`) - 32 - (walReset ? 0 : this.walFrames()) * (pageSize + 24);
    return owed + Math.max(0, incoming - this.freeListBytes()) + Math.max(0, incoming + 4 * pageSize - walRoom);
  }

  /**
   * Whether the whole WAL is in the database file now, so the next write starts it again from its beginning (the
   * worker's figures may be 50 ms old: asked of SQLite here, only when the write would otherwise be refused).
   */
  private walReusable(): boolean {
    if (this.db.inTransaction) return false; // a checkpoint cannot run inside the caller's transaction (a tail chunk)
    try {
      const [{ log, checkpointed }] = this.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      return log >= 0 && checkpointed >= log;
    } catch (err) {
      if (isStorageFull(err) || BUSY_CODES.has((err as { code?: string }).code ?? '')) return false;
      throw err;
    }
  }

  /**
   * A RESTART checkpoint on this connection: true when the whole WAL is folded in and the next write reuses it.
   * SQLite answers SQLITE_BUSY at once, without calling the busy handler, while another connection is checkpointing
   * (sqlite.org/c3ref/wal_checkpoint_v2.html), and the background worker often is: so a busy answer is retried for up
   * to RESTART_WAIT_MS. Only a write that already failed for lack of space waits here (a delete on a full disk that
   * met the worker mid-checkpoint failed with 507 under CI's load without it).
   */
  restartWal(): boolean {
    if (this.dataDir === undefined || this.db.inTransaction) return false;
    const deadline = Date.now() + RESTART_WAIT_MS;
    for (;;) {
      try {
        const [{ busy, log, checkpointed }] = this.db.pragma('wal_checkpoint(RESTART)') as Array<{ busy: number; log: number; checkpointed: number }>;
        if (busy === 0 && checkpointed >= log) return true;
      } catch (err) {
        // A checkpoint that cannot grow the file will not succeed by waiting; only contention is waited out.
        if (isStorageFull(err)) return false;
        if (!BUSY_CODES.has((err as { code?: string }).code ?? '')) throw err;
      }
      if (Date.now() >= deadline) return false;
      Atomics.wait(PAUSE, 0, 0, 5);
    }
  }

  private dbPath(): string {
    return join(this.dataDir!, 'local-oss.sqlite');
  }

  /**
   * Runs a change that frees space (a clean-up of chunks no content uses): if it fails for lack of space, the
   * reserve is released and it is tried once more, into the reserve's room.
   */
  freeing<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (!isStorageFull(err)) throw err;
      this.noteFull();
      return fn();
    }
  }

  private freeListBytes(schema: 'main' | 'blobs' = 'main'): number {
    return (this.stmt.freeList[schema].get() as number) * this.pageSize(schema);
  }

  private pageSize(schema: 'main' | 'blobs'): number {
    let size = this.pageSizes.get(schema);
    if (size === undefined) {
      size = this.db.pragma(`${schema}.page_size`, { simple: true }) as number;
      this.pageSizes.set(schema, size);
    }
    return size;
  }

  private fsFreeBytes(): number {
    if (this.dataDir === undefined) return Infinity;
    const st = statfsSync(this.dataDir);
    return st.bavail * st.bsize;
  }

  private hold(): void {
    if (this.reservePath === undefined || this.held) return;
    let fd: number | undefined;
    try {
      fd = openSync(this.reservePath, 'w');
      // Written, not truncated to size: a sparse file would hold no blocks and reserve nothing.
      const zeros = Buffer.alloc(64 * 1024);
      for (let done = 0; done < RESERVE_BYTES; done += zeros.length) writeSync(fd, zeros);
      fsyncSync(fd);
      this.held = true;
    } catch (err) {
      if (!isStorageFull(err)) throw err;
      this.held = false;
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(this.reservePath, { force: true }); // a partial reserve would only take room from the deletes
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private release(): void {
    if (this.reservePath === undefined || !this.held) return;
    rmSync(this.reservePath, { force: true });
    this.held = false;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // no WAL yet
  }
}
