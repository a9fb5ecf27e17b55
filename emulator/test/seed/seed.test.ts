// Seed data (issue 23 item 4): sub-folders become buckets and their files objects, with local-oss-seed.yaml for
// region, ACL, versioning, tags and metadata; written through the HTTP pipeline at start; existing objects kept.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from 'local-oss';
import { errorCode, raw, xmlValue } from '../http/support.js';

const CLI = fileURLToPath(new URL('../../bin/local-oss.js', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

function write(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), data);
}

const big = randomBytes(2.5 * 1024 * 1024); // several 1 MiB chunks

function seedDir(): string {
  const root = tempDir('local-oss-seed-');
  write(
    root,
    'seed-photos/local-oss-seed.yaml',
    [
      'region: oss-cn-shanghai',
      'acl: public-read',
      'versioning: Enabled',
      'objects:',
      "  '*':",
      '    metadata: { source: seed }',
      '  a/b.txt:',
      '    acl: private',
      '    contentType: text/x-custom',
      '    tags: { team: qa, stage: "1" }',
      '    metadata: { owner: bob }',
      '',
    ].join('\n'),
  );
  write(root, 'seed-photos/a/b.txt', 'private bytes');
  write(root, 'seed-photos/c.json', '{"k":1}');
  write(root, 'seed-photos/deep/x/y.bin', big);
  write(root, 'seed-docs/readme.md', '# seeded');
  write(root, 'not-a-bucket.txt', 'files at the top are not objects');
  return root;
}

