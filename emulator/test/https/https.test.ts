// HTTPS beside HTTP (issue 23 item 2): the certificate made for localhost, 127.0.0.1 and *.oss-<region>.aliyuncs.com,
// signed by the local CA the CLI prints; path style and virtual-hosted over TLS; ali-oss and @local-oss/client
// trusting that CA through NODE_EXTRA_CA_CERTS, as the README tells users; the CA kept across restarts of a data
// dir; --tls-cert/--tls-key.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { signV1 } from '@local-oss/client';
import { startEmulator, type RunningEmulator } from 'local-oss';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'emulator', 'bin', 'local-oss.js');
const dirs: string[] = [];
const running: RunningEmulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((e) => e.close()));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function start(options: Parameters<typeof startEmulator>[0]): Promise<RunningEmulator> {
  const emu = await startEmulator({ port: 0, httpsPort: 0, ...options });
  running.push(emu);
  return emu;
}

interface TlsAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTPS request to 127.0.0.1, with SNI and Host naming `hostname` (what an SDK sends once DNS resolved it). */
function httpsCall(
  emu: RunningEmulator,
  opts: { method: string; path: string; hostname?: string; ca?: string; headers?: Record<string, string>; body?: string },
): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: emu.httpsPort,
        method: opts.method,
        path: opts.path,
        servername: opts.hostname ?? 'localhost',
        headers: { host: `${opts.hostname ?? 'localhost'}:${emu.httpsPort}`, ...opts.headers },
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function signed(
  emu: RunningEmulator,
  method: string,
  bucket: string,
  key: string | undefined,
  query: [string, string | undefined][] = [],
) {
  const date = new Date().toUTCString();
  return { date, authorization: signV1({ method, bucket, key, query, headers: { date } }, emu, date) };
}

describe('HTTPS with the generated certificate', () => {
  it('covers localhost, 127.0.0.1, ::1 and every served region, and is signed by the printed CA', async () => {
    const emu = await start({ inMemory: true, regions: ['cn-shanghai'] });
    expect(emu.httpsUrl).toBe(`https://127.0.0.1:${emu.httpsPort}`);
    const ca = new X509Certificate(readFileSync(emu.caCertPath!));
    expect(ca.ca).toBe(true);
    const answer = await httpsCall(emu, { method: 'GET', path: '/-/health', ca: readFileSync(emu.caCertPath!, 'utf8') });
    expect(answer.status).toBe(200);
    const served = await new Promise<X509Certificate>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: emu.httpsPort, path: '/-/health', ca: ca.toString() }, (res) => {
        resolve(new X509Certificate((res.socket as import('node:tls').TLSSocket).getPeerX509Certificate()!.raw));
        res.resume();
      });
      req.on('error', reject);
      req.end();
    });
    expect(served.checkIssued(ca)).toBe(true);
    for (const name of ['localhost', 'oss-cn-hangzhou.aliyuncs.com', 'b.oss-cn-hangzhou.aliyuncs.com', 'b.oss-cn-shanghai.aliyuncs.com']) {
      expect(served.checkHost(name), name).toBeDefined();
    }
    expect(served.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(served.checkIP('::1')).toBe('::1');
    expect(served.checkHost('b.oss-cn-beijing.aliyuncs.com')).toBeUndefined();
  });

  it('serves path style and virtual-hosted requests over TLS, and refuses clients that do not trust the CA', async () => {
    const emu = await start({ inMemory: true });
    const ca = readFileSync(emu.caCertPath!, 'utf8');
    const put = await httpsCall(emu, { method: 'PUT', path: '/tls-bucket', hostname: 'localhost', ca, headers: signed(emu, 'PUT', 'tls-bucket', undefined) });
    expect(put.status).toBe(200);
    const vhost = 'tls-bucket.oss-cn-hangzhou.aliyuncs.com';
    const obj = await httpsCall(emu, {
      method: 'PUT',
      path: '/dir/a.txt',
      hostname: vhost,
      ca,
      body: 'over tls',
      headers: { 'content-length': '8', ...signed(emu, 'PUT', 'tls-bucket', 'dir/a.txt') },
    });
    expect(obj.status, obj.body).toBe(200);
    const got = await httpsCall(emu, { method: 'GET', path: '/tls-bucket/dir/a.txt', ca, headers: signed(emu, 'GET', 'tls-bucket', 'dir/a.txt') });
    expect(got.body).toBe('over tls');
    // A sub-resource on the virtual-hosted name (GetBucketInfo reports the real OSS names for an aliyuncs.com host).
    const info = await httpsCall(emu, { method: 'GET', path: '/?bucketInfo', hostname: vhost, ca, headers: signed(emu, 'GET', 'tls-bucket', undefined, [['bucketInfo', undefined]]) });
    expect(info.status, info.body).toBe(200);
    expect(info.body).toContain('<ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint>');
    // On the listener's own name it reports that name with the scheme the request came on, so SDK code that follows
    // the endpoint stays on TLS (api/endpoints.ts).
    const own = await httpsCall(emu, { method: 'GET', path: '/tls-bucket/?bucketInfo', ca, headers: signed(emu, 'GET', 'tls-bucket', undefined, [['bucketInfo', undefined]]) });
    expect(own.body).toContain(`<ExtranetEndpoint>https://localhost:${emu.httpsPort}</ExtranetEndpoint>`);
    await expect(httpsCall(emu, { method: 'GET', path: '/-/health' })).rejects.toThrow(/certificate/i);
    // The refused handshake did not hurt the server.
    expect((await httpsCall(emu, { method: 'GET', path: '/-/health', ca })).status).toBe(200);
    expect((await fetch(`${emu.url}/-/health`)).status).toBe(200);
  });

  it('keeps the CA in <data>/tls across restarts and makes a new server certificate when the regions change', async () => {
    const data = mkdtempSync(join(tmpdir(), 'local-oss-tls-data-'));
    dirs.push(data);
    const first = await start({ dataDir: data });
    expect(first.caCertPath).toBe(join(data, 'tls', 'ca.pem'));
    const ca1 = readFileSync(first.caCertPath!, 'utf8');
    const cert1 = readFileSync(join(data, 'tls', 'server.pem'), 'utf8');
    await first.close();
    const second = await start({ dataDir: data });
    expect(readFileSync(second.caCertPath!, 'utf8')).toBe(ca1);
    expect(readFileSync(join(data, 'tls', 'server.pem'), 'utf8')).toBe(cert1);
    await second.close();
    const third = await start({ dataDir: data, regions: ['cn-beijing'] });
    expect(readFileSync(third.caCertPath!, 'utf8')).toBe(ca1);
    const cert3 = new X509Certificate(readFileSync(join(data, 'tls', 'server.pem')));
    expect(cert3.checkHost('b.oss-cn-beijing.aliyuncs.com')).toBe('*.oss-cn-beijing.aliyuncs.com');
    await third.close();
  });

  it('serves the user certificate given with tlsCert/tlsKey, and an in-memory CA goes with its emulator', async () => {
    const mem = await start({ inMemory: true });
    const tlsDir = join(mem.caCertPath!, '..');
    const own = await start({ inMemory: true, tlsCert: join(tlsDir, 'server.pem'), tlsKey: join(tlsDir, 'server-key.pem') });
    expect(own.caCertPath).toBeUndefined();
    const ca = readFileSync(mem.caCertPath!, 'utf8');
    expect((await httpsCall(own, { method: 'GET', path: '/-/health', ca })).status).toBe(200);
    await own.close();
    await mem.close();
    expect(existsSync(tlsDir)).toBe(false);
  });
});

