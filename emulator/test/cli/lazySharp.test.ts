// Issue 22: sharp (libvips) is loaded at the first image operation (api/lazySharp.ts), so an emulator that never
// processes an image never maps libvips. Read from the process's own memory map (Linux).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCliOn } from '../reliability/cliProcess.js';
import { raw } from '../http/support.js';

const data = mkdtempSync(join(tmpdir(), 'local-oss-lazysharp-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const vipsMapped = (pid: number) => readFileSync(`/proc/${pid}/maps`, 'utf8').includes('libvips');

describe.skipIf(process.platform !== 'linux')('sharp on first use', () => {
  it('is not loaded by start-up or object requests, and is by the first image request', async () => {
    const { child, emu } = await startCliOn(data);
    try {
      expect((await raw(emu, { method: 'PUT', bucket: 'lazy' })).status).toBe(200);
      expect((await raw(emu, { method: 'PUT', bucket: 'lazy', key: 'a.png', body: PNG })).status).toBe(200);
      expect((await raw(emu, { method: 'GET', bucket: 'lazy', key: 'a.png' })).status).toBe(200);
      expect(vipsMapped(child.pid!)).toBe(false);
      const info = await raw(emu, { method: 'GET', bucket: 'lazy', key: 'a.png', query: [['x-oss-process', 'image/info']] });
      expect(info.status).toBe(200);
      expect(JSON.parse(info.body.toString()).ImageWidth).toEqual({ value: '1' });
      expect(vipsMapped(child.pid!)).toBe(true);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);
});
