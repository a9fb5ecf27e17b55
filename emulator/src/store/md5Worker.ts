// The MD5 of a large body, computed on a worker thread while the event loop reads the socket, takes the CRC-64 and
// writes the chunks (issue 22). In the profile of 64 MiB PUTs MD5 was ~2.8-3.3 ms of the event loop's ~4.4 ms of
// CPU per MiB (bench/README.md, "MD5 off the event loop"); on a thread of its own it runs beside the rest. The
// CRC-64 stays on the event loop: it is needed per chunk as the chunk is stored, and it balances the two threads.
//
// A whole chunk is filled in shared memory (a slot the worker was shown once) and hashed there, never copied; the
// slot is reused once the worker says it is done: no copy, no transfer (bench/README.md, "MD5 off the event loop").
// One worker serves every writer of the process (MD5 is in order per writer, and a port delivers in order); it is
// started at the first large body and unref'd, so it never keeps the process alive. A thread takes ~50-150 ms to
// start (more than a 64 MiB body takes to arrive): bodies that come before it is online are hashed on the event loop.
import { Worker } from 'node:worker_threads';

/** Plain CommonJS evaluated by the worker, so it runs the same from dist/ and from the TypeScript sources in tests. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
const slots = [];
parentPort.on('message', (m) => {
  if (m.op === 'slot') {
    slots[m.slot] = new Uint8Array(m.memory);
  } else if (m.op === 'unslot') {
    slots[m.slot] = undefined;
  } else if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (h === undefined) hashes.set(m.id, (h = createHash('md5')));
    h.update(m.bytes ?? slots[m.slot].subarray(0, m.length));
    parentPort.postMessage({ op: 'hashed', id: m.id, slot: m.slot });
  } else if (m.op === 'digest') {
    const d = (hashes.get(m.id) ?? createHash('md5')).digest();
    hashes.delete(m.id);
    parentPort.postMessage({ op: 'digest', id: m.id, digest: d });
  } else if (m.op === 'drop') {
    hashes.delete(m.id);
  }
});
`;

/**
 * Chunks handed over and not yet hashed, per writer, before its next write waits: the worker then lags by at most
 * this many MiB, which bounds the memory a fast client can make the server hold.
 */
const MAX_IN_FLIGHT = 4;
type Answer = { op: 'hashed'; id: number; slot?: number } | { op: 'digest'; id: number; digest: Uint8Array };

let worker: Worker | undefined;
let online = false;
const writers = new Map<number, OffThreadMd5>();
/**
 * Free slots kept for the next chunks: two writers' worth. Past that a freed slot is forgotten on both sides and
 * its memory collected, so a burst of concurrent large PUTs does not leave its buffers resident.
 */
const MAX_FREE = 2 * (MAX_IN_FLIGHT + 1);

/** Shared chunk buffers, by slot number; `free` lists those not being filled or hashed, `holes` forgotten ones. */
const slots: (Buffer | undefined)[] = [];
const free: number[] = [];
const holes: number[] = [];

/** A slot is no longer filled or hashed: kept for reuse, or forgotten. */
function freeSlot(slot: number): void {
  if (free.length < MAX_FREE) {
    free.push(slot);
    return;
  }
  slots[slot] = undefined;
  holes.push(slot);
  worker?.postMessage({ op: 'unslot', slot });
}
let nextId = 1;

function theWorker(): Worker {
  if (worker !== undefined) return worker;
  // The worker holds no data of its own (the chunks are transferred ArrayBuffers, outside its heap): a small heap.
  const w = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
  w.unref();
  w.once('online', () => (online = worker === w));
  w.on('message', (m: Answer) => {
    // A hashed slot is free again even when its writer was dropped meanwhile.
    if (m.op === 'hashed' && m.slot !== undefined && worker === w) freeSlot(m.slot);
    writers.get(m.id)?.answer(m);
  });
  // A worker that fails is a bug: every writer waiting on it fails with its error (the request is answered as any
  // unexpected error is), and the next large body starts a new one.
  const fail = (err: Error) => {
    if (worker === w) {
      worker = undefined;
      online = false;
      slots.length = 0; // a new worker has seen none of them
      free.length = 0;
      holes.length = 0;
    }
    for (const writer of [...writers.values()]) writer.fail(err);
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the MD5 worker exited (${code})`)));
  worker = w;
  return w;
}

/** Whether a new writer can hash on the worker now; starts the worker when there is none. */
export function md5WorkerOnline(): boolean {
  theWorker();
  return online;
}

/** One writer's MD5: whole chunks given to the worker as they fill, then the tail and the digest. */
export class OffThreadMd5 {
  private readonly id = nextId++;
  private inFlight = 0;
  private resume: (() => void) | undefined;
  private digested: { resolve(d: Buffer): void; reject(err: Error): void } | undefined;
  private failure: Error | undefined;

  constructor(readonly chunkSize: number) {
    theWorker();
    writers.set(this.id, this);
  }

  /** A buffer of chunkSize bytes to fill (shared with the worker), reused once the worker has hashed it. */
  take(): Buffer {
    let slot = free.pop();
    if (slot === undefined) {
      slot = holes.pop() ?? slots.length;
      const memory = new SharedArrayBuffer(this.chunkSize);
      slots[slot] = Buffer.from(memory);
      theWorker().postMessage({ op: 'slot', slot, memory });
    }
    return slots[slot]!;
  }

  /** Gives back a buffer from take() that the worker need not hash (the writer is done with it). */
  release(buf: Buffer): void {
    const slot = slots.indexOf(buf);
    if (slot >= 0) freeSlot(slot);
  }

  /** Hands `buf` (from take(), filled up to `length`) to the worker: the caller must not touch it again. */
  give(buf: Buffer, length: number): void {
    this.check();
    this.inFlight++;
    theWorker().postMessage({ op: 'update', id: this.id, slot: slots.indexOf(buf), length });
  }

  /** A promise to wait on before writing more while the worker lags MAX_IN_FLIGHT chunks behind; otherwise none. */
  backpressure(): Promise<void> | undefined {
    this.check();
    if (this.inFlight < MAX_IN_FLIGHT) return undefined;
    return new Promise<void>((resolve) => (this.resume = resolve)).then(() => this.check());
  }

  /** The MD5 of everything given, followed by `tail` (copied: the caller keeps it). */
  digest(tail: Buffer): Promise<Buffer> {
    this.check();
    const w = theWorker();
    // The tail stays the caller's (it is stored with the object): the worker gets a copy.
    if (tail.length > 0) w.postMessage({ op: 'update', id: this.id, bytes: new Uint8Array(tail) });
    w.postMessage({ op: 'digest', id: this.id });
    return new Promise((resolve, reject) => (this.digested = { resolve, reject }));
  }

  /** The body is abandoned: the worker forgets its state. */
  drop(): void {
    writers.delete(this.id);
    worker?.postMessage({ op: 'drop', id: this.id });
  }

  /** @internal a message from the worker for this writer. */
  answer(m: Answer): void {
    if (m.op === 'hashed') {
      if (m.slot === undefined) return; // the tail's copy
      this.inFlight--;
      if (this.inFlight < MAX_IN_FLIGHT) this.wake();
    } else {
      writers.delete(this.id);
      this.digested?.resolve(Buffer.from(m.digest.buffer, m.digest.byteOffset, m.digest.byteLength));
    }
  }

  /** @internal the worker failed. */
  fail(err: Error): void {
    this.failure = err;
    writers.delete(this.id);
    this.wake();
    this.digested?.reject(err);
  }

  private wake(): void {
    const resume = this.resume;
    this.resume = undefined;
    resume?.();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
