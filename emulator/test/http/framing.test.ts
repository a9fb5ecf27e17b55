// HTTP framing the emulator takes from a raw socket: what Node's strict parser would refuse but OSS accepts
// (Content-Length together with Transfer-Encoding: chunked), and the strict checks kept in place (server.ts).
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { raw, startTestEmulator, createPublicBucket } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  // Public read-write: the raw requests below need no signature.
  await createPublicBucket(emu, 'framing', 'public-read-write');
});
afterAll(() => emu.close());

/** Writes `request` as bytes and returns everything the server sends until it closes or goes quiet. */
function send(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emu.port, emu.host, () => socket.write(request));
    let data = '';
    const timer = setTimeout(() => socket.end(), 1500);
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      if (/\r\n\r\n/.test(data)) {
        const length = /content-length: (\d+)/i.exec(data)?.[1];
        if (length !== undefined && data.length >= data.indexOf('\r\n\r\n') + 4 + Number(length)) socket.end();
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on('error', reject);
  });
}

const head = (lines: string[]) => lines.join('\r\n') + '\r\n\r\n';

describe('request framing', () => {
  it('accepts Content-Length with Transfer-Encoding: chunked and stores the chunked body (ali-oss put() of a stream)', async () => {
    const answer = await send(
      head(['PUT /framing/both.txt HTTP/1.1', `Host: ${emu.host}:${emu.port}`, 'Content-Length: 11', 'Transfer-Encoding: chunked', 'Connection: close']) +
        '5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const get = await raw(emu, { method: 'GET', bucket: 'framing', key: 'both.txt', sign: 'none' });
    expect(get.text).toBe('hello world');
  });

  it('still refuses what the strict parser refused: control characters in a header, an invalid header name', async () => {
    for (const bad of ['X-Oss-Meta-A: a\x01b', 'X-Oss-Meta-A: a\x7fb', 'Bad Name: x']) {
      const answer = await send(head(['PUT /framing/bad.txt HTTP/1.1', `Host: ${emu.host}`, bad, 'Content-Length: 1', 'Connection: close']) + 'x');
      expect(answer, JSON.stringify(bad)).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/x-oss-err: /);
    }
    const missing = await raw(emu, { method: 'GET', bucket: 'framing', key: 'bad.txt', sign: 'none' });
    expect(missing.status).toBe(404);
  });

  it('refuses a Transfer-Encoding that does not end in chunked (RFC 9112 §6.3)', async () => {
    const answer = await send(head(['PUT /framing/gz.txt HTTP/1.1', `Host: ${emu.host}`, 'Transfer-Encoding: gzip', 'Connection: close']) + 'x');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('keeps serving on the same port afterwards', async () => {
    expect((await raw(emu, { method: 'GET', bucket: 'framing', key: 'both.txt', sign: 'none' })).status).toBe(200);
  });
});
