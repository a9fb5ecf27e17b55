// The servers under test, each in its own process on loopback: local-oss, s3rver, Azurite (blob) and a null
// server (reads and discards the body) as the HTTP ceiling. Each entry knows how to sign its requests.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeQuery, signV4, uriEncode } from '../client/dist/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const AZURE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Spawns and waits until `ready(output)` or the port answers; returns the process, port and startup ms. */
async function launch(cmd, args, port, readyPattern) {
  const t0 = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: here });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${out}`);
    if (readyPattern) {
      const m = readyPattern.exec(out);
      if (m) return { child, port: Number(m[1] ?? port), startupMs: performance.now() - t0 };
    } else {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
      if (ok) return { child, port, startupMs: performance.now() - t0 };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * ListObjectsV2 query for a page of 1000; `list.next` is the previous page's continuation token. Each server
 * names the next page's token in its answer (`nextToken`).
 */
const listQuery = (list) => [['list-type', '2'], ['max-keys', '1000'], ...(list.next ? [['continuation-token', list.next]] : [])];
const s3NextToken = (xml) => /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];

const v4now = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** `profileDir`: write a V8 CPU profile of the local-oss process there when it exits (`npm run bench -- --profile=DIR`). */
/** `dataDir`: serve an existing data directory (bench/scale.mjs restarts on the one it filled). */
export async function localOss({ profileDir, dataDir } = {}) {
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'bench-local-oss-'));
  const cli = join(here, '../emulator/dist/cli.js');
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const s = await launch(process.execPath, [...nodeArgs, cli, '--port', '0', '--data', data], 0, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
  const creds = { accessKeyId: 'local-oss-access-key-id', accessKeySecret: 'local-oss-access-key-secret' };
  return {
    name: 'local-oss',
    ...s,
    dataDir: data,
    nextToken: s3NextToken,
    createBucket: (b) => ({ method: 'PUT', path: `/${b}/`, sign: true, bucket: b }),
    /** `op.query`: any [name, value] pairs (bench/scale.mjs); `op.list`: run.mjs's listing page. */
    request(op) {
      const headers = { ...(op.headers ?? {}) };
      if (op.copyFrom) headers['x-oss-copy-source'] = `/${op.bucket}/${op.copyFrom}`;
      const query = op.query ?? (op.list ? listQuery(op.list) : []);
      const signed = signV4({ method: op.method, bucket: op.bucket, key: op.key, query, headers }, creds, { region: 'cn-hangzhou', datetime: v4now() });
      const qs = query.length ? `?${encodeQuery(query)}` : '';
      return { method: op.method, path: `/${op.bucket}/${uriEncode(op.key ?? '', true)}${qs}`, headers: { ...headers, ...signed.headers, authorization: signed.authorization } };
    },
  };
}

export async function s3rver() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-s3rver-'));
  const port = await freePort();
  const script = `import S3rver from 's3rver'; const s = new S3rver({ port: ${port}, address: '127.0.0.1', silent: true, directory: ${JSON.stringify(dir)}, allowMismatchedSignatures: true }); await s.run(); console.log('ready');`;
  // s3rver's continuation tokens use a cipher OpenSSL 3 only has in its legacy provider (ListObjectsV2 past one
  // page answers 500 without it).
  const s = await launch(process.execPath, ['--openssl-legacy-provider', '--input-type=module', '-e', script], port, /ready/);
  return {
    name: 's3rver',
    ...s,
    dataDir: dir,
    nextToken: s3NextToken,
    port,
    request(op) {
      // s3rver parses the signature but, with allowMismatchedSignatures, does not recompute it.
      const date = v4now();
      const headers = {
        ...(op.headers ?? {}),
        'x-amz-date': date,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        authorization: `AWS4-HMAC-SHA256 Credential=S3RVER/${date.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      };
      if (op.copyFrom) headers['x-amz-copy-source'] = `/${op.bucket}/${op.copyFrom}`;
      const qs = op.list ? '?' + new URLSearchParams(listQuery(op.list)).toString() : '';
      return { method: op.method, path: `/${op.bucket}/${op.key ?? ''}${qs}`, headers };
    },
  };
}

function azureSign(method, path, query, headers) {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const len = h['content-length'] && h['content-length'] !== '0' ? h['content-length'] : '';
  const canonHeaders = Object.keys(h).filter((k) => k.startsWith('x-ms-')).sort().map((k) => `${k}:${h[k]}\n`).join('');
  const canonResource = `/devstoreaccount1${path}` + Object.keys(query).sort().map((k) => `\n${k}:${query[k]}`).join('');
  const sts = [method, h['content-encoding'] ?? '', h['content-language'] ?? '', len, h['content-md5'] ?? '', h['content-type'] ?? '', '', '', '', '', '', h.range ?? ''].join('\n') + '\n' + canonHeaders + canonResource;
  return `SharedKey devstoreaccount1:${createHmac('sha256', Buffer.from(AZURE_KEY, 'base64')).update(sts, 'utf8').digest('base64')}`;
}

export async function azurite() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-azurite-'));
  const port = await freePort();
  const bin = join(here, 'node_modules/azurite/dist/src/blob/main.js');
  const s = await launch(process.execPath, [bin, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', dir, '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'], port, /successfully listens/i);
  return {
    name: 'Azurite',
    ...s,
    dataDir: dir,
    nextToken: (xml) => /<NextMarker>([^<]+)<\/NextMarker>/.exec(xml)?.[1],
    port,
    request(op) {
      const path = `/devstoreaccount1/${op.bucket}${op.key !== undefined ? '/' + op.key : ''}`;
      const list = op.list && { restype: 'container', comp: 'list', maxresults: '1000', ...(op.list.next ? { marker: op.list.next } : {}) };
      const query = op.createBucket ? { restype: 'container' } : list || {};
      const headers = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-08-06', ...(op.headers ?? {}) };
      if (op.method === 'PUT' && !op.createBucket && !op.copyFrom) headers['x-ms-blob-type'] = 'BlockBlob';
      if (op.copyFrom) headers['x-ms-copy-source'] = `http://127.0.0.1:${port}/devstoreaccount1/${op.bucket}/${op.copyFrom}`;
      if (op.bodyLength !== undefined) headers['content-length'] = String(op.bodyLength);
      headers.authorization = azureSign(op.method, path, query, headers);
      const qs = Object.keys(query).length ? '?' + new URLSearchParams(query).toString() : '';
      return { method: op.method, path: path + qs, headers };
    },
  };
}

export async function nullServer() {
  const port = await freePort();
  // Discards request bodies; a GET with ?size=N answers N bytes from one reused buffer, so a download has a ceiling too.
  const script = `const buf = Buffer.alloc(1 << 20, 9);
require('http').createServer((q, r) => {
  q.resume();
  q.on('end', () => {
    let left = Number(new URL(q.url, 'http://x').searchParams.get('size') ?? 0);
    r.setHeader('content-length', left);
    const pump = () => { while (left > 0) { const n = Math.min(left, buf.length); left -= n; if (!r.write(n === buf.length ? buf : buf.subarray(0, n))) return r.once('drain', pump); } r.end(); };
    pump();
  });
}).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const s = await launch(process.execPath, ['-e', script], port, /ready/);
  const request = (op) => ({ method: op.method, path: `/${op.bucket}/${op.key ?? ''}${op.size ? `?size=${op.size}` : ''}`, headers: op.headers ?? {} });
  return { name: 'ceiling', ...s, port, request };
}
localOss.label = 'local-oss';
s3rver.label = 's3rver';
azurite.label = 'Azurite';
nullServer.label = 'ceiling';