describe('--seed', () => {
  let emu: RunningEmulator;
  afterAll(() => emu?.close());

  it('makes a bucket per folder, an object per file, with the settings of local-oss-seed.yaml', async () => {
    emu = await startEmulator({ port: 0, inMemory: true, regions: ['cn-shanghai'], seed: seedDir() });
    expect(emu.seeded).toMatchObject({ buckets: 2, bucketsCreated: 2, objectsWritten: 4, objectsKept: 0 });

    const location = await raw(emu, { method: 'GET', bucket: 'seed-photos', query: [['location', undefined]], region: 'cn-shanghai' });
    expect(location.text).toContain('oss-cn-shanghai');
    const versioning = await raw(emu, { method: 'GET', bucket: 'seed-photos', query: [['versioning', undefined]], region: 'cn-shanghai' });
    expect(xmlValue(versioning.text, 'Status')).toBe('Enabled');
    const docsLocation = await raw(emu, { method: 'GET', bucket: 'seed-docs', query: [['location', undefined]] });
    expect(docsLocation.text).toContain('oss-cn-hangzhou');

    // public-read bucket: anonymous reads; content type from the extension; the '*' metadata.
    const c = await fetch(`${emu.url}/seed-photos/c.json`);
    expect(c.status).toBe(200);
    expect(await c.text()).toBe('{"k":1}');
    expect(c.headers.get('content-type')).toBe('application/json');
    expect(c.headers.get('x-oss-meta-source')).toBe('seed');

    // The key's own settings over '*': private object ACL, its content type, tags, both metadata entries.
    expect((await fetch(`${emu.url}/seed-photos/a/b.txt`)).status).toBe(403);
    const b = await raw(emu, { method: 'GET', bucket: 'seed-photos', key: 'a/b.txt', region: 'cn-shanghai' });
    expect(b.text).toBe('private bytes');
    expect(b.headers.get('content-type')).toBe('text/x-custom');
    expect(b.headers.get('x-oss-meta-owner')).toBe('bob');
    expect(b.headers.get('x-oss-meta-source')).toBe('seed');
    expect(b.headers.get('x-oss-version-id')).toBeTruthy();
    const tags = await raw(emu, { method: 'GET', bucket: 'seed-photos', key: 'a/b.txt', query: [['tagging', undefined]], region: 'cn-shanghai' });
    expect(tags.text).toContain('<Key>team</Key><Value>qa</Value>');
    expect(tags.text).toContain('<Key>stage</Key><Value>1</Value>');

    // A multi-chunk file arrives whole, with its MD5 as ETag.
    const y = await fetch(`${emu.url}/seed-photos/deep/x/y.bin`);
    const bytes = Buffer.from(await y.arrayBuffer());
    expect(bytes.equals(big)).toBe(true);
    expect(y.headers.get('etag')).toBe(`"${createHash('md5').update(big).digest('hex').toUpperCase()}"`);

    // The seed config is not an object, files at the top are not objects, and the log starts empty.
    expect(errorCode(await raw(emu, { method: 'HEAD', bucket: 'seed-photos', key: 'local-oss-seed.yaml', region: 'cn-shanghai' }))).toBe('NoSuchKey');
    const writes = emu.admin.requests.list().filter((r) => ['PutBucket', 'PutBucketVersioning', 'PutObject'].includes(r.api ?? ''));
    expect(writes).toEqual([]);
  });

  it('keeps objects and buckets that exist: a second start on the same data dir writes nothing', async () => {
    const data = tempDir('local-oss-seed-data-');
    const seed = seedDir();
    const first = await startEmulator({ port: 0, dataDir: data, regions: ['cn-shanghai'], seed });
    expect(first.seeded?.objectsWritten).toBe(4);
    await raw(first, { method: 'PUT', bucket: 'seed-docs', key: 'readme.md', body: 'edited by a test' });
    await raw(first, { method: 'DELETE', bucket: 'seed-photos', key: 'c.json', region: 'cn-shanghai' });
    await first.close();

    write(seed, 'seed-docs/new.txt', 'added later');
    const second = await startEmulator({ port: 0, dataDir: data, regions: ['cn-shanghai'], seed });
    try {
      // c.json is behind a delete marker now (versioned bucket): the seed writes it again; readme.md is kept.
      expect(second.seeded).toMatchObject({ buckets: 2, bucketsCreated: 0, objectsWritten: 2, objectsKept: 3 });
      expect((await raw(second, { method: 'GET', bucket: 'seed-docs', key: 'readme.md' })).text).toBe('edited by a test');
      expect((await raw(second, { method: 'GET', bucket: 'seed-docs', key: 'new.txt' })).text).toBe('added later');
    } finally {
      await second.close();
    }
  });

  it('refuses a seed it cannot apply, naming the file, and does not start', async () => {
    const unserved = tempDir('local-oss-seed-bad-');
    write(unserved, 'seed-x/local-oss-seed.yaml', 'region: eu-central-1\n');
    await expect(startEmulator({ port: 0, inMemory: true, seed: unserved })).rejects.toThrow(/seed-x.*region eu-central-1 is not served/);
    const typo = tempDir('local-oss-seed-bad-');
    write(typo, 'seed-y/local-oss-seed.yaml', 'versionning: Enabled\n');
    await expect(startEmulator({ port: 0, inMemory: true, seed: typo })).rejects.toThrow(/local-oss-seed\.yaml: unknown setting versionning/);
    const badName = tempDir('local-oss-seed-bad-');
    write(badName, 'Bad_Bucket/a.txt', 'x');
    await expect(startEmulator({ port: 0, inMemory: true, seed: badName })).rejects.toThrow(/Bad_Bucket/);
    await expect(startEmulator({ port: 0, inMemory: true, seed: join(badName, 'missing') })).rejects.toThrow(/not a directory/);
  });

  it('is read from LOCAL_OSS_SEED by the CLI, which prints what it wrote', async () => {
    const seed = seedDir();
    const child = spawn(process.execPath, [CLI, '--port', '0', '--in-memory', '--regions', 'cn-shanghai'], {
      env: { ...process.env, LOCAL_OSS_SEED: seed },
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('  seed: ')) resolve(text);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      expect(out).toContain(`  seed: ${seed}: 2 bucket(s) (2 created), 4 object(s) written, 0 kept`);
      const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
      expect(await (await fetch(`${url}/seed-photos/c.json`)).text()).toBe('{"k":1}');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
