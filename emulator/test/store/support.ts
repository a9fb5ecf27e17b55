// Helpers for driving the content store directly: write a body through a writer, commit it as a referenced
// content (as an object version would hold it), and read a byte range back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import type { WriterOptions } from '../../src/store/contentWriter.js';
import { BLOB_BASE } from '../../src/store/db.js';

/** Recognisable bytes: a marker followed by a counter, so a leak of any stretch of plaintext is visible. */
export const MARKER = 'LOCAL-OSS-PLAINTEXT-MARKER';
export function patterned(size: number): Buffer {
  const out = Buffer.alloc(size);
  let pos = 0;
  for (let i = 0; pos < size; i++) pos += out.write(`${MARKER}-${i};`, pos);
  return out;
}

/** Writes `body` in uneven pieces (as a socket delivers it) and commits it with one reference. */
export function putContent(store: Store, body: Buffer, options: WriterOptions = {}, piece = 100_003): number {
  const writer = store.content.createWriter(options);
  for (let pos = 0; pos < body.length; pos += piece) writer.write(body.subarray(pos, pos + piece));
  const pending = writer.finish();
  return store.tx(() => {
    const id = store.content.commit(pending);
    store.content.ref(id);
    return id;
  });
}

export async function readContent(store: Store, contentId: number, start = 0, end?: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const stop = end ?? store.content.info(contentId)!.size;
  for await (const part of store.content.openReadStream(contentId, start, stop)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

export function count(store: Store, table: string): number {
  if (table === 'chunks') return chunkCounts(store).reduce((a, b) => a + b);
  return store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Chunks in the main file and in the blobs file (whole chunks written outside a transaction; db.ts attachBlobs). */
export function chunkCounts(store: Store): [main: number, blobs: number] {
  return [
    store.db.prepare('SELECT count(*) FROM main.chunks').pluck().get() as number,
    store.db.prepare(`SELECT count(*) FROM blobs.chunks WHERE id > ${BLOB_BASE}`).pluck().get() as number,
  ];
}

/** A temporary data directory, removed by the returned cleanup. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'local-oss-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
