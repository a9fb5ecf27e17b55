// The store: one SQLite database behind the table modules. API handlers reach storage only through this facade,
// and every multi-step change runs in `tx`, so a write is all-or-nothing and acknowledged only once committed.
import type { Db } from './db.js';
import { openDatabase } from './db.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { BucketStore } from './buckets.js';
import { ContentStore } from './content.js';
import { KmsStore } from './kms.js';
import { Listing } from './listing.js';
import { ObjectStore } from './objects.js';
import { UploadStore } from './uploads.js';

export class Store {
  readonly buckets: BucketStore;
  readonly content: ContentStore;
  readonly kms: KmsStore;
  readonly objects: ObjectStore;
  readonly listing: Listing;
  readonly uploads: UploadStore;

  private constructor(
    readonly db: Db,
    private readonly checkpointer: Checkpointer | undefined,
  ) {
    this.buckets = new BucketStore(db);
    this.kms = new KmsStore(db);
    this.content = new ContentStore(db, this.kms);
    this.objects = new ObjectStore(db, this.content);
    this.listing = new Listing(db);
    this.uploads = new UploadStore(db, this.content);
  }

  /** Opens (or creates) the store; `dataDir` undefined keeps everything in memory. */
  static open(dataDir: string | undefined): Store {
    const db = openDatabase(dataDir);
    const store = new Store(db, dataDir === undefined ? undefined : startCheckpointer(db));
    store.content.sweep(); // what a crash left behind: chunks of unfinished uploads, unreferenced contents
    return store;
  }

  /** Runs `fn` in one IMMEDIATE transaction (writers serialise; readers never see half a change). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Stops the checkpointer first, so the main connection is the last one and its close folds the WAL in. */
  close(): void {
    this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
