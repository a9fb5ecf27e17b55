#!/usr/bin/env node
// Writes one schema fixture (issue 26 item 4): a small data directory made by the code of an earlier local-oss
// version, and the facts that version answered about it. Run it from this repository with a build of the old
// version's checkout (any commit; docs/architecture.md "Upgrades" lists the ones the fixtures came from):
//
//   git worktree add --detach /tmp/old-vN <commit> && (cd /tmp/old-vN && npm ci && npx tsc -b)
//   node emulator/scripts/make-schema-fixture.mjs --cli /tmp/old-vN/emulator/dist/cli.js --commit <commit> \
//        --out fixtures/schema/vN
//
// It starts that CLI on a fresh data directory, writes the same set of buckets and objects through the OSS API
// (our current client; an API the old version does not serve is skipped and recorded as absent), reads every fact
// back from the old version (emulator/scripts/schemaFacts.mjs), stops it with SIGTERM (a graceful close checkpoints
// the WAL into the one file) and keeps local-oss.sqlite (and local-oss.blobs.sqlite from schema 11) + facts.json + made-by.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { OssClient } from '@local-oss/client';
import { schemaFacts } from './schemaFacts.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
if (!args.cli || !args.out || !args.commit) {
  console.error('usage: make-schema-fixture.mjs --cli <old checkout>/emulator/dist/cli.js --commit <sha> --out fixtures/schema/vN');
  process.exit(2);
}

function start(cli, dir) {
  // The fixture grants public ACLs on buckets it creates; since new buckets block public access by default (as OSS's
  // have since 2025-10-13) the code that writes it must run with the old default. The environment, not a flag:
  // versions before that change ignore an unknown variable but refuse an unknown flag.
  const env = { ...process.env, LOCAL_OSS_NEW_BUCKET_BLOCK_PUBLIC_ACCESS: 'off' };
  const child = spawn(process.execPath, [cli, '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'inherit'], env });
  return new Promise((res, rej) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) res({ child, url: m[1] });
    });
    child.on('exit', (code) => rej(new Error(`the old CLI exited ${code}: ${out}`)));
  });
}

/** A byte pattern of `n` bytes, the same every run (so the fixture is reproducible apart from times and ids). */
const pattern = (n, seed) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

async function attempt(what, op, skipped) {
  try {
    await op();
  } catch (err) {
    if (err && typeof err.code === 'string') skipped.push(`${what}: ${err.code}`);
    else throw err;
  }
}

