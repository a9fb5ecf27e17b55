// The store: one SQLite database behind the table modules. API handlers reach storage only through this facade,
// and every multi-step change runs in `tx`, so a write is all-or-nothing and acknowledged only once committed.
import type { Db } from './db.js';
import { databaseFile, describeSqliteError, makeDataDir, openDatabase } from './db.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { StartupError } from './startupError.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { AccountStore } from './account.js';
import { BucketStore } from './buckets.js';
import { ContentStore } from './content.js';
import { KmsStore } from './kms.js';
import { Listing } from './listing.js';
import { ReplicationQueue } from './replicationQueue.js';
import { StatsStore } from './stats.js';
import { ObjectStore } from './objects.js';
import { UploadStore } from './uploads.js';
import { isStorageFull, Space } from './space.js';

export class Store {
  readonly account: AccountStore;
  readonly buckets: BucketStore;
  readonly content: ContentStore;
  readonly kms: KmsStore;
  readonly objects: ObjectStore;
  readonly listing: Listing;
  readonly uploads: UploadStore;
  readonly stats: StatsStore;
  /** Changes waiting to be replicated (api/replicationRun.ts). */
  readonly replication: ReplicationQueue;
  /** The disk-full state and the reserve kept for deletes (space.ts). */
  readonly space: Space;

  private group: Array<{ fn: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void }> = [];

  private constructor(
    readonly db: Db,
    private readonly checkpointer: Checkpointer | undefined,
    dataDir: string | undefined,
    private readonly lock: DataDirLock | undefined,
  ) {
    this.space = new Space(db, dataDir, () => checkpointer?.walFrames() ?? 0, () => checkpointer?.wake());
    this.account = new AccountStore(db);
    this.buckets = new BucketStore(db);
    this.kms = new KmsStore(db);
    this.content = new ContentStore(db, this.kms, this.space);
    this.objects = new ObjectStore(db, this.content);
    this.listing = new Listing(db);
    this.uploads = new UploadStore(db, this.content);
    this.stats = new StatsStore(db);
    this.replication = new ReplicationQueue(db);
  }

  /** Opens (or creates) the store; `dataDir` undefined keeps everything in memory. */
  static open(dataDir: string | undefined): Store {
    if (dataDir === undefined) return new Store(openDatabase(undefined), undefined, undefined, undefined);
    makeDataDir(dataDir);
    // The lock comes first: a second process must not even run migrations on a directory in use.
    const lock = lockDataDir(dataDir);
    let db: Db | undefined;
    try {
      db = openDatabase(dataDir);
      const store = new Store(db, startCheckpointer(db), dataDir, lock);
      try {
        // What a crash left behind: chunks of unfinished uploads, unreferenced contents.
        store.space.freeing(() => store.content.sweep());
      } catch (err) {
        if (isStorageFull(err)) {
          // Started on a full disk: serve anyway, so the user can free space through the API; the next start sweeps.
          process.stderr.write('local-oss: the data directory is full; start-up clean-up skipped until there is space\n');
          return store;
        }
        store.close();
        throw err instanceof StartupError ? err : new StartupError(describeSqliteError(databaseFile(dataDir), err));
      }
      return store;
    } catch (err) {
      if (db?.open) db.close();
      lock.release();
      throw err;
    }
  }

  /** Runs `fn` in one IMMEDIATE transaction (writers serialise; readers never see half a change). */
  tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      if (!isStorageFull(err)) throw err;
      // Out of space: the reserve goes to the deletes (space.ts), and if a checkpoint can fold the whole WAL in now,
      // the change is tried once more: the WAL is then written again from its start, into room the file already has
      // (a delete that met a WAL the background checkpoint had not caught up with gets through this way).
      this.space.noteFull();
      if (!this.space.restartWal()) throw err;
      return this.db.transaction(fn).immediate();
    }
  }

  /**
   * Group commit: runs `fn` in a transaction shared with the other writes queued in the same event-loop turn, each
   * in a savepoint of its own (a refused write undoes only itself), and settles them all after the one COMMIT. The
   * outcome is the same as running them one after another; what is saved is the commit, whose WAL frames cost more
   * than a small PUT's own work (bench/README.md, "Group commit").
   */
  groupTx<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.group.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.group.length === 1) setImmediate(() => this.commitGroup());
    });
  }

  private commitGroup(): void {
    const batch = this.group;
    this.group = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; err: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          for (const item of batch) {
            try {
              outcomes.push({ ok: true, value: this.db.transaction(item.fn)() }); // nested: a savepoint
            } catch (err) {
              if (isStorageFull(err)) this.space.noteFull();
              outcomes.push({ ok: false, err });
            }
          }
        })
        .immediate();
    } catch (err) {
      if (isStorageFull(err)) this.space.noteFull();
      for (const item of batch) item.reject(err); // the COMMIT itself failed: nothing of the group landed
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.err);
    });
  }

  /** Whether a streaming writer should pause for the checkpoint (see checkpointer.ts); in memory, never. */
  walFull(): boolean {
    return this.checkpointer?.walFull() ?? false;
  }

  /** Resolves once the WAL has been folded into the database (bounded wait). */
  walSettled(): Promise<void> {
    return this.checkpointer?.settled() ?? Promise.resolve();
  }

  /** Stops the checkpointer first, so the main connection is the last one and its close folds the WAL in. */
  close(): void {
    this.checkpointer?.stop();
    if (this.db.open) this.db.close();
    this.lock?.release(); // last: the directory is free only once the database is closed
  }
}
