// Pacing a transfer to the request's x-oss-traffic-limit (domain/trafficLimit.ts): uploads are read, downloads
// written, no faster than the limit; without one nothing waits.
import { setTimeout as sleep } from 'node:timers/promises';
import { Readable, Transform } from 'node:stream';
import { paceDelayMs, parseTrafficLimit } from '../domain/trafficLimit.js';
import type { OssContext } from './state.js';

/** The request's limit in bytes/s (the header, or the parameter of a signed URL); refused when out of range. */
export function trafficLimitOf(ctx: OssContext): number | undefined {
  return parseTrafficLimit(ctx.get('x-oss-traffic-limit'), ctx.state.query.get('x-oss-traffic-limit'));
}

export class Pacer {
  private readonly start = Date.now();
  private bytes = 0;

  constructor(private readonly bytesPerSecond: number) {}

  /** Counts `n` more bytes moved and waits until the rate is back under the limit. */
  async moved(n: number): Promise<void> {
    this.bytes += n;
    const wait = paceDelayMs(this.bytes, this.bytesPerSecond, Date.now() - this.start);
    if (wait > 0) await sleep(wait);
  }
}

/** A download body that flows at most at `bytesPerSecond`, in slices of a tenth of a second's worth. */
export function pacedBody(body: Buffer | Readable, bytesPerSecond: number): Readable {
  const pacer = new Pacer(bytesPerSecond);
  const slice = Math.max(1024, Math.floor(bytesPerSecond / 10));
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        void (async () => {
          for (let i = 0; i < chunk.length; i += slice) {
            const part = chunk.subarray(i, i + slice);
            this.push(part);
            await pacer.moved(part.length);
          }
        })().then(() => done(), done);
      },
    }),
  );
}