async function write(c, skipped) {
  // Plain bucket: every object kind and header the store keeps.
  await c.putBucket({ bucket: 'fixture-plain', acl: 'public-read' });
  await c.putObject({
    bucket: 'fixture-plain', key: 'docs/readme.txt', body: Buffer.from('hello from an earlier schema\n'),
    contentType: 'text/plain', cacheControl: 'no-cache', contentDisposition: 'inline',
    metadata: { owner: 'fixture', purpose: 'upgrade' }, tagging: 'k1=v1&k2=v2', acl: 'private', storageClass: 'IA',
  });
  await c.putObject({ bucket: 'fixture-plain', key: '中文/键 with space&sign.bin', body: pattern(3000, 7) });
  // Spans two 1 MiB chunks.
  await c.putObject({ bucket: 'fixture-plain', key: 'big/two-chunks.bin', body: pattern(1024 * 1024 + 4096, 3), contentType: 'application/octet-stream' });
  const first = await c.appendObject({ bucket: 'fixture-plain', key: 'logs/app.log', position: 0, body: Buffer.from('line 1\n') });
  await c.appendObject({ bucket: 'fixture-plain', key: 'logs/app.log', position: first.nextPosition, body: Buffer.from('line 2\n') });
  const up = await c.initiateMultipartUpload({ bucket: 'fixture-plain', key: 'multi/parts.bin', metadata: { parts: '2' } });
  const p1 = await c.uploadPart({ bucket: 'fixture-plain', key: 'multi/parts.bin', uploadId: up.uploadId, partNumber: 1, body: pattern(100 * 1024, 11) });
  const p2 = await c.uploadPart({ bucket: 'fixture-plain', key: 'multi/parts.bin', uploadId: up.uploadId, partNumber: 2, body: pattern(5000, 13) });
  await c.completeMultipartUpload({
    bucket: 'fixture-plain', key: 'multi/parts.bin', uploadId: up.uploadId,
    parts: [{ partNumber: 1, etag: p1.etag }, { partNumber: 2, etag: p2.etag }],
  });
  // A copy shares the source's extents; REPLACE gives it its own metadata.
  await c.copyObject({
    bucket: 'fixture-plain', key: 'copies/big-copy.bin', sourceBucket: 'fixture-plain', sourceKey: 'big/two-chunks.bin',
    metadataDirective: 'REPLACE', metadata: { copied: 'yes' }, contentType: 'application/x-copy',
  });
  await attempt('SSE-KMS object', () => c.putObject({ bucket: 'fixture-plain', key: 'secret/kms.txt', body: Buffer.from('encrypted at rest'), serverSideEncryption: 'KMS' }), skipped);
  await attempt('bucket tags', () => c.putBucketTags({ bucket: 'fixture-plain', tagging: { tagSet: [{ key: 'team', value: 'storage' }] } }), skipped);
  await attempt('bucket encryption', () => c.putBucketEncryption({ bucket: 'fixture-plain', serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } } }), skipped);

  // Versioned bucket: versions, a delete marker, a suspended-era null version.
  await c.putBucket({ bucket: 'fixture-versions' });
  await c.putBucketVersioning({ bucket: 'fixture-versions', versioningConfiguration: { status: 'Enabled' } });
  await c.putObject({ bucket: 'fixture-versions', key: 'doc', body: Buffer.from('v1') });
  await c.putObject({ bucket: 'fixture-versions', key: 'doc', body: Buffer.from('v2, longer'), metadata: { rev: '2' } });
  await c.putObject({ bucket: 'fixture-versions', key: 'gone', body: Buffer.from('deleted later') });
  await c.deleteObject({ bucket: 'fixture-versions', key: 'gone' });
  await c.putBucketVersioning({ bucket: 'fixture-versions', versioningConfiguration: { status: 'Suspended' } });
  await c.putObject({ bucket: 'fixture-versions', key: 'doc', body: Buffer.from('null version') });

  // Retention: a locked bucket WORM policy; object-level retention and legal hold where the version has them.
  await c.putBucket({ bucket: 'fixture-worm' });
  await c.putObject({ bucket: 'fixture-worm', key: 'kept', body: Buffer.from('under retention') });
  const worm = await c.initiateBucketWorm({ bucket: 'fixture-worm', retentionPeriodInDays: 1 });
  await c.completeBucketWorm({ bucket: 'fixture-worm', wormId: worm.wormId });
  await attempt('object WORM', async () => {
    await c.putBucket({ bucket: 'fixture-objworm' });
    await c.putBucketVersioning({ bucket: 'fixture-objworm', versioningConfiguration: { status: 'Enabled' } });
    await c.putBucketObjectWormConfiguration({ bucket: 'fixture-objworm', objectWormConfiguration: { objectWormEnabled: 'Enabled' } });
    const put = await c.putObject({ bucket: 'fixture-objworm', key: 'held', body: Buffer.from('retained and held') });
    const until = new Date(Date.now() + 2 * 86400_000).toISOString().replace(/\.\d+Z$/, '.000Z');
    await c.putObjectRetention({ bucket: 'fixture-objworm', key: 'held', versionId: put.versionId, retention: { mode: 'GOVERNANCE', retainUntilDate: until } });
    await c.putObjectLegalHold({ bucket: 'fixture-objworm', key: 'held', versionId: put.versionId, legalHold: { status: 'ON' } });
  }, skipped);
}

const dir = mkdtempSync(join(tmpdir(), 'local-oss-schema-fixture-'));
const { child, url } = await start(resolve(args.cli), dir);
try {
  const client = new OssClient({
    endpoint: url, region: 'cn-hangzhou',
    credentials: { accessKeyId: 'local-oss-access-key-id', accessKeySecret: 'local-oss-access-key-secret' },
  });
  const skipped = [];
  await write(client, skipped);
  const facts = await schemaFacts(client);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (existsSync(join(dir, 'local-oss.sqlite-wal'))) throw new Error('the old version left a WAL behind after SIGTERM');
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const db = new Database(join(dir, 'local-oss.sqlite'), { readonly: true });
  const schemaVersion = db.pragma('user_version', { simple: true });
  db.close();
  mkdirSync(args.out, { recursive: true });
  // Every database file of the directory: from schema 11 whole chunks live in local-oss.blobs.sqlite beside the
  // main file (issue 22). Journals are left behind: a clean shutdown leaves none that holds anything.
  for (const name of readdirSync(dir)) if (/^local-oss(\.[a-z]+)?\.sqlite$/.test(name)) copyFileSync(join(dir, name), join(args.out, name));
  writeFileSync(join(args.out, 'facts.json'), JSON.stringify(facts, null, 1) + '\n');
  writeFileSync(
    join(args.out, 'made-by.json'),
    JSON.stringify({ commit: args.commit, schemaVersion, madeAt: new Date().toISOString(), skipped, command: `node emulator/scripts/make-schema-fixture.mjs --cli <checkout of ${args.commit}>/emulator/dist/cli.js --commit ${args.commit} --out ${args.out}` }, null, 1) + '\n',
  );
  console.log(`${args.out}: schema version ${schemaVersion}, ${facts.buckets.length} buckets; skipped: ${skipped.join('; ') || 'nothing'}`);
} finally {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
