// Issue 26 items 2, 3, 5: one process per data directory, one-line start-up errors, `local-oss check`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { raw } from '../http/support.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const require = createRequire(import.meta.url);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'local-oss-datadir-'));
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** Runs the CLI to its exit (a start that must fail, or `check`). */
function run(args: string[], opts: { uid?: number } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failed start: non-zero, exactly one line on stderr, no usage text. */
function refused(args: string[], opts: { uid?: number } = {}): string {
  const r = run(['--port', '0', ...args], opts);
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain('usage');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr.trim();
}

const emu = (url: string) =>
  ({ url, region: 'cn-hangzhou', accessKeyId: 'local-oss-access-key-id', accessKeySecret: 'local-oss-access-key-secret' }) as RunningEmulator;

describe('one process per data directory', () => {
  it('refuses a second process with the holder pid; a SIGKILLed holder leaves nothing stuck', async () => {
    const data = tempDir();
    const first = await start(['--port', '0', '--data', data]);
    expect(refused(['--data', data])).toBe(`local-oss: ${data} is in use by process ${first.child.pid}: stop it, or give this one another --data directory`);
    // check refuses too: it must not read a store that is being written
    expect(run(['check', '--data', data]).stderr).toContain(`is in use by process ${first.child.pid}`);
    expect((await raw(emu(first.url), { method: 'PUT', bucket: 'locked' })).status).toBe(200);
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;
    const second = await start(['--port', '0', '--data', data]);
    expect((await raw(emu(second.url), { method: 'GET', bucket: 'locked', query: [['location', undefined]] })).status).toBe(200);
    const stopped = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await stopped;
  }, 60_000);

  it('--in-memory takes no lock', async () => {
    const a = await start(['--port', '0', '--in-memory']);
    const b = await start(['--port', '0', '--in-memory']);
    for (const s of [a, b]) s.child.kill('SIGTERM');
  }, 30_000);
});

describe('start-up errors: one line naming the file or port, the cause and what to do', () => {
  it('a corrupt file (not SQLite)', () => {
    const data = tempDir();
    writeFileSync(join(data, 'local-oss.sqlite'), 'this is not a database, it is a text file\n'.repeat(100));
    expect(refused(['--data', data])).toMatch(/local-oss\.sqlite is not a SQLite database \(file is not a database\): move it away/);
  });

  it('a foreign SQLite database, left unchanged', () => {
    const data = tempDir();
    const file = join(data, 'local-oss.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    db.close();
    expect(refused(['--data', data])).toMatch(/is a SQLite database but not a local-oss one \(no schema version\): point --data at a directory of its own/);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete'); // not switched to WAL: never written
    after.close();
  });

  it('a database of a newer schema version, left unchanged', async () => {
    const data = tempDir();
    const s = await start(['--port', '0', '--data', data]);
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await exited;
    const file = join(data, 'local-oss.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(refused(['--data', data])).toMatch(/was written by a newer local-oss \(schema version 99; this one knows up to \d+\); it was left unchanged: upgrade local-oss/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
    expect(run(['check', '--data', data]).status).toBe(1);
  }, 30_000);

  it('a database file that is a directory', () => {
    const data = tempDir();
    mkdirSync(join(data, 'local-oss.sqlite'));
    expect(refused(['--data', data])).toMatch(/local-oss\.sqlite: cannot be opened \(unable to open database file/);
  });

  it('a data path that is a file', () => {
    const data = tempDir();
    writeFileSync(join(data, 'file'), 'x');
    expect(refused(['--data', join(data, 'file')])).toMatch(/a file is in the way of the data directory/);
  });

  // Root ignores file modes, so as root these run the CLI as `nobody` (uid 65534); otherwise as this user.
  const uid = process.getuid?.() === 0 ? 65534 : undefined;
  it('an unwritable directory, and one this user may not create', () => {
    const data = tempDir();
    chmodSync(data, 0o555);
    expect(refused(['--data', data], { uid })).toBe(`local-oss: ${data}: permission denied (EACCES): make it writable by this user, or choose another --data directory`);
    expect(refused(['--data', join(data, 'sub')], { uid })).toBe(`local-oss: ${join(data, 'sub')}: permission denied (EACCES): make it writable by this user, or choose another --data directory`);
  });

  it('a read-only database file', async () => {
    const data = tempDir();
    const s = await start(['--port', '0', '--data', data]);
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await exited;
    chmodSync(data, 0o777); // the directory is writable: only the file is not
    // root's lock and disk-full reserve files (store/space.ts); the other user makes its own
    for (const f of ['local-oss.lock', 'local-oss.reserve']) rmSync(join(data, f), { force: true });
    // The blobs file (whole chunks, store/db.ts attachBlobs) and its journal writable for the other user: only the
    // main file is not.
    for (const f of ['local-oss.blobs.sqlite', 'local-oss.blobs.sqlite-journal']) if (existsSync(join(data, f))) chmodSync(join(data, f), 0o666);
    chmodSync(join(data, 'local-oss.sqlite'), 0o444);
    expect(refused(['--data', data], { uid })).toMatch(/local-oss\.sqlite: read-only \(attempt to write a readonly database\): make it and its directory writable/);
    // And the other way round: the blobs file read-only is named as such.
    chmodSync(join(data, 'local-oss.sqlite'), 0o666);
    chmodSync(join(data, 'local-oss.blobs.sqlite'), 0o444);
    expect(refused(['--data', data], { uid })).toMatch(/local-oss\.blobs\.sqlite: read-only \(attempt to write a readonly database\): make it and its directory writable/);
  }, 30_000);

  it('a port in use', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as AddressInfo).port;
    try {
      const r = run(['--in-memory', '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `local-oss: port ${port} on 127.0.0.1 is in use by another program (EADDRINUSE): stop what holds it, or choose another --port (0 = any free port)`,
      );
    } finally {
      holder.close();
    }
  });

  it('bad flags still print the usage, with exit 2', () => {
    const r = run(['--port', 'abc']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: local-oss');
  });
});

describe('local-oss check', () => {
  async function populated(): Promise<string> {
    const data = tempDir();
    const s = await start(['--port', '0', '--data', data]);
    const e = emu(s.url);
    expect((await raw(e, { method: 'PUT', bucket: 'chk' })).status).toBe(200);
    for (const [key, size] of [['small', 10], ['big', 2.5 * 1024 * 1024]] as const) {
      expect((await raw(e, { method: 'PUT', bucket: 'chk', key, body: Buffer.alloc(size, key) })).status).toBe(200);
    }
    expect((await raw(e, { method: 'PUT', bucket: 'chk', key: 'copy', headers: { 'x-oss-copy-source': '/chk/big' } })).status).toBe(200);
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await exited;
    return data;
  }

  it('reports a healthy store as ok, exit 0', async () => {
    const data = await populated();
    const r = run(['check', '--data', data]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('3 object versions, 2 contents, 4 chunks');
    expect(r.stdout).toContain('0 chunks, 0 contents');
    expect(r.stdout.trimEnd().endsWith('ok')).toBe(true);
  }, 30_000);

  it('checks a store whose blobs file a kill left with a hot journal (a whole chunk cut off mid-insert), exit 0', async () => {
    const data = await populated();
    // A process killed inside a transaction on the blobs file: its pages spill past the small cache into the file,
    // so the rollback journal is hot; a read-only connection cannot roll it back (SQLITE_READONLY, found by the
    // crash test with large uploads in flight, issue 22).
    const killed = spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new D(${JSON.stringify(join(data, 'local-oss.blobs.sqlite'))});
      db.pragma('journal_mode = PERSIST'); db.pragma('cache_size = -1024');
      db.exec('BEGIN'); for (let i = 0; i < 8; i++) db.prepare('INSERT INTO chunks (data) VALUES (?)').run(Buffer.alloc(1 << 20, i));
      db.prepare('UPDATE chunks SET data = data WHERE id = (SELECT min(id) FROM chunks)').run();
      process.kill(process.pid, 'SIGKILL');`]);
    expect(killed.signal).toBe('SIGKILL');
    const r = run(['check', '--data', data]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('3 object versions, 2 contents, 4 chunks');
    expect(r.stdout).toContain('0 chunks, 0 contents'); // the cut-off transaction is rolled back, not left behind
  }, 30_000);

  it('finds a missing chunk, a wrong size, a wrong CRC-64 and a wrong reference count; exit 1', async () => {
    const data = await populated();
    const db = new Database(join(data, 'local-oss.sqlite'));
    const big = db.prepare("SELECT content_id FROM objects WHERE key = 'big'").pluck().get() as number;
    const small = db.prepare("SELECT content_id FROM objects WHERE key = 'small'").pluck().get() as number;
    // Its second chunk is a whole one: in the blobs file (store/db.ts attachBlobs).
    db.prepare('ATTACH DATABASE ? AS blobs').run(join(data, 'local-oss.blobs.sqlite'));
    const gone = db.prepare('DELETE FROM blobs.chunks WHERE id = (SELECT chunk_id FROM extents WHERE content_id = ? AND seq = 1)').run(big);
    expect(gone.changes).toBe(1);
    db.prepare("UPDATE objects SET crc64 = '1' WHERE key = 'small'").run();
    db.prepare('UPDATE contents SET size = size + 1, refs = 5 WHERE id = ?').run(small);
    db.prepare('INSERT INTO chunks (data) VALUES (?)').run(Buffer.from('orphan'));
    db.close();
    const r = run(['check', '--data', data]);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`problem: content ${big} extent 1: chunk \\d+ is missing`));
    expect(r.stdout).toContain(`problem: content ${small}: size 11, its extents hold 10 bytes`);
    expect(r.stdout).toMatch(/problem: object chk\/small version null: size 10 \/ CRC-64 1, its content \d+ has 11 \//);
    expect(r.stdout).toContain(`problem: content ${small}: refs 5, but 1 versions and parts use it`);
    expect(r.stdout).toContain('1 chunks, 0 contents'); // the orphan is reclaimable, not a problem
  }, 30_000);
});
