// The Docker image's test ergonomics (issue 23): HTTPS on 9443 with the CA made in /data/tls, and the admin API
// seen from outside the container (the bridge network, not loopback): unsigned is 403, signed with the owner's key
// pair it works, the web console's assets included (issue 24); the pytest fixture's Docker launch mode, which signs
// its admin calls, passes its suite.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1 } from '@local-oss/client';
import { IMAGE, REPO, buildImage, docker, dockerOrSkipReason } from '../../../test-support/docker.js';
import { walkConsoleModules } from '../console/moduleWalk.js';

const skipReason = await dockerOrSkipReason();
if (skipReason) console.warn(`skipping Docker ergonomics tests: ${skipReason}`);
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const creds = { accessKeyId: 'docker-admin-key', accessKeySecret: 'docker-admin-secret' };

function httpsHealth(port: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/-/health', ca, servername: 'localhost' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe.skipIf(skipReason !== undefined)('Docker image: HTTPS and the admin API from outside', () => {
  const name = `local-oss-ergo-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'local-oss-ergo-'));
  let http = '';
  let httpsPort = '';

  beforeAll(async () => {
    await buildImage();
    await docker(
      'run', '-d', '--name', name, '-p', '127.0.0.1::9500', '-p', '127.0.0.1::9443',
      '-e', `LOCAL_OSS_ACCESS_KEY_ID=${creds.accessKeyId}`, '-e', `LOCAL_OSS_ACCESS_KEY_SECRET=${creds.accessKeySecret}`,
      IMAGE,
    );
    const port = async (p: string) => (await docker('port', name, `${p}/tcp`)).split('\n')[0]!.split(':').pop()!;
    http = `http://127.0.0.1:${await port('9500')}`;
    httpsPort = await port('9443');
    for (let i = 0; i < 150; i++) {
      if ((await docker('logs', name)).includes('CA certificate:')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 15 * 60_000);
  afterAll(async () => {
    await docker('rm', '-f', name).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS on 9443 with a certificate signed by /data/tls/ca.pem, whose path it prints', async () => {
    const logs = await docker('logs', name);
    expect(logs).toMatch(/^local-oss listening on https:\/\/0\.0\.0\.0:9443$/m);
    expect(logs).toContain('CA certificate: /data/tls/ca.pem');
    await docker('cp', `${name}:/data/tls/ca.pem`, join(dir, 'ca.pem'));
    const ca = readFileSync(join(dir, 'ca.pem'), 'utf8');
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await httpsHealth(httpsPort, ca).catch(() => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });

  it('refuses the admin API to an unsigned client off loopback, and serves it signed with the owner key pair', async () => {
    const unsigned = await fetch(`${http}/-/requests`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>AccessDenied</Code>');
    const date = new Date().toUTCString();
    const sign = (method: string, key: string) => ({
      date,
      authorization: signV1({ method, bucket: '-', key, query: [], headers: { date } }, creds, date),
    });
    const wrong = await fetch(`${http}/-/reset`, {
      method: 'POST',
      headers: { date, authorization: signV1({ method: 'POST', bucket: '-', key: 'reset', query: [], headers: { date } }, { ...creds, accessKeySecret: 'nope' }, date) },
    });
    expect(wrong.status).toBe(403);
    const reset = await fetch(`${http}/-/reset`, { method: 'POST', headers: sign('POST', 'reset') });
    expect(reset.status).toBe(200);
    const log = await fetch(`${http}/-/requests`, { headers: sign('GET', 'requests') });
    expect(log.status).toBe(200);
    expect(await log.json()).toEqual({ requests: [] });
  });

  it('serves the web console from the image (page, style sheet and every module main.js imports) under the admin rule', async () => {
    const unsigned = await fetch(`${http}/-/console`);
    expect(unsigned.status).toBe(403);
    const get = async (key: string) => {
      const date = new Date().toUTCString();
      const res = await fetch(`${http}/-/${key}`, { headers: { date, authorization: signV1({ method: 'GET', bucket: '-', key, query: [], headers: { date } }, creds, date) } });
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    expect(await get('console')).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    expect(await get('console/console.css')).toMatchObject({ status: 200, type: expect.stringContaining('text/css') });
    const names = await walkConsoleModules((name) => get(`console/ui/${name}`));
    expect(names.length).toBeGreaterThan(5);
  });

  it('runs the pytest fixture suite with LOCAL_OSS_LAUNCH=docker', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOCAL_OSS_')));
    const hasPytest = await new Promise<boolean>((resolve) => {
      const c = spawn(PYTHON, ['-c', 'import pytest, requests']);
      c.on('error', () => resolve(false));
      c.on('close', (code) => resolve(code === 0));
    });
    if (!hasPytest) {
      if (process.env.REQUIRE_PYTHON === '1') throw new Error('REQUIRE_PYTHON=1 but python3 with pytest and requests is missing');
      console.warn('skipping the pytest fixture in Docker mode: python3 with pytest and requests is missing');
      return;
    }
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const c = spawn(PYTHON, ['-m', 'pytest', 'python/tests', '-p', 'no:cacheprovider', '-k', 'not https'], {
        cwd: REPO,
        env: { ...env, LOCAL_OSS_LAUNCH: 'docker', LOCAL_OSS_IMAGE: IMAGE, PYTHONDONTWRITEBYTECODE: '1' },
      });
      let text = '';
      c.stdout.on('data', (d: Buffer) => (text += d.toString()));
      c.stderr.on('data', (d: Buffer) => (text += d.toString()));
      c.on('close', (code) => resolve({ code, text }));
    });
    expect(out.code, out.text).toBe(0);
    expect(out.text).toMatch(/\b[1-9]\d* passed/);
  }, 180_000);
});
