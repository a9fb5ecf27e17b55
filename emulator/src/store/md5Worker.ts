// The MD5 of a large body, computed on a worker thread while the event loop reads the socket, takes the CRC-64 and
// writes the chunks (issue 22). In the profile of 64 MiB PUTs MD5 was ~2.8-3.3 ms of the event loop's ~4.4 ms of
// CPU per MiB (bench/README.md, "MD5 off the event loop"); on a thread of its own it runs beside the rest. The
// CRC-64 stays on the event loop: it is needed per chunk as the chunk is stored, and it balances the two threads.
//
// A whole chunk's buffer is transferred to the worker, never copied; the worker gives it back for the next chunk.
// One worker serves every writer of the process (MD5 is in order per writer, and a port delivers in order); it is
// started at the first large body and unref'd, so it never keeps the process alive. A thread takes ~50-150 ms to
// start (more than a 64 MiB body takes to arrive): bodies that come before it is online are hashed on the event loop.
import { Worker } from 'node:worker_threads';

/** Plain CommonJS evaluated by the worker, so it runs the same from dist/ and from the TypeScript sources in tests. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let h = hashes.get(m.id);
    if (h === undefined) hashes.set(m.id, (h = createHash('md5')));
    h.update(new Uint8Array(m.buf, 0, m.length));
    parentPort.postMessage({ op: 'hashed', id: m.id, buf: m.buf }, [m.buf]);
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
/** Buffers given back by the worker and kept for the next chunks (of any writer): one writer's worth in flight. */
const MAX_POOLED = MAX_IN_FLIGHT;

type Answer = { op: 'hashed'; id: number; buf: ArrayBuffer } | { op: 'digest'; id: number; digest: Uint8Array };

let worker: Worker | undefined;
let online = false;
const writers = new Map<number, OffThreadMd5>();
const pool: ArrayBuffer[] = [];
let nextId = 1;

function theWorker(): Worker {
  if (worker !== undefined) return worker;
  // The worker holds no data of its own (the chunks are transferred ArrayBuffers, outside its heap): a small heap.
  const w = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
  w.unref();
  w.once('online', () => (online = worker === w));
  w.on('message', (m: Answer) => writers.get(m.id)?.answer(m));
  // A worker that fails is a bug: every writer waiting on it fails with its error (the request is answered as any
  // unexpected error is), and the next large body starts a new one.
  const fail = (err: Error) => {
    if (worker === w) {
      worker = undefined;
      online = false;
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

  /** A buffer of chunkSize bytes to fill, reused when the worker has given one back. */
  take(): Buffer {
    const pooled = pool.pop();
    return pooled !== undefined ? Buffer.from(pooled) : Buffer.from(new ArrayBuffer(this.chunkSize));
  }

  /** Hands `buf` (from take(), filled up to `length`) to the worker: the caller must not touch it again. */
  give(buf: Buffer, length: number): void {
    this.check();
    this.inFlight++;
    theWorker().postMessage({ op: 'update', id: this.id, buf: buf.buffer, length }, [buf.buffer as ArrayBuffer]);
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
    if (tail.length > 0) {
      const copy = new ArrayBuffer(tail.length);
      new Uint8Array(copy).set(tail);
      this.inFlight++;
      w.postMessage({ op: 'update', id: this.id, buf: copy, length: tail.length }, [copy]);
    }
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
      this.inFlight--;
      if (m.buf.byteLength === this.chunkSize && pool.length < MAX_POOLED) pool.push(m.buf);
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
