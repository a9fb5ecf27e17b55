// Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit crosses the
// threshold: it copies the WAL into the database file and fsyncs both, and every request waited behind it (most of a
// small PUT's time in the profile: bench/README.md, "Checkpointer"). Here a worker thread with a connection of its own
// runs PASSIVE checkpoints, which never block the writer, so the main connection only appends to the WAL
// (synchronous=NORMAL: no fsync on commit). Durability is unchanged: a commit is in the WAL before it is
// acknowledged, and the checkpoint still fsyncs before the WAL is reused.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.js';

// Plain CommonJS evaluated by the worker, so it runs the same from dist/ and from the TypeScript sources in tests.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
let db;
try {
  const Database = require(workerData.sqlite);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = NORMAL');
  let last = -1;
  while (Atomics.load(state, 0) === 0) {
    let result;
    try {
      result = db.pragma('wal_checkpoint(PASSIVE)')[0];
    } catch (err) {
      // A full disk (the database file cannot grow to take the WAL's pages) is not the end of checkpoints: deletes
      // free pages and the next try gets through (issue 22). Anything else stops the worker, as before.
      if (err.code !== 'SQLITE_FULL' && err.code !== 'SQLITE_IOERR_WRITE') throw err;
      Atomics.wait(state, 0, 0, 50);
      continue;
    }
    const { log, checkpointed } = result;
    // Reported for writers that wait for the WAL to be folded in (settled()).
    Atomics.store(state, 2, log);
    Atomics.store(state, 3, checkpointed);
    Atomics.add(state, 4, 1);
    const progressed = checkpointed !== last;
    last = checkpointed;
    // Go again at once while the writer keeps appending; otherwise wait 50 ms for more (or for stop).
    if (checkpointed >= log || !progressed) Atomics.wait(state, 0, 0, 50);
  }
} finally {
  try {
    db?.close();
  } finally {
    Atomics.store(state, 1, 1);
    Atomics.notify(state, 1);
  }
}
`;

/** How long close() waits for a checkpoint in progress to finish before closing the database under it. */
const STOP_WAIT_MS = 10_000;

/**
 * WAL bytes past which a streaming writer waits for the checkpoint to catch up: a writer that never pauses keeps
 * SQLite from restarting the WAL, which then grows without bound and slows every page lookup and the recovery after
 * a crash (bench/README.md, "WAL bound"). Counted in frames of the main file's page size (4096 of 64 KiB in files
 * made before issue 22's small-request work, 65,536 of 4 KiB since: db.ts).
 */
const WAL_LIMIT_BYTES = 256 * 1024 * 1024;
const SETTLE_WAIT_MS = 5_000;

export interface Checkpointer {
  /** True when the WAL has grown past its limit: a streaming writer should await settled() before writing on. */
  walFull(): boolean;
  /** WAL frames in use at the worker's last checkpoint (the disk-full accounting, space.ts). */
  walFrames(): number;
  /**
   * Wakes the worker, so a WAL a delete just wrote is folded in without waiting out its pause (space.ts, a write
   * short of room). Not on every admission: woken by each small PUT, the worker ran a checkpoint (and its fsyncs)
   * per commit, ~40 % of a core at 300 PUTs/s (issue 22 profile, bench/README.md "Small requests").
   */
  wake(): void;
  /** Resolves once a checkpoint has folded the whole WAL in (or after a few seconds, whatever happens). */
  settled(): Promise<void>;
  /** Stops the worker and waits (synchronously) until its connection is closed. */
  stop(): void;
}

export function startCheckpointer(db: Db): Checkpointer {
  // [0] = stop requested (also woken to checkpoint at once), [1] = worker's connection closed, [2] = WAL frames and
  // [3] = frames checkpointed at the last checkpoint, [4] = checkpoints run.
  const state = new Int32Array(new SharedArrayBuffer(20));
  const require = createRequire(import.meta.url);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { sqlite: require.resolve('better-sqlite3'), file: db.name, state: state.buffer },
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  const walLimitFrames = WAL_LIMIT_BYTES / (db.pragma('page_size', { simple: true }) as number);
  let stopped = false;
  let dead = false; // the worker failed: SQLite checkpoints inline and no writer waits for it
  worker.on('error', (err) => {
    dead = true;
    Atomics.store(state, 1, 1);
    if (stopped || !db.open) return;
    // Without the worker the WAL would grow for ever: hand checkpoints back to SQLite.
    process.stderr.write(`local-oss: background checkpoints stopped (${err.message}); SQLite checkpoints inline\n`);
    db.pragma('wal_autocheckpoint = 1000');
  });
  return {
    walFull: () => !stopped && !dead && Atomics.load(state, 2) > walLimitFrames,
    walFrames: () => Math.max(0, Atomics.load(state, 2)),
    wake: () => void Atomics.notify(state, 0),
    async settled() {
      const deadline = Date.now() + SETTLE_WAIT_MS;
      const start = Atomics.load(state, 4);
      for (;;) {
        Atomics.notify(state, 0); // wake the worker: no need to wait out its pause
        await new Promise((resolve) => setTimeout(resolve, 2));
        const complete = Atomics.load(state, 3) >= Atomics.load(state, 2);
        if ((complete && Atomics.load(state, 4) > start) || stopped || dead || Date.now() > deadline) return;
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
      // Blocking is what the caller wants here: close() returns with no connection left open on the file.
      Atomics.wait(state, 1, 0, STOP_WAIT_MS);
    },
  };
}
