// Issue 22: a large body's MD5 is computed on a worker thread (store/md5Worker.ts) while its chunks are stored. The
// ETag must be the MD5 of exactly the bytes received, whatever the sizes, the pieces and the writers in parallel,
// and the chunks and CRC-64 the same as when the event loop hashes.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crc64 } from '@local-oss/client';
import { CHUNK_SIZE, type ContentWriter } from '../../src/store/contentWriter.js';
import { Store } from '../../src/store/store.js';
import { chunkCounts, readContent, tempDataDir } from './support.js';

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** Feeds `body` in `piece`-byte writes, waiting whenever the writer asks to (as http/body.ts receiveStream does). */
async function feed(writer: ContentWriter, body: Buffer, piece: number, interleave = false): Promise<void> {
  for (let pos = 0; pos < body.length; pos += piece) {
    const lagging = writer.write(body.subarray(pos, pos + piece));
    if (lagging !== undefined) await lagging;
    // As pieces from several sockets arrive: other writers fill their buffers in between.
    if (interleave) await new Promise((r) => setImmediate(r));
  }
}

describe('MD5 off the event loop', () => {
  let data: ReturnType<typeof tempDataDir>;
  let store: Store;
  beforeEach(() => {
    data = tempDataDir();
    store = Store.open(data.dir);
  });
  afterEach(() => {
    store.close();
    data.remove();
  });

  it('gives the MD5, CRC-64 and bytes of the body for sizes around the chunk size, in any pieces', async () => {
    for (const size of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 7 * CHUNK_SIZE + 12_345]) {
      for (const piece of [65_536, 100_003, CHUNK_SIZE + 7]) {
        const body = randomBytes(size);
        const writer = store.content.createWriter({ md5OffThread: true, sizeHint: size });
        await feed(writer, body, piece);
        const pending = await writer.finished();
        expect(pending.md5.toString('hex'), `${size} bytes in ${piece}`).toBe(md5(body));
        expect(pending.crc64).toBe(crc64(body));
        expect(pending.size).toBe(size);
        const id = store.tx(() => store.content.commit(pending));
        expect((await readContent(store, id)).equals(body), `${size} bytes in ${piece}`).toBe(true);
      }
    }
  });

  it('keeps concurrent writers apart (one worker serves them all)', async () => {
    const bodies = [0, 1, 2, 3, 4, 5].map((i) => randomBytes(3 * CHUNK_SIZE + i * 1000));
    const results = await Promise.all(
      bodies.map(async (body) => {
        const writer = store.content.createWriter({ md5OffThread: true });
        await feed(writer, body, 65_536);
        return (await writer.finished()).md5.toString('hex');
      }),
    );
    expect(results).toEqual(bodies.map(md5));
  });

  it('an aborted writer leaves no chunk and does not disturb the next one', async () => {
    const before = chunkCounts(store);
    const cutOff = store.content.createWriter({ md5OffThread: true });
    await feed(cutOff, randomBytes(5 * CHUNK_SIZE), 65_536);
    cutOff.abort();
    expect(chunkCounts(store)).toEqual(before);
    const body = randomBytes(2 * CHUNK_SIZE + 1);
    const next = store.content.createWriter({ md5OffThread: true });
    await feed(next, body, 65_536);
    expect((await next.finished()).md5.toString('hex')).toBe(md5(body));
  });

  it('shares its buffers safely: writers that abort or finish while others write leave the others right', async () => {
    for (let round = 0; round < 3; round++) {
      const bodies = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => randomBytes(2 * CHUNK_SIZE + i * 77_777));
      const results = await Promise.all(
        bodies.map(async (body, i) => {
          const writer = store.content.createWriter({ md5OffThread: true });
          await feed(writer, i % 3 === 0 ? body.subarray(0, CHUNK_SIZE + 5) : body, 65_536, true);
          if (i % 3 === 0) {
            writer.abort();
            writer.abort(); // twice: its buffer must be given back once only
            return undefined;
          }
          return (await writer.finished()).md5.toString('hex');
        }),
      );
      expect(results).toEqual(bodies.map((b, i) => (i % 3 === 0 ? undefined : md5(b))));
    }
  });

  it('a small body is hashed on the event loop, so finish() still answers at once', () => {
    const body = randomBytes(1000);
    const writer = store.content.createWriter({ md5OffThread: true, sizeHint: body.length });
    writer.write(body);
    expect(writer.finish().md5.toString('hex')).toBe(md5(body));
  });
});
