// Issue 6 item 3: the client's multipart upload and ranged download managers against the emulator.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Downloader, OssClient, Uploader, crc64 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from '../http/support.js';

let emu: RunningEmulator;
let client: OssClient;
const dir = mkdtempSync(join(tmpdir(), 'local-oss-transfer-'));
const data = randomBytes(5 * 1024 * 1024 + 333);

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket: 'transfer' });
  writeFileSync(join(dir, 'up.bin'), data);
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Uploader and Downloader', () => {
  it('uploads a file in parallel parts and downloads it back with ranged GETs, CRC-64 checked both ways', async () => {
    const progress: number[] = [];
    const up = await new Uploader(client, { partSize: 1024 * 1024, parallelNum: 4, onProgress: (d) => progress.push(d) }).uploadFile(
      { bucket: 'transfer', key: 'big.bin', contentType: 'application/octet-stream' },
      join(dir, 'up.bin'),
    );
    expect(up.hashCrc64).toBe(crc64(data).toString());
    expect(up.etag).toMatch(/-6"$/);
    expect(progress[progress.length - 1]).toBe(data.length);
    const down = await new Downloader(client, { partSize: 700 * 1024, parallelNum: 3 }).downloadFile({ bucket: 'transfer', key: 'big.bin' }, join(dir, 'down.bin'));
    expect(down.hashCrc64).toBe(crc64(data).toString());
    expect(readFileSync(join(dir, 'down.bin')).equals(data)).toBe(true);
  });
});
