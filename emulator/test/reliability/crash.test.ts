// Issue 9: an acknowledged write survives SIGKILL. Several clients write and copy while the emulator is killed at
// random moments (20 times); after each restart on the same data dir every write that got a 200 must read back
// with the right bytes, ETag and CRC-64, no orphaned chunk may remain, and SQLite's integrity check must pass.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { crc64 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { raw } from '../http/support.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const data = mkdtempSync(join(tmpdir(), 'local-oss-crash-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; emu: RunningEmulator }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        resolve({
          child,
          emu: { url: m[1]!, region: 'cn-hangzhou', accessKeyId: 'local-oss-access-key-id', accessKeySecret: 'local-oss-access-key-secret' } as RunningEmulator,
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

interface Acked {
  key: string;
  body: Buffer;
  etag: string;
}

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    const acked = new Map<string, Acked>();
    let { child, emu } = await start();
    expect((await raw(emu, { method: 'PUT', bucket: 'crash' })).status).toBe(200);
    for (let round = 0; round < KILLS; round++) {
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const key = `r${round}/w${w}/${i}`;
          const body = randomBytes(1 + Math.floor(Math.random() * 1.5 * 1024 * 1024));
          try {
            const res = await raw(emu, { method: 'PUT', bucket: 'crash', key, body });
            if (res.status === 200) acked.set(key, { key, body, etag: res.headers.get('etag')! });
            const copyKey = `${key}.copy`;
            const copy = await raw(emu, { method: 'PUT', bucket: 'crash', key: copyKey, headers: { 'x-oss-copy-source': `/crash/${key}` } });
            if (copy.status === 200) acked.set(copyKey, { key: copyKey, body, etag: copy.headers.get('etag')! });
          } catch {
            return; // the server died mid-request: that write was not acknowledged
          }
        }
      };
      const workers = [0, 1, 2, 3].map(worker);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await new Promise((r) => child.once('exit', r));
      ({ child, emu } = await start());
    }
    for (const a of acked.values()) {
      const res = await raw(emu, { method: 'GET', bucket: 'crash', key: a.key });
      expect(res.status, a.key).toBe(200);
      expect(res.body.equals(a.body), a.key).toBe(true);
      expect(res.headers.get('etag')).toBe(a.etag);
      expect(res.headers.get('x-oss-hash-crc64ecma')).toBe(crc64(a.body).toString());
      expect(a.etag).toBe(`"${createHash('md5').update(a.body).digest('hex').toUpperCase()}"`);
    }
    expect(acked.size).toBeGreaterThan(KILLS);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const db = new Database(join(data, 'local-oss.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const orphans = db.prepare('SELECT count(*) FROM chunks WHERE id NOT IN (SELECT chunk_id FROM extents)').pluck().get();
      expect(orphans).toBe(0);
      const halfObjects = db.prepare('SELECT count(*) FROM objects WHERE content_id IS NOT NULL AND content_id NOT IN (SELECT id FROM contents)').pluck().get();
      expect(halfObjects).toBe(0);
    } finally {
      db.close();
    }
  }, 300_000);
});
