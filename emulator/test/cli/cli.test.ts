// The CLI contract (architecture "Contracts → CLI"): one ready line, --port 0, LOCAL_OSS_* env, health, clean
// SIGTERM/SIGINT, and data that survives a restart on the same data dir.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { raw } from '../http/support.js';
import type { RunningEmulator } from 'local-oss';

// The built CLI, as users run it (`npm test` builds with tsc -b before vitest runs).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  lines: string[];
  /** Everything written to stderr so far. */
  stderr(): string;
}

function startCli(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const lines: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no ready line; output: ${out}`)), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      lines.splice(0, lines.length, ...out.split('\n'));
      const m = /^local-oss listening on (http:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, lines, stderr: () => err });
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      err += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve({ code, ms: Date.now() - t0 }));
    child.kill(signal);
  });
}

function asEmulator(url: string, extra: Partial<RunningEmulator> = {}): RunningEmulator {
  return {
    url,
    region: 'cn-hangzhou',
    accessKeyId: 'local-oss-access-key-id',
    accessKeySecret: 'local-oss-access-key-secret',
    ...extra,
  } as RunningEmulator;
}

describe('local-oss CLI', () => {
  it('prints the ready line first, serves health, and keeps data across a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'local-oss-cli-'));
    dirs.push(data);
    const first = await startCli(['--port', '0', '--data', data]);
    expect(first.lines[0]).toMatch(/^local-oss listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${first.url}/-/health`)).status).toBe(200);
    const emu = asEmulator(first.url);
    expect((await raw(emu, { method: 'PUT', bucket: 'persist' })).status).toBe(200);
    expect((await raw(emu, { method: 'PUT', bucket: 'persist', key: 'k.txt', body: 'kept' })).status).toBe(200);
    const stopped = await stop(first.child, 'SIGTERM');
    expect(stopped.code).toBe(0);

    const second = await startCli(['--port', '0', '--data', data]);
    const get = await raw(asEmulator(second.url), { method: 'GET', bucket: 'persist', key: 'k.txt' });
    expect(get.status).toBe(200);
    expect(get.text).toBe('kept');
    expect((await stop(second.child, 'SIGINT')).code).toBe(0);
  });

  it('reads LOCAL_OSS_* env: in-memory, region and the key pair', async () => {
    const started = await startCli([], {
      LOCAL_OSS_PORT: '0',
      LOCAL_OSS_IN_MEMORY: '1',
      LOCAL_OSS_REGION: 'cn-beijing',
      LOCAL_OSS_ACCESS_KEY_ID: 'env-id',
      LOCAL_OSS_ACCESS_KEY_SECRET: 'env-secret',
    });
    expect(started.lines.join('\n')).toContain('in memory');
    const emu = asEmulator(started.url, { region: 'cn-beijing', accessKeyId: 'env-id', accessKeySecret: 'env-secret' });
    expect((await raw(emu, { method: 'PUT', bucket: 'env-bucket', sign: 'v1' })).status).toBe(200);
    const loc = await raw(emu, { method: 'GET', bucket: 'env-bucket', query: [['location', undefined]] });
    expect(loc.text).toContain('oss-cn-beijing');
    const wrong = await raw(asEmulator(started.url), { method: 'GET' });
    expect(wrong.status).toBe(403);
    await stop(started.child, 'SIGTERM');
  });

  it('--new-bucket-block-public-access off (or LOCAL_OSS_NEW_BUCKET_BLOCK_PUBLIC_ACCESS) creates buckets that allow public ACLs; a bad value is a usage error', async () => {
    const started = await startCli(['--in-memory', '--port', '0'], { LOCAL_OSS_NEW_BUCKET_BLOCK_PUBLIC_ACCESS: 'off' });
    const emu = asEmulator(started.url);
    expect((await raw(emu, { method: 'PUT', bucket: 'old-style', headers: { 'x-oss-acl': 'public-read' } })).status).toBe(200);
    await stop(started.child, 'SIGTERM');
    const bad = spawn(process.execPath, [CLI, '--in-memory', '--port', '0', '--new-bucket-block-public-access', 'maybe']);
    let err = '';
    bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => bad.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/invalid --new-bucket-block-public-access "maybe" \(on or off\)/);
  });

  it('--config / LOCAL_OSS_CONFIG loads RAM users from YAML; a bad file stops it with the field named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-oss-cfg-'));
    dirs.push(dir);
    const file = join(dir, 'identities.yaml');
    writeFileSync(
      file,
      [
        'users:',
        '  - name: reader',
        '    accessKeyId: reader-id',
        '    accessKeySecret: reader-secret',
        '    policies:',
        '      - Version: "1"',
        '        Statement:',
        '          - { Effect: Allow, Action: "oss:ListObjects", Resource: "acs:oss:*:*:cfg-bucket" }',
        '',
      ].join('\n'),
    );
    const started = await startCli(['--port', '0', '--in-memory'], { LOCAL_OSS_CONFIG: file });
    expect(started.lines.join('\n')).toContain(`identities: ${file}`);
    const owner = asEmulator(started.url);
    const reader = asEmulator(started.url, { accessKeyId: 'reader-id', accessKeySecret: 'reader-secret' });
    expect((await raw(owner, { method: 'PUT', bucket: 'cfg-bucket' })).status).toBe(200);
    expect((await raw(reader, { method: 'GET', bucket: 'cfg-bucket' })).status).toBe(200);
    const put = await raw(reader, { method: 'PUT', bucket: 'cfg-bucket', key: 'k', body: 'x' });
    expect(put.status).toBe(403);
    expect(put.text).toContain('<AuthAction>oss:PutObject</AuthAction>');
    await stop(started.child, 'SIGTERM');

    writeFileSync(file, 'users:\n  - accessKeyId: x\n    accessKeySecret: y\n    policy: []\n');
    await expect(startCli(['--port', '0', '--in-memory', '--config', file])).rejects.toThrow(/users\[0\]/);
  });

  // Issue 9 §5: loopback unless told otherwise; a warning when another interface is served with the public defaults.
  it('binds 127.0.0.1 by default and warns on stderr when listening on 0.0.0.0 with the default credentials', async () => {
    const waitForStderr = async (started: Started) => {
      for (let i = 0; i < 20 && !started.stderr().includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
      return started.stderr();
    };
    const local = await startCli(['--port', '0', '--in-memory']);
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const localErr = await waitForStderr(local);
    await stop(local.child, 'SIGTERM');
    expect(localErr).toBe('');

    const open = await startCli(['--port', '0', '--in-memory', '--host', '0.0.0.0']);
    expect(await waitForStderr(open)).toMatch(/warning: listening on 0\.0\.0\.0 with the default, publicly known credentials/);
    await stop(open.child, 'SIGTERM');

    const ownKeys = await startCli(['--port', '0', '--in-memory', '--host', '0.0.0.0', '--access-key-id', 'mine', '--access-key-secret', 'secret']);
    const ownErr = await waitForStderr(ownKeys);
    await stop(ownKeys.child, 'SIGTERM');
    expect(ownErr).toBe('');
  });
});
