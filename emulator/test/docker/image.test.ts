// The Docker image (issue 7): build it, run it, put and copy through it, keep data across a restart with the
// volume, stop on SIGTERM quickly, and serve the Python SDK v2's copy_object.py sample unchanged.
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssClient } from '@local-oss/client';
import { fileURLToPath } from 'node:url';
import { IMAGE, buildImage, docker, dockerOrSkipReason, run } from '../../../test-support/docker.js';
import { pythonSdkV2OrSkipReason, runPythonSample } from '../../../test-support/python.js';

const skipReason = await dockerOrSkipReason();
if (skipReason) console.warn(`skipping Docker image tests: ${skipReason}`);
const sampleSkipReason = await pythonSdkV2OrSkipReason({ samples: true });
if (!skipReason && sampleSkipReason) console.warn(`skipping the Python sample against Docker: ${sampleSkipReason}`);

/**
 * node:http, not fetch: while the container starts, docker-proxy accepts and resets connections, and Node 20's
 * fetch was seen to leave its promise pending forever on such a reset.
 */
function healthStatus(endpoint: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = get(`${endpoint}/-/health`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(1000, () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve(String(err)));
  });
}

const creds = { accessKeyId: 'docker-key', accessKeySecret: 'docker-secret' };

describe.skipIf(skipReason !== undefined)('Docker image', () => {
  const suffix = randomBytes(4).toString('hex');
  const name = `local-oss-test-${suffix}`;
  const volume = `local-oss-data-${suffix}`;
  let endpoint = '';
  let client: OssClient;

  async function startContainer(): Promise<void> {
    await docker(
      'run', '-d', '--name', name, '-p', '127.0.0.1::9500', '-v', `${volume}:/data`,
      '-e', `LOCAL_OSS_ACCESS_KEY_ID=${creds.accessKeyId}`, '-e', `LOCAL_OSS_ACCESS_KEY_SECRET=${creds.accessKeySecret}`,
      IMAGE,
    );
    await waitForHealth();
  }

  async function waitForHealth(): Promise<void> {
    const port = (await docker('port', name, '9500/tcp')).split('\n')[0]!.split(':').pop();
    endpoint = `http://127.0.0.1:${port}`;
    client = new OssClient({ endpoint, region: 'cn-hangzhou', credentials: creds });
    for (let i = 0; i < 100; i++) {
      if ((await healthStatus(endpoint)) === 200) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`container did not become healthy: ${await docker('logs', name)}`);
  }

  beforeAll(async () => {
    await buildImage();
    await startContainer();
  }, 15 * 60_000);

  afterAll(async () => {
    await docker('rm', '-f', name).catch(() => undefined);
    await docker('volume', 'rm', '-f', volume).catch(() => undefined);
  });

  it('runs as a non-root user, listening on 9500 with a health check', async () => {
    const user = await docker('inspect', '--format', '{{.Config.User}}', name);
    expect(user).toBe('1000:1000');
    const logs = await docker('logs', name);
    expect(logs.split('\n')[0]).toBe('local-oss listening on http://0.0.0.0:9500');
    const health = await docker('inspect', '--format', '{{json .Config.Healthcheck.Test}}', name);
    expect(health).toContain('/-/health');
  });

  it('puts and copies an object, and keeps it across a container restart', async () => {
    await client.putBucket({ bucket: 'docker-bucket' });
    await client.putObject({ bucket: 'docker-bucket', key: 'a.txt', body: 'hello world' });
    const copy = await client.copyObject({ bucket: 'docker-bucket', key: 'b.txt', sourceKey: 'a.txt' });
    expect(copy.hashCrc64).toBe('5981764153023615706');
    await docker('restart', '-t', '10', name);
    await waitForHealth();
    const get = await client.getObject({ bucket: 'docker-bucket', key: 'b.txt' });
    expect((await get.content()).toString()).toBe('hello world');
  });

  it.skipIf(sampleSkipReason !== undefined)('runs the Python SDK v2 copy_object.py sample unchanged', async () => {
    const out = await runPythonSample(
      'copy_object.py',
      ['--region', 'cn-hangzhou', '--endpoint', endpoint, '--bucket', 'docker-bucket', '--key', 'py-copy.txt', '--source_bucket', 'docker-bucket', '--source_key', 'a.txt'],
      creds,
    );
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('status code: 200');
    expect(out.stdout).toContain('hash crc64: 5981764153023615706');
  });

  it('passes a conformance subset through --target url', async () => {
    const cli = fileURLToPath(new URL('../../../conformance/dist/cli.js', import.meta.url));
    const { stdout } = await run(process.execPath, [
      cli, '--target', 'url', '--endpoint', endpoint, '--region', 'cn-hangzhou',
      '--access-key-id', creds.accessKeyId, '--access-key-secret', creds.accessKeySecret,
      '--driver', 'client,raw', '--tags', 'copy', '--skip-tags', 'slow,discovery,needs-second-region',
      '--compare', fileURLToPath(new URL('../../../fixtures/recordings/emulator.json', import.meta.url)),
    ]);
    expect(stdout).toMatch(/\d+ passed, 0 failed/);
    // The image answers as the in-process emulator's committed recording, header for header.
    expect(stdout).toContain('0 difference(s) from the recording');
  });

  it('stops on SIGTERM within 2 seconds', async () => {
    const t0 = Date.now();
    await docker('stop', '-t', '10', name);
    const elapsed = Date.now() - t0;
    const code = await docker('inspect', '--format', '{{.State.ExitCode}}', name);
    expect(code).toBe('0');
    expect(elapsed).toBeLessThan(2000);
  });
});
