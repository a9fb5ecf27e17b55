// `--target oss` (real OSS) cannot be reached from here, so its code path runs against a separately started local-oss
// instead: the same CLI, environment variables and target (conformance/src/targets.ts ossTarget: `real: true`, the
// region's `oss-` prefix dropped, OSS_ENDPOINT / OSS_REGION_2 / OSS_ENDPOINT_2), the buckets announced before anything
// is created, the WORM-lock scenario held back without --allow-worm-lock, and every bucket deleted at the end — only
// the network destination differs (OSS_ENDPOINT names the emulator; `localhost` so buckets are addressed
// virtual-host style, as on OSS).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecording, RawDriver, type TargetInfo } from '@local-oss/conformance';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BASELINE = join(root, 'fixtures/recordings/emulator.json');
const KEY = { accessKeyId: 'local-oss-access-key-id', accessKeySecret: 'local-oss-access-key-secret' };

let emulator: ReturnType<typeof spawn>;
let endpoint: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-oss-osstarget-'));
  emulator = spawn(process.execPath, [join(root, 'emulator/dist/cli.js'), '--port', '0', '--in-memory', '--regions', 'cn-shanghai'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    emulator.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    emulator.once('exit', (code) => reject(new Error(`local-oss exited with ${code}`)));
  });
  endpoint = url.replace('127.0.0.1', 'localhost');
});
afterAll(() => {
  emulator?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function ossConformance(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'conformance/dist/cli.js'), '--target', 'oss', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    p.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The environment a user with an account sets (conformance/README.md "Targets"), pointed at the emulator. */
const ossEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  OSS_ACCESS_KEY_ID: KEY.accessKeyId,
  OSS_ACCESS_KEY_SECRET: KEY.accessKeySecret,
  OSS_REGION: 'oss-cn-hangzhou',
  OSS_ENDPOINT: endpoint,
  OSS_REGION_2: 'cn-shanghai',
  OSS_ENDPOINT_2: endpoint,
});

/** The run's buckets still on the server (every one is named local-oss-conf-…). */
async function leftBuckets(): Promise<string[]> {
  const target: TargetInfo = { name: 'probe', endpoint, region: 'cn-hangzhou', ...KEY, real: false };
  const r = await new RawDriver(target).send({ method: 'GET', query: [['prefix', 'local-oss-conf-']] });
  expect(r.status).toBe(200);
  return [...r.body.toString('utf8').matchAll(/<Name>([^<]+)<\/Name>/g)].map((m) => m[1]!);
}

describe('--target oss against a local-oss standing in for OSS', () => {
  it('refuses to start without the credentials it needs, naming them', async () => {
    const { code, stderr } = await ossConformance(['--only', 'bucket-01'], { PATH: process.env.PATH, OSS_REGION: 'cn-hangzhou' });
    expect(code).toBe(2);
    expect(stderr).toContain('--target oss needs OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET in the environment');
  });

  it('announces its buckets, holds back the WORM lock, answers as the baseline, records a real target and deletes every bucket', async () => {
    const record = join(dir, 'oss.json');
    const only = 'bucket-01,object-01,copy-01,copy-33,worm-07,cors-01,encryption-01';
    const { code, stdout } = await ossConformance(['--driver', 'raw,client', '--only', only, '--compare', BASELINE, '--record', record], ossEnv());
    expect(stdout).toContain('will create (and delete afterwards) these buckets:');
    expect(stdout).toMatch(/local-oss-conf-[0-9a-f]{6}-raw-b1/);
    expect(stdout).toMatch(/worm-07\tskip\tskip/);
    expect(stdout).toContain('0 difference(s) from the recording');
    expect(code).toBe(0);
    const recorded = parseRecording(readFileSync(record, 'utf8'));
    expect([recorded.target.name, recorded.target.real, recorded.target.region]).toEqual(['oss', true, 'cn-hangzhou']);
    const passed = recorded.results.filter((r) => r.status === 'pass').map((r) => `${r.scenario}/${r.driver}`);
    expect(passed).toEqual(expect.arrayContaining(['bucket-01/raw', 'copy-33/client', 'cors-01/raw', 'encryption-01/client']));
    expect(await leftBuckets()).toEqual([]);
  }, 300_000);

  it('replays corpus entries on buckets it announces and deletes', async () => {
    const { code, stdout } = await ossConformance(['--corpus', join(root, 'fixtures/recordings/real-oss'), '--only', 'get-bucket-acl-py1u-private,put-bucket-acl-py1u-private'], ossEnv());
    expect(stdout).toContain('will create (and delete afterwards) these buckets:');
    expect(stdout).toContain('corpus: 2 of 2 real answers matched');
    expect(code).toBe(0);
    expect(await leftBuckets()).toEqual([]);
  }, 120_000);
});