describe('the CLI over HTTPS, with ali-oss and @local-oss/client trusting the printed CA', () => {
  function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; out: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOCAL_OSS_HTTPS_PORT: '0' } });
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no ready lines: ${out}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/CA certificate: .*\n/.test(out)) {
          clearTimeout(timer);
          resolve({ child, out });
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  }

  const CLIENTS = `
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/');
    const OSS = require('ali-oss');
    const { OssClient } = await import('@local-oss/client');
    const [endpoint, accessKeyId, accessKeySecret] = process.argv.slice(1);
    const ali = new OSS({ region: 'oss-cn-hangzhou', endpoint, accessKeyId, accessKeySecret, bucket: 'https-ali' });
    await ali.putBucket('https-ali');
    await ali.put('k.txt', Buffer.from('ali over tls'));
    const aliGot = (await ali.get('k.txt')).content.toString();
    const ours = new OssClient({ endpoint, region: 'cn-hangzhou', credentials: { accessKeyId, accessKeySecret } });
    await ours.putBucket({ bucket: 'https-ours' });
    await ours.putObject({ bucket: 'https-ours', key: 'k.txt', body: 'ours over tls' });
    const oursGot = (await (await ours.getObject({ bucket: 'https-ours', key: 'k.txt' })).content()).toString();
    console.log(JSON.stringify({ aliGot, oursGot }));
  `;

  function runClients(env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENTS, ...args], { cwd: ROOT, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
  }

  it('prints a second ready line and the CA path; both SDKs work with NODE_EXTRA_CA_CERTS set to it', async () => {
    const { child, out } = await startCli(['--port', '0', '--in-memory']);
    try {
      const lines = out.split('\n');
      expect(lines[0]).toMatch(/^local-oss listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(/^local-oss listening on https:\/\/127\.0\.0\.1:\d+$/);
      const httpsUrl = lines[1]!.slice('local-oss listening on '.length);
      const caPath = /CA certificate: (\S+)/.exec(out)![1]!;
      const keys = [/access key id: (\S+)/.exec(out)![1]!, /access key secret: (\S+)/.exec(out)![1]!];
      const trusted = await runClients({ ...process.env, NODE_EXTRA_CA_CERTS: caPath }, [httpsUrl, ...keys]);
      expect(trusted.code, trusted.out).toBe(0);
      expect(JSON.parse(trusted.out.trim().split('\n').pop()!)).toEqual({ aliGot: 'ali over tls', oursGot: 'ours over tls' });
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      const untrusted = await runClients(env, [httpsUrl, ...keys]);
      expect(untrusted.code).not.toBe(0);
      expect(untrusted.out).toMatch(/certificate/i);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
